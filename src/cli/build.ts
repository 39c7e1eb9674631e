// `npm run build [-- --outDir DIR]`: astro build, all or nothing. The revisions and the cookie
// information are checked first (a refusal starts no build), the site is written to a hidden
// folder beside the output folder and moved into place only when complete and when both are
// still the bytes that were checked, so that whatever stops the build (an error, Ctrl-C, a cancelled job,
// SIGKILL) the output folder holds a whole site or nothing.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { outputFolderProblem } from '../lib/site/build-output-node.ts';
import {
	CONSENT_PUBLISHED_VERSIONS_VARIABLE,
	CONSENT_REFUSAL_HINT,
	checkConsentHistory,
	readPublishedConsentVersions,
} from '../lib/consent/versions-node.ts';
import { REFUSAL_HINT } from '../lib/notice/loader-node.ts';
import { checkFolderOnDisk, PUBLISHED_VERSIONS_VARIABLE, readPublishedVersions } from '../lib/notice/folder-node.ts';
import { describeProblems, type RecordProblem } from '../lib/record/seal-node.ts';
import { buildDate, consentDir, contentDir, SettingError } from '../lib/site/settings-node.ts';

const USAGE = `Usage: npm run build [-- --outDir DIR] [--verbose]

  --outDir   the folder the site is written to (default: dist); it is replaced whole
  --verbose  Astro's detailed log`;

const root = process.cwd();
let options: { outDir?: string | undefined; verbose?: boolean | undefined };
try {
	// Only what this script understands: a second or differently spelt output flag would send
	// Astro elsewhere than the folder this script guards.
	({ values: options } = parseArgs({
		options: { outDir: { type: 'string' }, verbose: { type: 'boolean' } },
		strict: true,
		allowPositionals: false,
	}));
	if (process.argv.filter((arg) => arg === '--outDir' || arg.startsWith('--outDir=')).length > 1) {
		throw new Error('--outDir is given more than once.');
	}
} catch (error) {
	console.error(`${(error as Error).message}\n\n${USAGE}`);
	process.exit(2);
}
const outDirArg = options.outDir || 'dist';
const outDir = resolve(root, outDirArg);
const folder = contentDir();

function refuse(message: string, hint: string): never {
	console.error(`${message}\n  Fix: ${hint}`);
	process.exit(1);
}

/** Removes the output folder: a refused or failed build leaves nothing that could be deployed. */
function publishNothing(why: string, code: number): never {
	rmSync(outDir, { recursive: true, force: true });
	const shown = outDir.startsWith(`${root}/`) ? relative(root, outDir) : outDir;
	console.error(`\n${why}: ${shown}/ was removed and nothing was published.`);
	process.exit(code);
}

// The output folder is replaced whole: it must not be, hold or lie inside anything of the project's own.
const sources = ['src', 'content', 'public', 'tests', 'node_modules', '.git', '.ci', '.astro', 'package.json']
	.map((name) => join(root, name))
	.concat(resolve(root, folder));
switch (outputFolderProblem(outDir, sources)) {
	case 'source':
		refuse(
			`--outDir ${outDirArg}: that folder is part of the project's source tree, and the build replaces its output folder whole.`,
			'build into a folder of its own: dist (the default), or a folder outside the project.',
		);
	// eslint-disable-next-line no-fallthrough -- refuse() exits the process
	case 'foreign':
		refuse(
			`--outDir ${outDirArg}: that folder holds files that are not a build of this site, and the build replaces its output folder whole.`,
			'choose an empty folder or one an earlier build wrote, or move those files away.',
		);
}

let today: string;
try {
	today = buildDate();
} catch (error) {
	if (!(error instanceof SettingError)) throw error;
	refuse(error.message, error.hint);
}

// Nothing left over from an earlier build can be deployed by mistake.
rmSync(outDir, { recursive: true, force: true });

const witness = await readPublishedVersions(process.env, root);
/** Checks the revisions as this build publishes them; the same check the loader makes. */
function checkRevisions(): { problems: RecordProblem[]; fingerprints: Map<string, string> } {
	const check = checkFolderOnDisk(folder, {
		buildDate: today,
		root,
		witness: witness && 'files' in witness ? witness : undefined,
	});
	const problems = [...(witness && 'problem' in witness ? [witness.problem] : []), ...check.problems];
	return { problems, fingerprints: new Map(check.revisions.map((revision) => [revision.fileName, revision.sha256])) };
}
// The cookie information is a sealed record too, checked the same way.
const consentFolder = consentDir();
const consentWitness = await readPublishedConsentVersions(process.env, root);
/** Checks the cookie information as this build publishes it; the same check the configuration makes. */
function checkConsent(): { problems: RecordProblem[]; fingerprints: Map<string, string> } {
	if (consentWitness && 'problem' in consentWitness)
		return { problems: [consentWitness.problem], fingerprints: new Map() };
	const { history, problems } = checkConsentHistory(consentFolder, today, { root, witness: consentWitness });
	const versions = history ? [...history.versions, ...history.scheduled] : [];
	return { problems, fingerprints: new Map(versions.map((version) => [version.fileName, version.sha256])) };
}
const before = checkRevisions();
const consentBefore = checkConsent();
if (before.problems.length > 0) console.error(`${describeProblems(folder, before.problems)}\n\n${REFUSAL_HINT}`);
if (consentBefore.problems.length > 0) {
	console.error(`${describeProblems(consentFolder, consentBefore.problems)}\n\n${CONSENT_REFUSAL_HINT}`);
}
if (before.problems.length > 0 || consentBefore.problems.length > 0) publishNothing('The build was refused', 1);

// A build killed outright leaves its hidden folder behind; the next build clears it once its
// build is gone (or, should the process number have been reused, after a day).
const parent = dirname(outDir);
const staging = join(parent, `.${basename(outDir)}.partial-${process.pid}`);
for (const name of existsSync(parent) ? readdirSync(parent) : []) {
	const pid = /^\.(.+)\.partial-(\d+)$/.exec(name);
	if (!pid || pid[1] !== basename(outDir)) continue;
	const left = join(parent, name);
	const stale = !isRunning(Number(pid[2])) || Date.now() - statSync(left).mtimeMs > 86_400_000;
	if (stale) rmSync(left, { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// The witnesses were checked above; the loader and the configuration check the seals again on the same build date.
const env: NodeJS.ProcessEnv = { ...process.env, NOTICE_BUILD_DATE: today };
delete env[PUBLISHED_VERSIONS_VARIABLE];
delete env[CONSENT_PUBLISHED_VERSIONS_VARIABLE];
// Astro's own command, run on this Node, whether or not npm put node_modules/.bin on the PATH.
const astroCommand = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const astroArgs = ['build', ...(options.verbose ? ['--verbose'] : []), '--outDir', staging];
const astro = spawn(process.execPath, [astroCommand, ...astroArgs], { stdio: 'inherit', env });
let stoppedBy: NodeJS.Signals | undefined;
const stop = (signal: NodeJS.Signals) => {
	stoppedBy ??= signal;
	astro.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
// Whoever started the build (npm, a CI runner) gone means the build was cancelled.
const startedBy = process.ppid;
const watchParent = setInterval(() => {
	if (process.ppid !== startedBy) stop('SIGTERM');
}, 250);
const code = await new Promise<number>((done) => {
	astro.on('error', (error) => {
		console.error(`Could not start astro: ${error.message}. Run npm ci first.`);
		done(1);
	});
	astro.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 128 : 1)));
});
clearInterval(watchParent);
if (stoppedBy || code !== 0) {
	rmSync(staging, { recursive: true, force: true });
	if (stoppedBy) publishNothing(`The build was stopped (${stoppedBy})`, stoppedBy === 'SIGINT' ? 130 : 143);
	publishNothing('The build failed', code);
}

// What was built must be what was checked: a revision or version saved while the build ran is refused.
/** What changed between two checks of one folder, and what the second check refuses. */
function sinceChecked(
	first: ReturnType<typeof checkRevisions>,
	second: ReturnType<typeof checkRevisions>,
	what: string,
): RecordProblem[] {
	const changed = [...new Set([...first.fingerprints.keys(), ...second.fingerprints.keys()])].filter(
		(fileName) => first.fingerprints.get(fileName) !== second.fingerprints.get(fileName),
	);
	return [
		...changed.map((fileName) => ({
			file: fileName,
			message: 'changed while the site was being built, so the site may show other bytes than were checked.',
			hint: `build again once nobody is saving ${what}.`,
		})),
		...second.problems,
	];
}
const afterProblems = sinceChecked(before, checkRevisions(), 'revisions');
const consentAfterProblems = sinceChecked(consentBefore, checkConsent(), 'versions of the cookie information');
if (afterProblems.length > 0 || consentAfterProblems.length > 0) {
	rmSync(staging, { recursive: true, force: true });
	if (afterProblems.length > 0) console.error(`${describeProblems(folder, afterProblems)}\n\n${REFUSAL_HINT}`);
	if (consentAfterProblems.length > 0) {
		console.error(`${describeProblems(consentFolder, consentAfterProblems)}\n\n${CONSENT_REFUSAL_HINT}`);
	}
	publishNothing('The build was refused', 1);
}
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
