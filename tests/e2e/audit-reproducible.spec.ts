// Reproducible output: the same commit and content build to the same bytes, and a published
// revision's text stays byte for byte the same when later revisions are added.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import * as cheerio from 'cheerio';
import { buildSite } from '../support/build-sites.ts';
import { fileHashes } from '../support/built-site.ts';
import { siteOutDir, testSite } from '../support/sites.ts';

const three = testSite('three');

/** A build from scratch, as on a clean clone: the content cache of an earlier run is removed. */
function build(contentDir: string, outDir: string): void {
	rmSync(`${outDir}.cache`, { recursive: true, force: true });
	const { status, output } = buildSite({ contentDir, buildDate: three.buildDate }, outDir);
	expect(status, output).toBe(0);
}

/** The revision as published: its title, date line and text, as the page's HTML bytes. */
function revisionText(html: string): string {
	const $ = cheerio.load(html);
	return ['h1', '.notice__updated', '.notice__body']
		.map((selector) => $('article.notice').find(selector).first().html() ?? '')
		.join('\n');
}

test.describe.configure({ mode: 'serial' });

test('building the same content twice gives byte-identical output', () => {
	test.setTimeout(180_000);
	const [first, second] = [siteOutDir('repro-a'), siteOutDir('repro-b')];
	build(three.contentDir, first);
	build(three.contentDir, second);
	const [a, b] = [fileHashes(first), fileHashes(second)];
	expect(Object.keys(a).length).toBeGreaterThan(10);
	expect(Object.keys(b)).toEqual(Object.keys(a));
	const differing = Object.keys(a).filter((file) => a[file] !== b[file]);
	expect(differing).toEqual([]);
	rmSync(second, { recursive: true, force: true });
});

test("a published revision's text is the same bytes after later revisions are published", () => {
	test.setTimeout(180_000);
	// The site as it stood before its last revision: the fixture without 2024-02-15.
	const earlierContent = mkdtempSync(join(tmpdir(), 'earlier-revisions-'));
	try {
		const earlier = ['2018-03-11.mdx', '2020-06-01.mdx'];
		for (const file of earlier) copyFileSync(join(three.contentDir, file), join(earlierContent, file));
		const seals = JSON.parse(readFileSync(join(three.contentDir, 'sealed.json'), 'utf8')) as Record<string, string>;
		writeFileSync(
			join(earlierContent, 'sealed.json'),
			JSON.stringify(Object.fromEntries(earlier.map((file) => [file, seals[file]]))),
		);
		const earlierOut = siteOutDir('repro-earlier');
		build(earlierContent, earlierOut);
		const later = siteOutDir('repro-a');
		if (!existsSync(later)) build(three.contentDir, later);
		for (const file of earlier) {
			const page = `tietosuojaseloste/${file.replace('.mdx', '')}/index.html`;
			const before = revisionText(readFileSync(join(earlierOut, page), 'utf8'));
			const after = revisionText(readFileSync(join(later, page), 'utf8'));
			expect(before.length).toBeGreaterThan(1000);
			expect(after, page).toBe(before);
		}
		rmSync(earlierOut, { recursive: true, force: true });
	} finally {
		rmSync(earlierContent, { recursive: true, force: true });
	}
});
