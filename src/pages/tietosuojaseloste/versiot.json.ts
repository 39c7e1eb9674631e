import type { APIRoute } from 'astro';
import { loadHistory } from '../../lib/notice/collection-node.ts';
import { blocksPath, changesPath, revisionPath, sourcePath } from '../../lib/site/routes.ts';

/**
 * Every revision with its dates, summary, addresses and the SHA-256 of its source file, so that
 * anyone can check that a copy of a revision is what was published.
 */
export const GET: APIRoute = async ({ site }) => {
	const history = await loadHistory();
	const absolute = (path: string) => new URL(path, site).href;
	const revisions = history.revisions.map((revision) => {
		const view = history.statusViewOf(revision);
		return {
			published: revision.published,
			effective: revision.effective,
			// In force from validFrom to validUntil, both days included; validUntil is null while no
			// later revision is known, and both are null for a revision replaced before it took effect.
			validFrom: view.validity?.from ?? null,
			validUntil: view.validity?.until ?? null,
			status: view.status,
			title: revision.title,
			summary: revision.summary ?? null,
			url: absolute(revisionPath(revision)),
			// Every revision has a changes page (the first one's says there is nothing earlier), as the sitemap lists.
			changesUrl: absolute(changesPath(revision)),
			blocksUrl: absolute(blocksPath(revision)),
			sourceUrl: absolute(sourcePath(revision)),
			sha256: revision.sha256,
			// Only under astro dev, which previews a revision published after the build date.
			...(revision.scheduled ? { scheduled: true } : {}),
		};
	});
	const body = { current: history.current.published, revisions };
	return new Response(`${JSON.stringify(body, null, '\t')}\n`, {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
};
