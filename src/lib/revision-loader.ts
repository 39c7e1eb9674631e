import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader } from 'astro/loaders';
import type { FolderCheck } from './revision-check.ts';
import { checkFolderOnDisk, describeProblems } from './revision-folder.ts';

/** The hint under every refusal: where the editor finds each message explained. */
export const REFUSAL_HINT =
	'Nothing was published. Fix each file named above and build again; the README section "For editors" explains each message.';

/** Checks a revisions folder and throws the editor-readable report if anything is wrong. */
export function assertFolderIsPublishable(folder: string, root?: string): FolderCheck {
	const check = checkFolderOnDisk(folder, root);
	if (check.problems.length > 0) throw new AstroError(describeProblems(folder, check), REFUSAL_HINT);
	return check;
}

/**
 * Loads the notice's revisions: checks the whole folder first, so that one mistake stops the
 * build before anything is written, then lets Astro's glob loader render the MDX.
 *
 * In `astro dev` a mistake does not stop the server: it is logged, every page shows it in the
 * error overlay (see `loadHistory`), and the folder is checked again on every change.
 */
export function revisionLoader(folder: string): Loader {
	const inner = glob({ pattern: '*.mdx', base: folder });
	return {
		name: 'notice-revisions',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const { watcher, logger } = context;
			let check = checkFolderOnDisk(folder, root);
			const report = () => {
				if (check.problems.length > 0) logger.error(describeProblems(folder, check));
			};
			if (check.problems.length > 0 && !watcher) {
				throw new AstroError(describeProblems(folder, check), REFUSAL_HINT);
			}
			report();
			if (check.unsealed.length > 0) {
				logger.warn(
					`Not sealed yet: ${check.unsealed.join(', ')}. Seal each revision when it is published: npm run revision:seal`,
				);
			}
			// Registered before the glob loader's own listeners, so the check is fresh when it re-reads a file.
			const recheck = (changed: string) => {
				if (!changed.startsWith(check.path)) return;
				check = checkFolderOnDisk(folder, root);
				report();
			};
			for (const event of ['add', 'change', 'unlink'] as const) watcher?.on(event, recheck);

			await inner.load({
				...context,
				// The folder check already parsed and validated the front matter; store its result.
				parseData: async (entry) => {
					const revision = check.revisions.find((candidate) => candidate.published === entry.id);
					// Only in dev can an entry be unchecked; pages refuse to render until it is fixed.
					if (!revision) return entry.data;
					const { title, published, effective, summary, sha256 } = revision;
					const data = { title, published, effective, ...(summary === undefined ? {} : { summary }), sha256 };
					return context.parseData({ ...entry, data: data as unknown as typeof entry.data });
				},
			});
		},
	};
}
