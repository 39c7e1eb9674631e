// Builds every test site (or those named on the command line) into .test-sites/<name>.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { siteOutDir, TEST_SITES, type TestSite } from './sites.ts';

/** Builds one site with the project's own build script; returns the exit code and output. */
export function buildSite(
	site: Pick<TestSite, 'contentDir' | 'buildDate'>,
	outDir: string,
	extraEnv: Record<string, string> = {},
): { status: number; output: string } {
	rmSync(outDir, { recursive: true, force: true });
	const result = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', outDir], {
		encoding: 'utf8',
		env: {
			...process.env,
			NOTICE_CONTENT_DIR: site.contentDir,
			NOTICE_BUILD_DATE: site.buildDate,
			ASTRO_TELEMETRY_DISABLED: '1',
			// A content cache per output folder, so that builds running side by side never share one.
			NOTICE_CACHE_DIR: `${outDir}.cache`,
			...extraEnv,
		},
	});
	return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

if (import.meta.main) {
	const wanted = process.argv.slice(2);
	const sites = TEST_SITES.filter((site) => wanted.length === 0 || wanted.includes(site.name));
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
