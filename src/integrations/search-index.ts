// Builds the Pagefind search index over the built site, so that `astro build` alone (with any
// --outDir) produces a searchable site. Only pages that mark a `data-pagefind-body` are indexed;
// passages that several revisions share are kept in one of them (see passagesToIndex).
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { load, type CheerioAPI } from 'cheerio';
import { close, createIndex } from 'pagefind';
import {
	passagesToIndex,
	SECTION_CHANGE_CLASS,
	type IndexedRevision,
	type SearchBlock,
} from '../lib/search/indexing.ts';
import type { RevisionStatus } from '../lib/notice/revisions.ts';

/** The folder, under the site's root, that the index and Pagefind's scripts are written to. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

// Pagefind's ready-made interfaces and highlighter: the site has its own small UI, so these would
// only be dead weight on the host.
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

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
	const marked = await readMarkedPages(root);
	for (const page of marked) prepareForIndex(page);
	const unchanged = markRepeatedPassages(marked);
	const pages = marked.filter((page) => !unchanged.has(page));

	const { index, errors } = await createIndex({ forceLanguage: 'fi' });
	try {
		if (!index) throw new Error(errors.join('\n'));
		for (const { url, $ } of pages) {
			const added = await index.addHTMLFile({ url, content: $.html() });
			if (added.errors.length > 0) throw new Error(`${url}: ${added.errors.join('\n')}`);
		}
		const { files, errors: fileErrors } = await index.getFiles();
		if (fileErrors.length > 0) throw new Error(fileErrors.join('\n'));
		const outputPath = join(root, SEARCH_BUNDLE_DIR);
		let bytes = 0;
		for (const file of files.filter(({ path }) => !UNUSED.test(path))) {
			await mkdir(dirname(join(outputPath, file.path)), { recursive: true });
			await writeFile(join(outputPath, file.path), file.content);
			bytes += file.content.byteLength;
		}
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		logger.info(
			`Indexed ${pages.length} pages for search in ${seconds} s: ${(bytes / 1024).toFixed(0)} KiB in ${outputPath}.`,
		);
	} finally {
		// Pagefind runs as a child process; closing it lets the build exit.
		await close();
	}
}

/** The built HTML files that mark content for the index, with the address each is served at. */
async function readMarkedPages(root: string): Promise<BuiltPage[]> {
	const names = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.html'));
	const pages: BuiltPage[] = [];
	for (const name of names.sort()) {
		const path = join(root, name);
		if (!(await stat(path)).isFile()) continue;
		const html = await readFile(path, 'utf8');
		// Most pages (changes, compare, log) mark nothing; only parse those that might.
		if (!html.includes('data-pagefind-body')) continue;
		const $ = load(html);
		if ($('[data-pagefind-body]').length > 0) pages.push({ url: pageUrl(relative(root, path)), $ });
	}
	return pages;
}

/** `tietosuojaseloste/index.html` → `/tietosuojaseloste/`; `404.html` → `/404.html`. */
function pageUrl(file: string): string {
	const path = `/${file.split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Elements whose edges end a word, though the built HTML has no space there (its whitespace is compressed). */
const WORD_EDGES = 'caption, th, td, dt, dd';

/**
 * Readies the copy of a page that Pagefind reads (the page itself is not changed): table cells
 * and captions get a space after them, or Pagefind runs their words together; and text that
 * comes before the body's first section heading gets a heading of its own, the page's title at
 * the body's id, so that its hits link to where that text begins rather than to the bare page.
 */
function prepareForIndex({ url, $ }: BuiltPage): void {
	$(WORD_EDGES).after(' ');
	const body = $('[data-pagefind-body]').first();
	const lead = body.children().first();
	if (lead.is('h1, h2, h3, h4, h5, h6') && lead.attr('id')) return;
	const id = body.attr('id');
	if (!id) {
		throw new Error(
			`${url}: the text before the first section heading has nowhere for a search hit to link. Give the data-pagefind-body element an id, or start it with a heading that has one.`,
		);
	}
	body.prepend($('<h2>').attr('id', id).text($('h1').first().text().trim()));
}

/** The blocks the index sees: headings, paragraphs, and each list item on its own. */
const BLOCKS = ':scope > :not(ul, ol, [data-pagefind-ignore]), :scope > ul > li, :scope > ol > li';

/**
 * Adds `data-pagefind-ignore` to every passage that a revision nearer the current one also has;
 * returns the revision pages left with nothing of their own, which need no place in the index.
 */
function markRepeatedPassages(pages: readonly BuiltPage[]): Set<BuiltPage> {
	const revisions: (IndexedRevision & { page: BuiltPage; elements: ReturnType<CheerioAPI>[] })[] = [];
	const seen = new Map<string, string>();
	for (const page of pages) {
		const { url, $ } = page;
		const body = $('[data-pagefind-body][data-search-revision]');
		const published = body.attr('data-search-revision');
		const status = body.attr('data-search-status');
		if (!published || !isStatus(status)) continue;
		const other = seen.get(published);
		if (other) throw new Error(`The revision ${published} is indexed at both ${other} and ${url}; mark only one.`);
		seen.set(published, url);
		// The site's own lines in the revision's text are no passage of it.
		body.find(`.${SECTION_CHANGE_CLASS}`).attr('data-pagefind-ignore', '');
		const elements = body
			.find(BLOCKS)
			.toArray()
			.map((element) => $(element));
		const blocks: SearchBlock[] = elements.map((element) => ({
			heading: /^h[1-6]$/.test(element.prop('tagName')?.toLowerCase() ?? ''),
			text: element.text().replace(/\s+/g, ' ').trim(),
		}));
		revisions.push({ published, status, blocks, elements, page });
	}
	const unchanged = new Set<BuiltPage>();
	passagesToIndex(revisions).forEach((keep, at) => {
		const revision = revisions[at];
		if (!revision) return;
		keep.forEach((kept, block) => {
			if (!kept) revision.elements[block]?.attr('data-pagefind-ignore', '');
		});
		if (!keep.includes(true)) unchanged.add(revision.page);
	});
	return unchanged;
}

function isStatus(value: string | undefined): value is RevisionStatus {
	return value === 'current' || value === 'earlier' || value === 'upcoming';
}
