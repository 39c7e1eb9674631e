// Builds every test site (or those named on the command line) into .test-sites/<name>. The
// browser tests build them this way before serving them (serve-sites.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONSENT_DIR } from '../../src/lib/site/settings-node.ts';
import { siteOutDir, TEST_SITES, type TestSite } from './sites.ts';

// Every build of this checkout writes .astro/content-modules.mjs (Astro does not follow cacheDir
// for it), so two builds at once can import each other's revisions. One build at a time.
const BUILD_LOCK = '.astro/build.lock';
// The lock names the process that holds it, so that one left by a killed run (Playwright ends
// its web server with SIGKILL) is seen at once; a lock older than any build is left over too.
const HOLDER = `${BUILD_LOCK}/pid`;
const STALE_LOCK_MS = 5 * 60_000;

/** Whether the lock is left over: its holder has exited, or it is older than any build. */
function isStaleLock(): boolean {
	const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
	if (age > STALE_LOCK_MS) return true;
	let holder: number;
	try {
		holder = Number(readFileSync(HOLDER, 'utf8'));
	} catch {
		return false; // not named yet, or just released
	}
	if (!(holder > 0)) return false;
	try {
		process.kill(holder, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/** Records which process holds the lock: the one that took it, or the build it started. */
function holdBuildLock(pid: number): void {
	writeFileSync(HOLDER, String(pid));
}

/** Waits for this checkout's build lock (also held by a dev server, which writes the same content modules); returns its release. */
export function acquireBuildLock(): () => void {
	mkdirSync('.astro', { recursive: true });
	const sleeper = new Int32Array(new SharedArrayBuffer(4));
	while (!tryLock()) {
		if (isStaleLock()) rmSync(BUILD_LOCK, { recursive: true, force: true });
		else Atomics.wait(sleeper, 0, 0, 200);
	}
	holdBuildLock(process.pid);
	return () => rmSync(BUILD_LOCK, { recursive: true, force: true });
}

function tryLock(): boolean {
	try {
		mkdirSync(BUILD_LOCK);
		return true;
	} catch {
		return false;
	}
}

function withBuildLock<T>(run: () => T): T {
	const release = acquireBuildLock();
	try {
		return run();
	} finally {
		release();
	}
}

/** The environment a test build runs in. */
function buildEnv(
	site: Pick<TestSite, 'contentDir' | 'consentDir' | 'buildDate'>,
	outDir: string,
	extraEnv: Record<string, string>,
) {
	return {
		...process.env,
		NOTICE_CONTENT_DIR: site.contentDir,
		CONSENT_CONTENT_DIR: site.consentDir ?? DEFAULT_CONSENT_DIR,
		NOTICE_BUILD_DATE: site.buildDate,
		ASTRO_TELEMETRY_DISABLED: '1',
		// A content cache per output folder, so that builds running side by side never share one.
		NOTICE_CACHE_DIR: `${outDir}.cache`,
		...extraEnv,
	};
}

/**
 * Starts one build in a process group of its own, holding the build lock until it exits, so
 * that a test can interrupt it as Ctrl-C or a cancelled job would.
 */
export function startBuild(
	site: Pick<TestSite, 'contentDir' | 'consentDir' | 'buildDate'>,
	outDir: string,
	extraEnv: Record<string, string> = {},
): ChildProcess {
	const release = acquireBuildLock();
	const child = spawn(process.execPath, ['src/cli/build.ts', '--outDir', outDir], {
		env: buildEnv(site, outDir, extraEnv),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	// The build holds the lock until it exits, even if this process goes first.
	if (child.pid) holdBuildLock(child.pid);
	child.on('exit', release);
	return child;
}

/**
 * Builds one site with the project's own build script; returns the exit code, the output and
 * the seconds the build itself took (not the wait for another build to finish).
 */
export function buildSite(
	site: Pick<TestSite, 'contentDir' | 'consentDir' | 'buildDate'>,
	outDir: string,
	extraEnv: Record<string, string> = {},
): { status: number; output: string; seconds: number } {
	rmSync(outDir, { recursive: true, force: true });
	let started = 0;
	const result = withBuildLock(() => {
		started = performance.now();
		return spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', outDir], {
			encoding: 'utf8',
			env: buildEnv(site, outDir, extraEnv),
		});
	});
	const seconds = (performance.now() - started) / 1000;
	return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}`, seconds };
}

/** Builds the named test sites (every one when none is named); exits with the build's message if one fails. */
export function buildTestSites(names: readonly string[] = []): void {
	const sites = TEST_SITES.filter((site) => names.length === 0 || names.includes(site.name));
	for (const site of sites) {
		const started = performance.now();
		const { status, output } = buildSite(site, siteOutDir(site.name));
		if (status !== 0) {
			console.error(output);
			console.error(`Building the test site "${site.name}" failed (exit ${status}).`);
			process.exit(1);
		}
		console.log(`built ${site.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
}

if (import.meta.main) buildTestSites(process.argv.slice(2));
