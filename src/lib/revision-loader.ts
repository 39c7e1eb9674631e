import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader } from 'astro/loaders';
import { sha256, type FolderCheck } from './revision-check.ts';
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
			// In dev, a file the watcher reports is checked again with the whole folder; listening
			// before the glob loader does keeps the check fresh for most saves.
			const recheck = (changed: string) => {
				if (!changed.startsWith(check.path)) return;
				check = checkFolderOnDisk(folder, root);
				report();
			};
			for (const event of ['add', 'change', 'unlink'] as const) watcher?.on(event, recheck);
			const checkedRevision = (id: string, filePath: string | undefined) => {
				const found = check.revisions.find((candidate) => candidate.published === id);
				// A save caught half-written by the watcher, then read whole by the glob loader: check again.
				if (watcher && filePath && found?.sha256 !== sha256(readFileSync(filePath, 'utf8'))) {
					check = checkFolderOnDisk(folder, root);
					report();
					return check.revisions.find((candidate) => candidate.published === id);
				}
				return found;
			};
			await inner.load({
				...context,
				// The folder check already parsed and validated the front matter; store its result.
				parseData: async (entry) => {
					const revision = checkedRevision(entry.id, entry.filePath);
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
