// Node only: reads the folder of versions of the cookie information, checks it with
// src/lib/consent-check.ts and keeps the result for the whole build. The CSP (astro.config.mjs),
// the widget and the cookie pages all take the version in force from here.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import {
	checkConsentFolder,
	CONSENT_SEAL_MANIFEST,
	type ConsentFile,
	type ConsentProblem,
	type SealManifest,
} from './consent-check.ts';
import { agreeableVersions, type ConsentHistory } from './consent-history.ts';
import type { IsoDate } from './dates.ts';
import { formatProblem } from './revision-check.ts';
import { buildDate, consentDir } from './site-settings.ts';

/** The hint under every refusal. */
export const CONSENT_REFUSAL_HINT =
	'Nothing was published. Fix each file named above and build again; the README section "Changing the cookie information" explains each message.';

// Editors' backup and swap files are theirs, not versions.
const IGNORED = /^\.|~$|\.sw[a-p]$|^#.*#$/;

/** Reads the consent folder: its version files as bytes, the seal manifest, and what is wrong with the folder itself. */
export function readConsentFolder(
	folder: string,
	root: string = process.cwd(),
): { exists: boolean; files: ConsentFile[]; sealed: SealManifest | undefined; problems: ConsentProblem[] } {
	const path = isAbsolute(folder) ? folder : resolve(root, folder);
	if (!existsSync(path) || !statSync(path).isDirectory()) {
		return {
			exists: false,
			files: [],
			sealed: undefined,
			problems: [
				{
					message: 'the folder of the cookie information does not exist.',
					hint: 'set CONSENT_CONTENT_DIR to a folder of YYYY-MM-DD.yaml versions, or unset it to use content/evasteet.',
				},
			],
		};
	}
	const problems: ConsentProblem[] = [];
	const files: ConsentFile[] = [];
	const real = realpathSync(path);
	for (const fileName of readdirSync(path).sort()) {
		if (IGNORED.test(fileName) || fileName === CONSENT_SEAL_MANIFEST) continue;
		const file = join(path, fileName);
		const link = lstatSync(file).isSymbolicLink();
		if (link) {
			const target = existsSync(file) ? realpathSync(file) : undefined;
			if (!target || relative(real, target).startsWith('..') || isAbsolute(relative(real, target))) {
				problems.push({
					file: fileName,
					message: target ? 'the file is a link to a file outside the folder.' : 'the file is a link that leads nowhere.',
					hint: 'a version is a file of its own in the folder: replace the link with the file, or delete it.',
				});
				continue;
			}
		}
		if (statSync(file).isDirectory()) {
			problems.push({
				file: fileName,
				message: 'this is a folder; the cookie information is one file per version, side by side.',
				hint: 'move the versions out of the subfolder into the folder itself, or delete the subfolder.',
			});
			continue;
		}
		files.push({ fileName, bytes: new Uint8Array(readFileSync(file)) });
	}

	const manifestPath = join(path, CONSENT_SEAL_MANIFEST);
	let sealed: SealManifest | undefined;
	if (existsSync(manifestPath)) {
		sealed = parseManifest(readFileSync(manifestPath, 'utf8'));
		if (!sealed) {
			problems.push({
				file: CONSENT_SEAL_MANIFEST,
				message: `the seal manifest is not a JSON object of "YYYY-MM-DD.yaml": "sha256" pairs.`,
				hint: `restore it from version control (git checkout -- ${folder}/${CONSENT_SEAL_MANIFEST}), then seal again with npm run consent:seal.`,
			});
			// Refused already: an empty manifest spares a second message that it is missing.
			sealed = {};
		}
	}
	return { exists: true, files, sealed, problems };
}

function parseManifest(text: string): SealManifest | undefined {
	try {
		const manifest: unknown = JSON.parse(text);
		if (
			typeof manifest === 'object' &&
			manifest !== null &&
			!Array.isArray(manifest) &&
			Object.values(manifest).every((digest) => typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest))
		) {
			return manifest as SealManifest;
		}
	} catch {
		// Not JSON: refused by the caller with the fix.
	}
	return undefined;
}

/** The report an editor reads when the folder is refused. */
export function describeConsentProblems(folder: string, problems: readonly ConsentProblem[]): string {
	const count = problems.length;
	return (
		`${count} ${count === 1 ? 'mistake' : 'mistakes'} in ${folder}:\n\n` +
		problems.map((problem) => formatProblem(problem, folder)).join('\n\n')
	);
}

/** Reads and checks the folder as of `date`; the history, or the problems that stop the build. */
export function checkConsentHistory(
	folder: string = consentDir(),
	date: IsoDate = buildDate(),
	root?: string,
): { history: ConsentHistory; problems: [] } | { history?: undefined; problems: ConsentProblem[] } {
	const read = readConsentFolder(folder, root);
	if (!read.exists) return { problems: read.problems };
	const check = checkConsentFolder(read.files, read.sealed, date, folder);
	const problems = [...read.problems, ...check.problems];
	const current = check.versions.at(-1);
	if (problems.length > 0 || !current) return { problems };
	const bytes = new Map(read.files.map((file) => [file.fileName, file.bytes]));
	return {
		problems: [],
		history: {
			folder,
			date,
			versions: check.versions,
			current,
			agreeable: agreeableVersions(check.versions),
			scheduled: check.scheduled,
			unsealed: check.unsealed,
			bytesOf: (version) => bytes.get(version.fileName)!,
		},
	};
}

const loaded = new Map<string, ConsentHistory>();

/**
 * The history for this build, checked once per folder and date; a refusal throws the editor's
 * report. `fresh` reads the folder again (the dev server, where an editor is saving files).
 */
export function loadConsentHistory(options: { folder?: string; date?: IsoDate; fresh?: boolean } = {}): ConsentHistory {
	const folder = options.folder ?? consentDir();
	const date = options.date ?? buildDate();
	const key = `${folder}\n${date}`;
	const cached = options.fresh ? undefined : loaded.get(key);
	if (cached) return cached;
	const result = checkConsentHistory(folder, date);
	if (!result.history) throw new AstroError(describeConsentProblems(folder, result.problems), CONSENT_REFUSAL_HINT);
	loaded.set(key, result.history);
	return result.history;
}

/** What the build says about the history besides refusals: scheduled, unsealed and re-asking versions. */
export function consentNotes(history: ConsentHistory): string[] {
	const notes: string[] = [];
	for (const version of history.scheduled) {
		notes.push(
			`${history.folder}/${version.fileName} is scheduled: nothing of it is published until the first build on or after ${version.date}` +
				(version.reasked ? `; then it asks every visitor again (${version.materialChanges.join('; ')}).` : '; it changes only wording and asks nobody again.'),
		);
	}
	for (const fileName of history.unsealed) {
		notes.push(`${history.folder}/${fileName} is not sealed yet. Seal it when it is final: npm run consent:seal`);
	}
	const current = history.current;
	if (current.reasked && history.versions.length > 1) {
		notes.push(`${history.folder}/${current.fileName} asks every visitor again: ${current.materialChanges.join('; ')}.`);
	}
	return notes;
}

/**
 * For astro.config.mjs: the history, or the editor's report and exit 1. The configuration is
 * read before Astro can print an error of ours, so a refusal is printed here, without a stack.
 */
export function consentHistoryForConfig(): ConsentHistory {
	const folder = consentDir();
	const result = checkConsentHistory(folder, buildDate());
	if (!result.history) {
		console.error(`\n${describeConsentProblems(folder, result.problems)}\n\n${CONSENT_REFUSAL_HINT}\n`);
		process.exit(1);
	}
	for (const note of consentNotes(result.history)) console.warn(`[consent] ${note}`);
	loaded.set(`${folder}\n${result.history.date}`, result.history);
	return result.history;
}
