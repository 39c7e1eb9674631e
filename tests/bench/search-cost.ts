// What site search costs: the bytes a visitor's first search downloads (after focusing the field;
// nothing before), and the size of the index on the host, for the real one-revision site and a
// generated 200-revision site. A benchmark, not a timed test:
//
//   npm run bench:search           (or: node tests/bench/search-cost.ts [count=200])
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { writeManyRevisions } from '../fixtures/many-revisions.ts';
import { buildSite } from '../support/build-sites.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { serve } from '../support/serve.ts';

/** A word of the seed text that every generated revision keeps, in an inflected form. */
const QUERY = 'evästeitä';

/** What a downloaded file is, for the table. */
const KINDS: [kind: string, pattern: RegExp][] = [
	['search code (site-search.js)', /\/_astro\/site-search\.[\w-]+\.js$/],
	['pagefind.js', /\/pagefind\/pagefind\.js$/],
	['WebAssembly (wasm.fi)', /\/pagefind\/wasm\.\w+\.pagefind$/],
	['index metadata (entry, pf_meta)', /\/pagefind\/(pagefind-entry\.json|pagefind\.[\w]+\.pf_meta)$/],
	['index chunks (pf_index)', /\/pagefind\/index\//],
	['filters (pf_filter)', /\/pagefind\/filter\//],
	['fragments (pf_fragment)', /\/pagefind\/fragment\//],
];

/** Bytes per kind of file, gzip-compressed as a host would send them. */
export type Downloads = Record<string, { files: number; bytes: number }>;

/** One site's measurement. */
export interface SearchCost {
	name: string;
	revisions: number;
	/** Requests for search files before the field was focused; must be 0. */
	beforeFocus: string[];
	firstSearch: Downloads;
	/** What ticking "also earlier and upcoming versions" and searching again adds. */
	withHistory: Downloads;
	/** Pages in the index, and its bytes on disk: entry, pf_meta, index, filter and fragment files. */
	indexedPages: number;
	indexBytes: number;
	/** Everything the build writes under pagefind/ (index plus scripts and WebAssembly). */
	bundleBytes: number;
}

/** Pagefind's index files are gzip already (magic 1f 8b); text files are compressed here. */
function transferSize(body: Buffer): number {
	return body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 9 }).length;
}

function kindOf(url: string): string | undefined {
	const path = new URL(url).pathname;
	return KINDS.find(([, pattern]) => pattern.test(path))?.[0];
}

function sizeOnDisk(dir: string, include: (path: string) => boolean): number {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && include(join(entry.parentPath, entry.name)))
		.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

async function measureSite(name: string, revisions: number, siteDir: string, port: number): Promise<SearchCost> {
	const server = await serve(siteDir, port);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		let downloads: Downloads = {};
		const beforeFocus: string[] = [];
		let focused = false;
		page.on('response', async (response) => {
			const kind = kindOf(response.url());
			if (!kind) return;
			if (!focused) beforeFocus.push(response.url());
			const bytes = transferSize(await response.body());
			const entry = (downloads[kind] ??= { files: 0, bytes: 0 });
			entry.files += 1;
			entry.bytes += bytes;
		});
		await page.goto(`http://127.0.0.1:${port}/tietosuojaseloste/`, { waitUntil: 'networkidle' });
		focused = true;
		const field = page.getByRole('searchbox');
		await field.focus();
		await field.fill(QUERY);
		await page.getByRole('status').filter({ hasText: 'haulle' }).waitFor();
		await page.waitForLoadState('networkidle');
		const firstSearch = downloads;
		downloads = {};
		await page.getByRole('checkbox').check();
		await page.getByRole('status').filter({ hasText: 'haulle' }).waitFor();
		await page.waitForTimeout(500);
		await page.waitForLoadState('networkidle');
		const withHistory = downloads;

		const bundle = join(siteDir, 'pagefind');
		const entry = (await (await page.request.get(`http://127.0.0.1:${port}/pagefind/pagefind-entry.json`)).json()) as {
			languages: Record<string, { page_count: number }>;
		};
		return {
			name,
			revisions,
			beforeFocus,
			firstSearch,
			withHistory,
			indexedPages: Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
			indexBytes: sizeOnDisk(bundle, (path) => /(\.pf_\w+|pagefind-entry\.json)$/.test(path)),
			bundleBytes: sizeOnDisk(bundle, () => true),
		};
	} finally {
		await browser.close();
		server.close();
	}
}

/** Builds both sites in a temporary folder (removed afterwards) and measures them. */
export async function measureSearchCost(count = 200, port = 4470): Promise<SearchCost[]> {
	const work = mkdtempSync(join(tmpdir(), 'search-cost-'));
	try {
		const manyDir = join(work, 'content');
		writeManyRevisions(manyDir, count);
		const sites: [string, string, number][] = [
			['1 revision (content/tietosuojaseloste)', 'content/tietosuojaseloste', 1],
			[`${count} revisions (generated)`, manyDir, count],
		];
		const costs: SearchCost[] = [];
		for (const [at, [name, contentDir, revisions]] of sites.entries()) {
			const outDir = join(work, `site-${at}`);
			const { status, output } = buildSite({ contentDir, buildDate: '2026-11-25' }, outDir);
			if (status !== 0) throw new Error(`Building the ${name} site failed (exit ${status}):\n${output}`);
			costs.push(await measureSite(name, revisions, outDir, port + at));
		}
		return costs;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const total = (downloads: Downloads) => Object.values(downloads).reduce((sum, { bytes }) => sum + bytes, 0);

/** The measurements as small tables. */
export function formatSearchCost(costs: readonly SearchCost[]): string {
	const lines = [
		`| first search for "${QUERY}", gzip | ${costs.map((cost) => cost.name).join(' | ')} |`,
		`| --- |${costs.map(() => ' --- |').join('')}`,
	];
	for (const [kind] of KINDS) {
		const cells = costs.map((cost) => {
			const entry = cost.firstSearch[kind];
			return entry ? `${kib(entry.bytes)} (${entry.files})` : '–';
		});
		lines.push(`| ${kind} | ${cells.join(' | ')} |`);
	}
	lines.push(`| **total** | ${costs.map((cost) => `**${kib(total(cost.firstSearch))}**`).join(' | ')} |`);
	lines.push(`| then with earlier versions | ${costs.map((cost) => `+${kib(total(cost.withHistory))}`).join(' | ')} |`);
	lines.push(`| requests before focus | ${costs.map((cost) => cost.beforeFocus.length).join(' | ')} |`);
	lines.push(`| pages in the index | ${costs.map((cost) => cost.indexedPages).join(' | ')} |`);
	lines.push(`| index on disk (pf_* files) | ${costs.map((cost) => kib(cost.indexBytes)).join(' | ')} |`);
	lines.push(`| pagefind/ on disk, all | ${costs.map((cost) => kib(cost.bundleBytes)).join(' | ')} |`);
	return lines.join('\n');
}

if (import.meta.main) {
	const count = Number(process.argv[2] ?? 200);
	const port = 4470 + Number(process.env['TEST_PORT_OFFSET'] ?? 0);
	const costs = await measureSearchCost(count, port);
	console.log(formatSearchCost(costs));
	if (costs.some((cost) => cost.beforeFocus.length > 0)) {
		console.error('Search files were requested before the field was focused.');
		process.exit(1);
	}
}
