// `npm run build [-- --outDir DIR]`: astro build, all or nothing. The revisions are checked
// first (a refusal starts no build), the site is written to a hidden folder beside the output
// folder and moved into place only when complete, so that whatever stops the build (an error,
// Ctrl-C, a cancelled job, SIGKILL) the output folder holds a whole site or nothing.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { REFUSAL_HINT } from '../lib/revision-loader.ts';
import { checkFolderOnDisk, PUBLISHED_VERSIONS_VARIABLE, readPublishedVersions } from '../lib/revision-folder.ts';
import { describeProblems } from '../lib/sealed-record.ts';
import { buildDate, contentDir } from '../lib/site-settings.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const flag = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
const flagValue = flag === -1 ? undefined : args[flag]?.includes('=') ? args[flag]?.slice('--outDir='.length) : args[flag + 1];
const outDirArg = flagValue || 'dist';
const passOn = flag === -1 ? args : args.filter((_, index) => index !== flag && (args[flag]?.includes('=') || index !== flag + 1));
const outDir = resolve(root, outDirArg);
const folder = contentDir();

/** True when `path` is `folderPath` or inside it. */
function inside(path: string, folderPath: string): boolean {
	return path === folderPath || path.startsWith(`${folderPath}${sep}`);
}

function refuse(message: string, hint: string): never {
	console.error(`${message}\n  Fix: ${hint}`);
	process.exit(1);
}

/** Removes the output folder: a refused or failed build leaves nothing that could be deployed. */
function publishNothing(why: string, code: number): never {
	rmSync(outDir, { recursive: true, force: true });
	const shown = inside(outDir, root) ? relative(root, outDir) : outDir;
	console.error(`\n${why}: ${shown}/ was removed and nothing was published.`);
	process.exit(code);
}

// The output folder is replaced whole, so it must not be, or hold, anything of the project's own.
const sources = ['src', 'content', 'public', 'tests', 'node_modules', '.git', '.ci', '.astro'].map((name) => join(root, name));
if (inside(root, outDir) || [...sources, resolve(root, folder)].some((source) => inside(outDir, source))) {
	refuse(
		`--outDir ${outDirArg}: that folder is part of the project's source tree, and the build replaces its output folder whole.`,
		'build into a folder of its own: dist (the default), or a folder outside the project.',
	);
}
if (existsSync(outDir)) {
	const looksBuilt = !statSync(outDir).isDirectory()
		? false
		: readdirSync(outDir).length === 0 || existsSync(join(outDir, 'tietosuojaseloste'));
	if (!looksBuilt) {
		refuse(
			`--outDir ${outDirArg}: that folder holds files that are not a build of this site, and the build replaces its output folder whole.`,
			'choose an empty folder or one an earlier build wrote, or move those files away.',
		);
	}
}

let today: string;
try {
	today = buildDate();
} catch (error) {
	refuse((error as Error).message, 'write NOTICE_BUILD_DATE as YYYY-MM-DD, or unset it to use today.');
}

// Nothing left over from an earlier build can be deployed by mistake.
rmSync(outDir, { recursive: true, force: true });

const witness = await readPublishedVersions(process.env, root);
const check = checkFolderOnDisk(folder, {
	buildDate: today,
	root,
	witness: witness && 'files' in witness ? witness : undefined,
});
const problems = [...(witness && 'problem' in witness ? [witness.problem] : []), ...check.problems];
if (problems.length > 0) {
	console.error(`${describeProblems(folder, problems)}\n\n${REFUSAL_HINT}`);
	publishNothing('The build was refused', 1);
}

// A build killed outright leaves its hidden folder behind; the next build clears it.
const staging = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`);
for (const name of existsSync(dirname(outDir)) ? readdirSync(dirname(outDir)) : []) {
	const pid = new RegExp(`^\\.${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.partial-(\\d+)$`).exec(name)?.[1];
	if (pid && !isRunning(Number(pid))) rmSync(join(dirname(outDir), name), { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// The witness was checked above against the same bytes; the loader checks the seals again.
const env = { ...process.env };
delete env[PUBLISHED_VERSIONS_VARIABLE];
// Astro's own command, run on this Node, whether or not npm put node_modules/.bin on the PATH.
const astroCommand = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const astro = spawn(process.execPath, [astroCommand, 'build', ...passOn, '--outDir', staging], { stdio: 'inherit', env });
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		stoppedBy = signal;
		astro.kill(signal);
	});
}
const code = await new Promise<number>((done) => {
	astro.on('error', (error) => {
		console.error(`Could not start astro: ${error.message}. Run npm ci first.`);
		done(1);
	});
	astro.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 128 : 1)));
});
if (stoppedBy || code !== 0) {
	rmSync(staging, { recursive: true, force: true });
	if (stoppedBy) publishNothing(`The build was stopped (${stoppedBy})`, stoppedBy === 'SIGINT' ? 130 : 143);
	publishNothing('The build failed', code);
}
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
