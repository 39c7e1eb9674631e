// Builds the real one-revision site and a generated 200-revision site and prints build time and
// output size for each, and what one more revision costs. A benchmark, not a timed test:
//
//   npm run bench:build            (or: node tests/bench/build-scale.ts [count=200])
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeManyRevisions } from '../fixtures/many-revisions.ts';
import { buildSite } from '../support/build-sites.ts';

/** The build of the many-revision site must stay under this, or the script fails. */
export const MANY_BUILD_LIMIT_SECONDS = 60;

/** One measured build. */
export interface BuildMeasure {
	name: string;
	revisions: number;
	seconds: number;
	/** Bytes of every file in the output folder. */
	bytes: number;
	files: number;
}

/** Both builds and the growth per added revision. */
export interface BuildScale {
	one: BuildMeasure;
	many: BuildMeasure;
	perRevision: { seconds: number; bytes: number };
	withinLimit: boolean;
}

function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
		files += 1;
	}
	return { bytes, files };
}

function measure(name: string, contentDir: string, revisions: number, outDir: string): BuildMeasure {
	// A fixed date, so that both builds see the same current revision whatever the day. The time
	// is the build's own, without waiting for another build of the checkout to finish.
	const { status, output, seconds } = buildSite({ contentDir, buildDate: '2026-11-25' }, outDir);
	if (status !== 0) {
		throw new Error(`Building the ${name} site failed (exit ${status}):\n${output}`);
	}
	return { name, revisions, seconds, ...folderSize(outDir) };
}

/** Builds both sites in a temporary folder (removed afterwards) and measures them. */
export function measureBuildScale(count = 200): BuildScale {
	const work = mkdtempSync(join(tmpdir(), 'build-scale-'));
	try {
		const manyDir = join(work, 'content');
		writeManyRevisions(manyDir, count);
		const one = measure('1 revision (content/tietosuojaseloste)', 'content/tietosuojaseloste', 1, join(work, 'one'));
		const many = measure(`${count} revisions (generated)`, manyDir, count, join(work, 'many'));
		const added = Math.max(1, count - 1);
		return {
			one,
			many,
			perRevision: { seconds: (many.seconds - one.seconds) / added, bytes: (many.bytes - one.bytes) / added },
			withinLimit: many.seconds < MANY_BUILD_LIMIT_SECONDS,
		};
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The measurements as a small table. */
export function formatBuildScale(scale: BuildScale): string {
	const rows = [scale.one, scale.many].map(
		(build) => `| ${build.name} | ${build.seconds.toFixed(1)} s | ${kib(build.bytes)} | ${build.files} |`,
	);
	return [
		'| build | time | output | files |',
		'| --- | --- | --- | --- |',
		...rows,
		`| per added revision | ${(scale.perRevision.seconds * 1000).toFixed(0)} ms | ${kib(scale.perRevision.bytes)} | |`,
		'',
		`${scale.many.name}: ${scale.many.seconds.toFixed(1)} s, limit ${MANY_BUILD_LIMIT_SECONDS} s: ${scale.withinLimit ? 'ok' : 'TOO SLOW'}`,
	].join('\n');
}

if (import.meta.main) {
	const count = Number(process.argv[2] ?? 200);
	const scale = measureBuildScale(count);
	console.log(formatBuildScale(scale));
	if (!scale.withinLimit) process.exit(1);
}
