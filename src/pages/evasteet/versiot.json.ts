import type { APIRoute } from 'astro';
import { loadConsentHistory } from '../../lib/consent/versions-node.ts';
import { consentSourcePath, consentVersionPath } from '../../lib/site/routes.ts';

/**
 * Every version of the cookie information with its dates, whether it asked visitors again, the
 * widget revision it ran under, its addresses and the SHA-256 of its file, so that anyone can
 * check that a copy of a version is what visitors were shown.
 */
export const GET: APIRoute = ({ site }) => {
	const history = loadConsentHistory();
	const absolute = (path: string) => new URL(path, site).href;
	const versions = history.versions.map((version) => ({
		date: version.date,
		from: version.date,
		until: version.until ?? null,
		reasked: version.reasked,
		revision: version.revision,
		summary: version.summary ?? null,
		url: absolute(consentVersionPath(version)),
		sourceUrl: absolute(consentSourcePath(version)),
		sha256: version.sha256,
	}));
	const body = { current: history.current.date, versions };
	return new Response(`${JSON.stringify(body, null, '\t')}\n`, {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
};
