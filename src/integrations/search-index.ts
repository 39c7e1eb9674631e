// Builds the Pagefind search index over the built site, so that `astro build` alone (with any
// --outDir) produces a searchable site. Only pages that mark a `data-pagefind-body` are indexed;
// passages that several revisions share are kept in one of them (see passagesToIndex).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { load, type CheerioAPI } from 'cheerio';
import { close, createIndex } from 'pagefind';
import { passagesToIndex, type IndexedRevision, type SearchBlock } from '../lib/search-index.ts';
import type { RevisionStatus } from '../lib/revisions.ts';

/** The folder, under the site's root, that the index and Pagefind's scripts are written to. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

interface BuiltPage {
	url: string;
	$: CheerioAPI;
}

/** The Astro integration that indexes the built site with Pagefind. */
export default function searchIndex(): AstroIntegration {
	return {
		name: 'solinum:search-index',
		hooks: {
			'astro:server:start': ({ logger }) => {
				logger.info(
					'Site search needs the index that only a build writes: run `npm run build` and then `npm run preview` to try it.',
				);
			},
			'astro:build:done': async ({ dir, logger }) => {
				await buildIndex(fileURLToPath(dir), logger);
			},
		},
	};
}

async function buildIndex(root: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	const pages = (await readPages(root)).filter(({ $ }) => $('[data-pagefind-body]').length > 0);
	markRepeatedPassages(pages);

	const { index, errors } = await createIndex({ forceLanguage: 'fi' });
	try {
		if (!index) throw new Error(errors.join('\n'));
		for (const { url, $ } of pages) {
			const added = await index.addHTMLFile({ url, content: $.html() });
			if (added.errors.length > 0) throw new Error(`${url}: ${added.errors.join('\n')}`);
		}
		const outputPath = join(root, SEARCH_BUNDLE_DIR);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		logger.info(`Indexed ${pages.length} pages for search into ${outputPath} in ${seconds} s.`);
	} finally {
		// Pagefind runs as a child process; closing it lets the build exit.
		await close();
	}
}

/** Every HTML file of the built site with the address it is served at. */
async function readPages(root: string): Promise<BuiltPage[]> {
	const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.html'));
	const pages: BuiltPage[] = [];
	for (const name of names.sort()) {
		const path = join(root, name);
		if (!(await stat(path)).isFile()) continue;
		pages.push({ url: pageUrl(relative(root, path)), $: load(await readFile(path, 'utf8')) });
	}
	return pages;
}

/** `tietosuojaseloste/index.html` → `/tietosuojaseloste/`; `404.html` → `/404.html`. */
function pageUrl(file: string): string {
	const path = `/${file.split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The blocks the index sees: headings, paragraphs, and each list item on its own. */
const BLOCKS = ':scope > :not(ul, ol), :scope > ul > li, :scope > ol > li';

/** Adds `data-pagefind-ignore` to every passage that a revision nearer the current one also has. */
function markRepeatedPassages(pages: readonly BuiltPage[]): void {
	const revisions: (IndexedRevision & { elements: ReturnType<CheerioAPI>[] })[] = [];
	const seen = new Map<string, string>();
	for (const { url, $ } of pages) {
		const body = $('[data-pagefind-body][data-search-revision]');
		const published = body.attr('data-search-revision');
		const status = body.attr('data-search-status') as RevisionStatus | undefined;
		if (!published || !status) continue;
		const other = seen.get(published);
		if (other) throw new Error(`The revision ${published} is indexed at both ${other} and ${url}; mark only one.`);
		seen.set(published, url);
		const elements = body
			.find(BLOCKS)
			.toArray()
			.map((element) => $(element));
		const blocks: SearchBlock[] = elements.map((element) => ({
			heading: /^h[1-6]$/.test(element.prop('tagName')?.toLowerCase() ?? ''),
			text: element.text().replace(/\s+/g, ' ').trim(),
		}));
		revisions.push({ published, status, blocks, elements });
	}
	passagesToIndex(revisions).forEach((keep, at) => {
		const revision = revisions[at];
		keep.forEach((kept, block) => {
			if (!kept) revision?.elements[block]?.attr('data-pagefind-ignore', '');
		});
	});
}
