// Node only: reads the folder of versions of the cookie information, checks it with
// src/lib/consent/check-node.ts and keeps the result for the whole build. The CSP (astro.config.mjs),
// the widget and the cookie pages all take the version in force from here.
import { checkConsentFolder, type ConsentProblem } from './check-node.ts';
import { agreeableVersions, type ConsentHistory } from './history.ts';
import type { IsoDate } from '../site/dates.ts';
import { refusalError } from '../notice/loader-node.ts';
import { readRecordFolder, readWitness, type FolderRead, type Witness } from '../record/folder-node.ts';
import { describeProblems, type WitnessedFile } from '../record/seal-node.ts';
import { buildDate, consentDir, SettingError } from '../site/settings-node.ts';

export type { ConsentHistory } from './history.ts';

/** The hint under every refusal. */
export const CONSENT_REFUSAL_HINT =
	'Nothing was published. Fix each file named above and build again; the README section "Changing the cookie information" explains each message.';

/** Reads the consent folder: its files as bytes, the seal manifest, and what the folder may not hold. */
export function readConsentFolder(folder: string, root: string = process.cwd()): FolderRead {
	return readRecordFolder(folder, root, {
		message: 'the folder of the cookie information does not exist.',
		hint: 'set CONSENT_CONTENT_DIR to a folder of YYYY-MM-DD.yaml versions, or unset it to use content/evasteet.',
	});
}

/** The report an editor reads when the folder is refused. */
export function describeConsentProblems(folder: string, problems: readonly ConsentProblem[]): string {
	return describeProblems(folder, problems);
}

/** The environment variable naming the published /evasteet/versiot.json that the build must agree with. */
export const CONSENT_PUBLISHED_VERSIONS_VARIABLE = 'CONSENT_PUBLISHED_VERSIONS';

/**
 * Reads the published /evasteet/versiot.json named by CONSENT_PUBLISHED_VERSIONS, if set: every
 * version it lists, with the fingerprint visitors were shown.
 */
export async function readPublishedConsentVersions(
	env: Record<string, string | undefined> = process.env,
	root: string = process.cwd(),
): Promise<Awaited<ReturnType<typeof readWitness>> | undefined> {
	const source = env[CONSENT_PUBLISHED_VERSIONS_VARIABLE]?.trim();
	if (!source) return undefined;
	return readWitness(source, root, CONSENT_PUBLISHED_VERSIONS_VARIABLE, listPublishedConsentVersions);
}

/** The versions a published /evasteet/versiot.json lists (file name from its sourceUrl), or undefined when it is not one. */
export function listPublishedConsentVersions(json: unknown): WitnessedFile[] | undefined {
	const versions = (json as { versions?: unknown } | null)?.versions;
	// The site always publishes at least the version in force: an empty list would check nothing.
	if (!Array.isArray(versions) || versions.length === 0) return undefined;
	const files: WitnessedFile[] = [];
	for (const version of versions as { date?: unknown; sourceUrl?: unknown; sha256?: unknown }[]) {
		const { date, sourceUrl, sha256 } = version ?? {};
		if (typeof date !== 'string' || typeof sourceUrl !== 'string' || !URL.canParse(sourceUrl)) return undefined;
		const fileName = new URL(sourceUrl).pathname.split('/').at(-1) ?? '';
		if (!new RegExp(`^${date}\\.(yaml|json)$`).test(fileName)) return undefined;
		if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
		files.push({ fileName, sha256 });
	}
	return files;
}

/** Reads and checks the folder as of `date`; the history, or the problems that stop the build. */
export function checkConsentHistory(
	folder: string = consentDir(),
	date: IsoDate = buildDate(),
	options: { root?: string; witness?: Witness | undefined } = {},
): { path: string } & (
	{ history: ConsentHistory; problems: [] } | { history?: undefined; problems: ConsentProblem[] }
) {
	const read = readConsentFolder(folder, options.root);
	const { path } = read;
	if (!read.exists) return { path, problems: read.problems };
	const check = checkConsentFolder(read.files, {
		sealed: read.sealed,
		buildDate: date,
		folder,
		witness: options.witness,
	});
	const problems = [...read.problems, ...check.problems];
	const current = check.versions.at(-1);
	if (problems.length > 0 || !current) return { path, problems };
	const bytes = new Map(read.files.map((file) => [file.fileName, file.bytes]));
	return {
		path,
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
	// Located at the file at fault, so that the dev overlay opens the version; no stack, as for the notice.
	if (!result.history) throw refusalError(folder, result, CONSENT_REFUSAL_HINT);
	loaded.set(key, result.history);
	return result.history;
}

/** What the build says about the history besides refusals: scheduled, unsealed and re-asking versions. */
export function consentNotes(history: ConsentHistory): string[] {
	const notes: string[] = [];
	for (const version of history.scheduled) {
		notes.push(
			`${history.folder}/${version.fileName} is scheduled: nothing of it is published until the first build on or after ${version.date}` +
				(version.reasked
					? `; then it asks every visitor again (${version.materialChanges.join('; ')}).`
					: '; it changes only wording and asks nobody again.'),
		);
	}
	for (const fileName of history.unsealed) {
		notes.push(`${history.folder}/${fileName} is not sealed yet. Seal it when it is final: npm run consent:seal`);
	}
	const current = history.current;
	if (history.versions.length > 1) {
		notes.push(
			current.reasked
				? `${history.folder}/${current.fileName}, in force, asks every visitor again: ${current.materialChanges.join('; ')}.`
				: `${history.folder}/${current.fileName}, in force, changes only wording: nobody is asked again.`,
		);
	}
	return notes;
}

/**
 * For astro.config.mjs: the history, checked against the published site when
 * CONSENT_PUBLISHED_VERSIONS is set. A refusal is printed here, without a stack (the
 * configuration is read before Astro can print an error of ours) and stops the build with exit 1;
 * under `astro dev` the server starts anyway, and every page shows the refusal in the error
 * overlay until the editor fixes the file (undefined is returned then).
 */
export async function consentHistoryForConfig(dev = process.argv.includes('dev')): Promise<ConsentHistory | undefined> {
	const folder = consentDir();
	let today: IsoDate;
	try {
		today = buildDate();
	} catch (error) {
		if (!(error instanceof SettingError)) throw error;
		console.error(`\n${error.message}\n  Fix: ${error.hint}\n`);
		process.exit(1);
	}
	const witness = await readPublishedConsentVersions();
	const result: { history?: ConsentHistory | undefined; problems: ConsentProblem[] } =
		witness && 'problem' in witness ? { problems: [witness.problem] } : checkConsentHistory(folder, today, { witness });
	if (!result.history) {
		console.error(`\n${describeConsentProblems(folder, result.problems)}\n\n${CONSENT_REFUSAL_HINT}\n`);
		if (dev) return undefined;
		process.exit(1);
	}
	for (const note of consentNotes(result.history)) console.warn(`[consent] ${note}`);
	loaded.set(`${folder}\n${result.history.date}`, result.history);
	return result.history;
}
