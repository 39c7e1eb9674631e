// Audits of the built output itself, no browser needed: every page is valid HTML, every internal
// link and #fragment resolves, the sitemap lists exactly the pages with the day each changed, the
// feed's links resolve, every page tells search engines and link previews what it is, and every
// page's styles rank their cascade layers as src/styles/layers.css declares.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { builtPages, fileForPath, pathOfFile, SITE_ORIGIN } from '../support/built-site.ts';
import { revisionFiles } from '../support/revision-files.ts';
import { siteOutDir, TEST_SITES, type TestSiteName } from '../support/sites.ts';

const VNU_JAR = 'node_modules/vnu-jar/build/dist/vnu.jar';

/** The internal path of a reference found on `fromPath`, or undefined when it points elsewhere. */
function internalTarget(reference: string, fromPath: string): URL | undefined {
	if (/^(mailto|tel|data|javascript):/i.test(reference)) return undefined;
	const url = new URL(reference, `${SITE_ORIGIN}${fromPath}`);
	return url.origin === SITE_ORIGIN ? url : undefined;
}

/** The top-level cascade layers in the order their first mention in `css` gives them. */
function layerOrder(css: string): string[] {
	const names: string[] = [];
	for (const [, list = ''] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/@layer\s*([^{;]+)[{;]/g)) {
		for (const name of list.split(',')) {
			const topLevel = name.trim().split('.')[0]!;
			if (!names.includes(topLevel)) names.push(topLevel);
		}
	}
	return names;
}

/** Every id (and legacy a[name]) on a built page, for #fragment checks. */
function anchorsOf(html: string): Set<string> {
	const $ = cheerio.load(html);
	const ids = $('[id]')
		.map((_, element) => $(element).attr('id') ?? '')
		.get();
	const names = $('a[name]')
		.map((_, element) => $(element).attr('name') ?? '')
		.get();
	return new Set([...ids, ...names]);
}

/** The references a page makes to other addresses: links, assets and a refresh target. */
function referencesOf(html: string): string[] {
	const $ = cheerio.load(html);
	const references = [
		...$('a[href], area[href], link[href]')
			.map((_, element) => $(element).attr('href') ?? '')
			.get(),
		...$('script[src], img[src], source[src], iframe[src]')
			.map((_, element) => $(element).attr('src') ?? '')
			.get(),
		...$('form[action]')
			.map((_, element) => $(element).attr('action') ?? '')
			.get(),
	];
	const refresh = $('meta[http-equiv="refresh"]').attr('content');
	const refreshUrl = refresh ? /url=(.+)$/i.exec(refresh)?.[1] : undefined;
	if (refreshUrl) references.push(refreshUrl.trim());
	return references.filter((reference) => reference !== '');
}

/** Problems with one reference: a missing target file or a missing #fragment. */
function checkReference(
	dir: string,
	fromPath: string,
	reference: string,
	anchorCache: Map<string, Set<string>>,
): string | undefined {
	const url = internalTarget(reference, fromPath);
	if (!url) return undefined;
	const file = fileForPath(dir, url.pathname);
	if (!file) return `${fromPath}: ${reference} → no such page or file`;
	const fragment = decodeURIComponent(url.hash.slice(1));
	if (fragment === '' || !file.endsWith('.html')) return undefined;
	if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(file, 'utf8')));
	return anchorCache.get(file)?.has(fragment)
		? undefined
		: `${fromPath}: ${reference} → no element with id "${fragment}"`;
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item'].includes(name) });

/** The sitemap's entries of a built site: each address and its lastmod, if any. */
function sitemapEntries(dir: string): { loc: string; lastmod?: string }[] {
	const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')) as {
		sitemapindex: { sitemap: { loc: string }[] };
	};
	return index.sitemapindex.sitemap.flatMap(({ loc }) => {
		const file = fileForPath(dir, new URL(loc).pathname);
		if (!file) throw new Error(`The sitemap index names ${loc}, which was not built`);
		return (xml.parse(readFileSync(file, 'utf8')) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset
			.url;
	});
}

/** When each page of the notice last changed, worked out by hand from each site's revisions. */
const LAST_CHANGED: Record<TestSiteName, Record<string, string>> = {
	// One revision: nothing has happened since it was published.
	published: {
		'/tietosuojaseloste/': '2018-03-11',
		'/tietosuojaseloste/2018-03-11/': '2018-03-11',
		'/tietosuojaseloste/2018-03-11/muutokset/': '2018-03-11',
		'/tietosuojaseloste/muutoshistoria/': '2018-03-11',
		'/tietosuojaseloste/vertaa/': '2018-03-11',
	},
	// A replaced revision last changed when it was replaced; 2024-02-15 took effect on 2024-03-01.
	three: {
		'/tietosuojaseloste/': '2024-03-01',
		'/tietosuojaseloste/2018-03-11/': '2020-06-01',
		'/tietosuojaseloste/2018-03-11/muutokset/': '2020-06-01',
		'/tietosuojaseloste/2020-06-01/': '2024-03-01',
		'/tietosuojaseloste/2020-06-01/muutokset/': '2024-03-01',
		'/tietosuojaseloste/2024-02-15/': '2024-03-01',
		'/tietosuojaseloste/2024-02-15/muutokset/': '2024-03-01',
		'/tietosuojaseloste/muutoshistoria/': '2024-03-01',
		'/tietosuojaseloste/vertaa/': '2024-03-01',
	},
	// Built before 2024-02-15 takes effect: the revision in force changed when it was announced.
	upcoming: {
		'/tietosuojaseloste/': '2024-02-15',
		'/tietosuojaseloste/2018-03-11/': '2020-06-01',
		'/tietosuojaseloste/2018-03-11/muutokset/': '2020-06-01',
		'/tietosuojaseloste/2020-06-01/': '2024-02-15',
		'/tietosuojaseloste/2020-06-01/muutokset/': '2024-02-15',
		'/tietosuojaseloste/2024-02-15/': '2024-02-15',
		'/tietosuojaseloste/2024-02-15/muutokset/': '2024-02-15',
		'/tietosuojaseloste/muutoshistoria/': '2024-02-15',
		'/tietosuojaseloste/vertaa/': '2024-02-15',
	},
	// 2021-06-01 was announced a month before it took effect; 2026-11-20, announced five days
	// before the build, takes effect only in 2027: the revision in force changed with its announcement.
	scenarios: {
		'/tietosuojaseloste/': '2026-11-20',
		'/tietosuojaseloste/2018-03-11/': '2019-05-01',
		'/tietosuojaseloste/2018-03-11/muutokset/': '2019-05-01',
		'/tietosuojaseloste/2019-05-01/': '2021-07-01',
		'/tietosuojaseloste/2019-05-01/muutokset/': '2021-07-01',
		'/tietosuojaseloste/2021-06-01/': '2024-02-15',
		'/tietosuojaseloste/2021-06-01/muutokset/': '2024-02-15',
		'/tietosuojaseloste/2024-02-15/': '2026-11-20',
		'/tietosuojaseloste/2024-02-15/muutokset/': '2026-11-20',
		'/tietosuojaseloste/2026-11-20/': '2026-11-20',
		'/tietosuojaseloste/2026-11-20/muutokset/': '2026-11-20',
		'/tietosuojaseloste/muutoshistoria/': '2026-11-20',
		'/tietosuojaseloste/vertaa/': '2026-11-20',
	},
};

test('every built page of every test site is valid HTML (Nu HTML Checker, 0 errors)', async () => {
	test.setTimeout(120_000);
	const files = TEST_SITES.flatMap((site) =>
		builtPages(siteOutDir(site.name)).map((page) => join(siteOutDir(site.name), page)),
	);
	expect(files.length).toBeGreaterThan(10);
	// One Java start for all pages; language detection only adds warnings, which we do not read.
	const result = spawnSync(
		process.env['JAVA_PATH'] ?? 'java',
		['-jar', VNU_JAR, '--errors-only', '--no-langdetect', '--format', 'json', ...files],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	expect(result.error, 'java must run (tests/support/ensure-java.sh installs it)').toBeUndefined();
	const report = JSON.parse(result.stderr) as {
		messages: { type: string; url?: string; message: string; extract?: string }[];
	};
	const errors = report.messages
		.filter((message) => message.type === 'error' || message.type === 'non-document-error')
		.map(
			(message) =>
				`${message.url?.replace(/^file:.*?\.test-sites[^/]*\//, '')}: ${message.message} [${message.extract ?? ''}]`,
		);
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

		// The first mention of a layer fixes its rank, and Astro inlines a page's sheets in an order of
		// its own: a component's sheet before layers.css once ranked components below base.
		test("every page's styles rank their layers as layers.css declares them", () => {
			const declared = layerOrder(readFileSync('src/styles/layers.css', 'utf8'));
			const misordered = builtPages(dir).flatMap((page) => {
				const $ = cheerio.load(readFileSync(join(dir, page), 'utf8'));
				const order = layerOrder($('style').text());
				return order.join() === declared.join() ? [] : [`${pathOfFile(page)}: ${order.join(', ')}`];
			});
			expect(misordered).toEqual([]);
		});

		test('the sitemap lists every page and nothing else', () => {
			const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')) as {
				sitemapindex: { sitemap: { loc: string }[] };
			};
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

		test('the sitemap dates every page of the notice from its revisions, and lists what versiot.json lists', () => {
			const entries = sitemapEntries(dir);
			const dated = Object.fromEntries(
				entries.filter((entry) => entry.lastmod).map((entry) => [new URL(entry.loc).pathname, entry.lastmod]),
			);
			const expected = Object.fromEntries(
				Object.entries(LAST_CHANGED[site.name]).map(([path, day]) => [path, `${day}T00:00:00.000Z`]),
			);
			expect(dated).toEqual(expected);
			// The cookie page has no revisions, so no date to give.
			expect(entries.find((entry) => entry.loc === `${SITE_ORIGIN}/evasteet/`)).toEqual({
				loc: `${SITE_ORIGIN}/evasteet/`,
			});
			// Every revision's page and changes page in versiot.json is in the sitemap, and every
			// revision-dated address of the sitemap is one of them.
			const versions = JSON.parse(readFileSync(join(dir, 'tietosuojaseloste/versiot.json'), 'utf8')) as {
				revisions: { published: string; url: string; changesUrl: string | null }[];
			};
			expect(versions.revisions.map((revision) => revision.published)).toEqual(
				revisionFiles(site.contentDir, site.buildDate).map((revision) => revision.published),
			);
			const named = versions.revisions.flatMap((revision) => [revision.url, revision.changesUrl]);
			expect(named.every((url) => url !== null)).toBe(true);
			const listed = entries
				.map((entry) => entry.loc)
				.filter((loc) => /\/tietosuojaseloste\/\d{4}-\d{2}-\d{2}\//.test(loc));
			expect([...listed].sort()).toEqual([...named].sort());
		});

		test('robots.txt lets every page be crawled and names the sitemap index', () => {
			const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
			expect(robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_ORIGIN}/sitemap-index.xml\n`);
			expect(fileForPath(dir, '/sitemap-index.xml')).toBeDefined();
		});

		test('every page has a description of its own, and every indexable page a link preview whose address is its canonical one', () => {
			const descriptions = new Map<string, string>();
			for (const page of builtPages(dir)) {
				const path = pathOfFile(page);
				const $ = cheerio.load(readFileSync(join(dir, page), 'utf8'));
				const description = $('meta[name=description]').attr('content') ?? '';
				expect($('meta[name=description]'), path).toHaveLength(1);
				expect(description.length, path).toBeGreaterThan(20);
				expect(descriptions.get(description), `${path} has the description of another page`).toBeUndefined();
				descriptions.set(description, path);
				const canonical = $('link[rel=canonical]').attr('href');
				const og = (property: string) => $(`meta[property="og:${property}"]`).attr('content');
				if ($('meta[name=robots][content=noindex]').length) {
					expect(canonical, path).toBeUndefined();
					expect($('meta[property^="og:"]'), path).toHaveLength(0);
					continue;
				}
				expect(canonical, path).toMatch(new RegExp(`^${SITE_ORIGIN}/`));
				expect(
					{
						url: og('url'),
						title: og('title'),
						description: og('description'),
						locale: og('locale'),
						siteName: og('site_name'),
					},
					path,
				).toEqual({
					url: canonical,
					title: $('title')
						.text()
						.replace(/ – Solinum Oy$/, ''),
					description,
					locale: 'fi_FI',
					siteName: 'Solinum Oy',
				});
				const showsRevision = path === '/tietosuojaseloste/' || /^\/tietosuojaseloste\/\d{4}-\d{2}-\d{2}\/$/.test(path);
				expect(og('type'), path).toBe(showsRevision ? 'article' : 'website');
			}
		});

		test("the notice and every revision page carry schema.org JSON-LD with the revision's own dates and its summary", () => {
			const revisions = revisionFiles(site.contentDir, site.buildDate);
			const revisionPages = [
				'/tietosuojaseloste/',
				...revisions.map((revision) => `/tietosuojaseloste/${revision.published}/`),
			];
			for (const page of builtPages(dir)) {
				const path = pathOfFile(page);
				const $ = cheerio.load(readFileSync(join(dir, page), 'utf8'));
				const blocks = $('script[type="application/ld+json"]');
				if (!revisionPages.includes(path)) {
					expect(blocks, `${path} describes no revision`).toHaveLength(0);
					continue;
				}
				expect(blocks, path).toHaveLength(1);
				// The page says which revision it shows; the files say what its dates are.
				const shown = $('.notice__updated time').attr('datetime');
				const revision = revisions.find((candidate) => candidate.published === shown);
				expect(revision, path).toBeDefined();
				const description = $('meta[name=description]').attr('content');
				expect(JSON.parse(blocks.text()), path).toEqual({
					'@context': 'https://schema.org',
					'@type': 'WebPage',
					name: $('meta[property="og:title"]').attr('content'),
					description,
					url: $('link[rel=canonical]').attr('href'),
					inLanguage: 'fi',
					datePublished: revision!.published,
					dateModified: revision!.published,
					publisher: { '@type': 'Organization', name: 'Solinum Oy', url: `${SITE_ORIGIN}/` },
				});
				if (revision!.summary) expect(description, path).toContain(revision!.summary);
			}
		});

		test("the feed's links resolve", () => {
			const feedFile = fileForPath(dir, '/tietosuojaseloste/feed.xml');
			expect(feedFile, 'the feed is built').toBeDefined();
			const feed = xml.parse(readFileSync(feedFile!, 'utf8')) as {
				rss: {
					channel: {
						link: string;
						'atom:link'?: { '@_href': string };
						item: {
							link: string;
							guid: string | { '#text': string };
							description?: string;
							'content:encoded'?: string;
						}[];
					};
				};
			};
			const { channel } = feed.rss;
			const links = [channel.link, channel['atom:link']?.['@_href'] ?? ''];
			for (const item of channel.item) {
				links.push(item.link, typeof item.guid === 'string' ? item.guid : item.guid['#text']);
				for (const html of [item.description ?? '', item['content:encoded'] ?? '']) {
					const $ = cheerio.load(html);
					links.push(
						...$('a[href]')
							.map((_, element) => $(element).attr('href') ?? '')
							.get(),
					);
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
