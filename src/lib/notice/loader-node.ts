import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader } from 'astro/loaders';
import { formatFinnishDate } from '../site/dates.ts';
import type { FolderCheck } from './check-node.ts';
import { checkFolderOnDisk, readPublishedVersions, type FolderOnDisk } from './folder-node.ts';
import { describeProblems, formatProblem, sha256 } from '../record/seal-node.ts';
import type { Witness } from '../record/folder-node.ts';
import { buildDate, SettingError } from '../site/settings-node.ts';
import type { LoadedRevision } from './revisions.ts';

/** The hint under every refusal: where the editor finds each message explained. */
export const REFUSAL_HINT =
	'Nothing was published. Fix each file named above and build again; the README section "For editors" explains each message.';

/**
 * The error for a refused folder, located at the first file at fault, so that the dev
 * overlay opens the revision, and without a stack: the editor's mistake is not in our code.
 */
export function refusalError(
	folder: string,
	check: Pick<FolderOnDisk, 'path' | 'problems'>,
	hint = REFUSAL_HINT,
): AstroError {
	const error = new AstroError(describeProblems(folder, check.problems), hint);
	const located = check.problems.find((problem) => problem.file !== undefined);
	if (located?.file)
		Object.assign(error, { loc: { file: join(check.path, located.file), line: located.line ?? 1, column: 1 } });
	error.stack = '';
	return error;
}

/** The build date, or a plain refusal when NOTICE_BUILD_DATE cannot be one. */
export function buildDateOrRefuse(): string {
	try {
		return buildDate();
	} catch (error) {
		if (!(error instanceof SettingError)) throw error;
		const refusal = new AstroError(error.message, error.hint);
		refusal.stack = '';
		throw refusal;
	}
}

/** Checks a revisions folder and throws the editor-readable report if anything is wrong. */
export function assertFolderIsPublishable(folder: string, root?: string): FolderCheck {
	const check = checkFolderOnDisk(folder, { buildDate: buildDateOrRefuse(), ...(root ? { root } : {}) });
	if (check.problems.length > 0) throw refusalError(folder, check);
	return check;
}

/** What the build says besides refusals: warnings, the working copy, what is scheduled. */
export function buildNotes(
	folder: string,
	check: FolderCheck,
	preview = false,
): { warnings: string[]; info: string[] } {
	const warnings = check.warnings.map((warning) => formatProblem(warning, folder));
	if (check.unsealed.length > 0) {
		warnings.push(
			`Not sealed yet: ${check.unsealed.join(', ')}, published today. Seal it when the text is final (npm run revision:seal); from tomorrow the build refuses it unsealed.`,
		);
	}
	const info = check.scheduled.map(
		(revision) =>
			`Scheduled: ${revision.fileName} goes online with the first build on or after ${formatFinnishDate(revision.published)} (${revision.published}); ${preview ? 'shown here as a preview only.' : 'nothing of it is published now.'}`,
	);
	return { warnings, info };
}

/**
 * Loads the notice's revisions: checks the whole folder first, so that one mistake stops the
 * build before anything is written, then lets Astro's glob loader render the MDX. A revision
 * published after the build date is left out of the build altogether; `astro dev` shows it,
 * marked as not yet published.
 *
 * In `astro dev` a mistake does not stop the server: it is logged, every page shows it in the
 * error overlay (see `loadHistory`), and the folder is checked again on every change.
 */
export function revisionLoader(folder: string): Loader {
	return {
		name: 'notice-revisions',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const { watcher, logger } = context;
			const witnessRead = await readPublishedVersions(process.env, root);
			if (witnessRead && 'problem' in witnessRead) {
				const check = { path: root, problems: [witnessRead.problem] };
				if (!watcher) throw refusalError(folder, check);
				logger.error(describeProblems(folder, check.problems));
			}
			const witness: Witness | undefined = witnessRead && 'files' in witnessRead ? witnessRead : undefined;
			const today = buildDateOrRefuse();
			const checkNow = () => checkFolderOnDisk(folder, { buildDate: today, root, witness });
			let check = checkNow();
			const report = () => {
				if (check.problems.length > 0) logger.error(describeProblems(folder, check.problems));
			};
			if (check.problems.length > 0 && !watcher) throw refusalError(folder, check);
			report();
			const notes = buildNotes(folder, check, Boolean(watcher));
			for (const warning of notes.warnings) logger.warn(warning);
			for (const line of notes.info) logger.info(line);

			// In dev, a file the watcher reports is checked again with the whole folder; listening
			// before the glob loader does keeps the check fresh for most saves.
			const recheck = (changed: string) => {
				if (!changed.startsWith(check.path)) return;
				check = checkNow();
				report();
			};
			for (const event of ['add', 'change', 'unlink'] as const) watcher?.on(event, recheck);
			const checkedRevision = (id: string, filePath: string | undefined) => {
				const found = check.revisions.find((candidate) => candidate.published === id);
				// A save caught half-written by the watcher, then read whole by the glob loader: check again.
				if (watcher && filePath && found?.sha256 !== sha256(readFileSync(filePath))) {
					check = checkNow();
					report();
					return check.revisions.find((candidate) => candidate.published === id);
				}
				return found;
			};
			// Astro's content cache keeps an unchanged file's stored data from the last build, but
			// the blocks also depend on our code and the scheduled mark on the build date: a build
			// stores every revision afresh from this check.
			if (!watcher) context.store.clear();
			// The build leaves scheduled revisions out before anything reads them.
			const left = watcher ? [] : check.scheduled.map((revision) => `!${revision.fileName}`);
			await glob({ pattern: ['*.mdx', ...left], base: folder }).load({
				...context,
				// The folder check parsed and validated the file; what the pages need of it is stored as
				// checked, with no second parse or schema (content.config.ts only names its type).
				parseData: async (entry) => {
					const revision = checkedRevision(entry.id, entry.filePath);
					// Only in dev can an entry be unchecked; pages refuse to render until it is fixed.
					if (!revision) return entry.data;
					const { title, published, effective, summary, sha256, blocks } = revision;
					const loaded: LoadedRevision = {
						title,
						published,
						effective,
						...(summary === undefined ? {} : { summary }),
						sha256,
						blocks,
						scheduled: check.scheduled.some((other) => other.published === published),
					};
					return loaded as unknown as typeof entry.data;
				},
			});
		},
	};
}
