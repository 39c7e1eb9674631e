// Audits of the built output itself, no browser needed: every page is valid HTML, every internal
// link and #fragment resolves, the sitemap lists exactly the pages, the feed's links resolve.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { builtPages, fileForPath, pathOfFile, SITE_ORIGIN } from '../support/built-site.ts';
import { siteOutDir, TEST_SITES } from '../support/sites.ts';

const VNU_JAR = 'node_modules/vnu-jar/build/dist/vnu.jar';

/** The internal path of a reference found on `fromPath`, or undefined when it points elsewhere. */
function internalTarget(reference: string, fromPath: string): URL | undefined {
	if (/^(mailto|tel|data|javascript):/i.test(reference)) return undefined;
	const url = new URL(reference, `${SITE_ORIGIN}${fromPath}`);
	return url.origin === SITE_ORIGIN ? url : undefined;
}

/** Every id (and legacy a[name]) on a built page, for #fragment checks. */
function anchorsOf(html: string): Set<string> {
	const $ = cheerio.load(html);
	const ids = $('[id]').map((_, element) => $(element).attr('id') ?? '').get();
	const names = $('a[name]').map((_, element) => $(element).attr('name') ?? '').get();
	return new Set([...ids, ...names]);
}

/** The references a page makes to other addresses: links, assets and a refresh target. */
function referencesOf(html: string): string[] {
	const $ = cheerio.load(html);
	const references = [
		...$('a[href], area[href], link[href]').map((_, element) => $(element).attr('href') ?? '').get(),
		...$('script[src], img[src], source[src], iframe[src]').map((_, element) => $(element).attr('src') ?? '').get(),
		...$('form[action]').map((_, element) => $(element).attr('action') ?? '').get(),
	];
	const refresh = $('meta[http-equiv="refresh"]').attr('content');
	const refreshUrl = refresh ? /url=(.+)$/i.exec(refresh)?.[1] : undefined;
	if (refreshUrl) references.push(refreshUrl.trim());
	return references.filter((reference) => reference !== '');
}

/** Problems with one reference: a missing target file or a missing #fragment. */
function checkReference(dir: string, fromPath: string, reference: string, anchorCache: Map<string, Set<string>>): string | undefined {
	const url = internalTarget(reference, fromPath);
	if (!url) return undefined;
	const file = fileForPath(dir, url.pathname);
	if (!file) return `${fromPath}: ${reference} → no such page or file`;
	const fragment = decodeURIComponent(url.hash.slice(1));
	if (fragment === '' || !file.endsWith('.html')) return undefined;
	if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(file, 'utf8')));
	return anchorCache.get(file)?.has(fragment) ? undefined : `${fromPath}: ${reference} → no element with id "${fragment}"`;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) });

test('every built page of every test site is valid HTML (Nu HTML Checker, 0 errors)', async () => {
	test.setTimeout(120_000);
	const files = TEST_SITES.flatMap((site) => builtPages(siteOutDir(site.name)).map((page) => join(siteOutDir(site.name), page)));
	expect(files.length).toBeGreaterThan(10);
	// One Java start for all pages; language detection only adds warnings, which we do not read.
	const result = spawnSync(process.env['JAVA_PATH'] ?? 'java', ['-jar', VNU_JAR, '--errors-only', '--no-langdetect', '--format', 'json', ...files], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	expect(result.error, 'java must run (tests/support/ensure-java.sh installs it)').toBeUndefined();
	const report = JSON.parse(result.stderr) as { messages: { type: string; url?: string; message: string; extract?: string }[] };
	const errors = report.messages
		.filter((message) => message.type === 'error' || message.type === 'non-document-error')
		.map((message) => `${message.url?.replace(/^file:.*?\.test-sites[^/]*\//, '')}: ${message.message} [${message.extract ?? ''}]`);
	expect(errors).toEqual([]);
	expect(result.status).toBe(0);
});

for (const site of TEST_SITES) {
	const dir = siteOutDir(site.name);

	test.describe(`the built "${site.name}" site`, () => {
		test('every internal link, asset and #fragment resolves', () => {
			const anchorCache = new Map<string, Set<string>>();
			const problems: string[] = [];
			let checked = 0;
			for (const page of builtPages(dir)) {
				const fromPath = pathOfFile(page);
				for (const reference of referencesOf(readFileSync(join(dir, page), 'utf8'))) {
					checked += 1;
					const problem = checkReference(dir, fromPath, reference, anchorCache);
					if (problem) problems.push(problem);
				}
			}
			expect(checked).toBeGreaterThan(20);
			expect(problems).toEqual([]);
		});

		test('the sitemap lists every page and nothing else', () => {
			const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')) as { sitemapindex: { sitemap: { loc: string }[] } };
			const listed = index.sitemapindex.sitemap.flatMap(({ loc }) => {
				const file = fileForPath(dir, new URL(loc).pathname);
				if (!file) throw new Error(`The sitemap index names ${loc}, which was not built`);
				const sitemap = xml.parse(readFileSync(file, 'utf8')) as { urlset: { url: { loc: string }[] } };
				return sitemap.urlset.url.map((url) => url.loc);
			});
			// Every built page but the 404 page and the root, which only redirects to the notice.
			const pages = builtPages(dir)
				.filter((page) => page !== '404.html' && page !== 'index.html')
				.map((page) => `${SITE_ORIGIN}${pathOfFile(page)}`);
			expect(pages.length).toBeGreaterThan(1);
			expect([...listed].sort()).toEqual([...pages].sort());
		});

		test("the feed's links resolve", () => {
			const feedFile = fileForPath(dir, '/tietosuojaseloste/feed.xml');
			expect(feedFile, 'the feed is built').toBeDefined();
			const feed = xml.parse(readFileSync(feedFile!, 'utf8')) as {
				rss: { channel: { link: string; 'atom:link'?: { '@_href': string }; item: { link: string; guid: string | { '#text': string }; description?: string; 'content:encoded'?: string }[] } };
			};
			const { channel } = feed.rss;
			const links = [channel.link, channel['atom:link']?.['@_href'] ?? ''];
			for (const item of channel.item) {
				links.push(item.link, typeof item.guid === 'string' ? item.guid : item.guid['#text']);
				for (const html of [item.description ?? '', item['content:encoded'] ?? '']) {
					const $ = cheerio.load(html);
					links.push(...$('a[href]').map((_, element) => $(element).attr('href') ?? '').get());
				}
			}
			expect(channel.item.length).toBeGreaterThan(0);
			const problems = links
				.filter((link) => link !== '')
				.map((link) => {
					if (!link.startsWith(SITE_ORIGIN)) return `${link} is not an address of the site`;
					return checkReference(dir, '/tietosuojaseloste/feed.xml', link, new Map());
				})
				.filter((problem) => problem !== undefined);
			expect(problems).toEqual([]);
		});
	});
}
