import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { SECTION_CHANGE_CLASS } from '../../src/lib/search/indexing.ts';

/** Splits text into words the way a reader sees them: any run of white space separates. */
export function words(text: string): string[] {
	return text.split(/\s+/u).filter(Boolean);
}

const SEED = new URL('../../../shared/seed/000_9e789dee753716c2.txt', import.meta.url);

/**
 * The words of Solinum Oy's notice as it gave it, the first revision's text. The seed marks list
 * items with "•"; the site marks them with <li>, which is structure, not words.
 */
export function seedWords(): string[] {
	return words(readFileSync(SEED, 'utf8')).filter((word) => word !== '•');
}

/** What a revision page adds to the revision's own text: each section's "last changed" line. */
export const INTERFACE_LINES = `.${SECTION_CHANGE_CLASS}`;

/**
 * The words of a built revision page's notice text: its title and body, in document order.
 * Line breaks and block boundaries count as white space, as they do for a reader.
 */
export function noticeWords(html: string): string[] {
	const $ = cheerio.load(html);
	const article = $('article.notice');
	article.find(INTERFACE_LINES).remove();
	article.find('br').replaceWith(' ');
	article.find('h1, h2, h3, p, li').after(' ');
	const title = article.find('h1').first().text();
	const body = article.find('.notice__body').text();
	return words(`${title} ${body}`);
}

/**
 * The words of a revision's MDX source as a reader gets them: front matter title first, then
 * the body with Markdown's structure marks (headings, list markers, link targets, hard breaks)
 * taken away.
 */
export function mdxWords(source: string): string[] {
	const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
	const title = /^title:\s*(.*)$/m.exec(frontmatter)?.[1] ?? '';
	const text = body
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/^\s*[-*]\s+/gm, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\\\n/g, '\n');
	return words(`${title} ${text}`);
}

/** A block of a page as a reader meets it, in the shape of the diff's blocks (src/lib/diff/diff.ts). */
export type PageBlock =
	| { kind: 'heading'; depth: number; text: string; links?: PageLink[] }
	| { kind: 'paragraph'; text: string; links?: PageLink[] }
	| { kind: 'item'; ordered: boolean; text: string; links?: PageLink[] }
	| { kind: 'row'; header: boolean; cells: string[]; links?: PageLink[] }
	/** Anything else that shows text: no revision block can hold it. */
	| { kind: 'other'; tag: string; text: string };

export interface PageLink {
	text: string;
	href: string;
}

// A character no text holds and white space does not match.
const LINE_BREAK = '\uE000';

/**
 * The text of some nodes as a reader sees it: runs of white space are one space, a `<br>` a
 * line break; the space around a line break and at either end does not count.
 */
function readText($: cheerio.CheerioAPI, nodes: AnyNode[]): string {
	const copy = $('<div></div>').append($(nodes).clone());
	copy.find('br').replaceWith(LINE_BREAK);
	return copy
		.text()
		.replace(/\s+/g, ' ')
		.replace(new RegExp(` ?${LINE_BREAK} ?`, 'g'), '\n')
		.trim();
}

function readLinks($: cheerio.CheerioAPI, nodes: AnyNode[]): PageLink[] {
	return $(nodes)
		.find('a[href]')
		.addBack('a[href]')
		.toArray()
		.map((link) => ({ text: readText($, [link]), href: $(link).attr('href') ?? '' }));
}

function withLinks<T extends PageBlock>(block: T, links: PageLink[]): T {
	return links.length > 0 ? { ...block, links } : block;
}

/**
 * The blocks of rendered revision text, read from its HTML alone: headings, paragraphs, list
 * items (a nested list's items after their parent's), table rows, and anything else that shows
 * text as `other`. Comparing them with `revisionBlocks` proves that the diff sees what the page shows.
 */
export function pageBlocks($: cheerio.CheerioAPI, root: cheerio.Cheerio<AnyNode>): PageBlock[] {
	const blocks: PageBlock[] = [];
	const visit = (node: AnyNode) => {
		if (node.type === 'text') {
			const text = readText($, [node]);
			if (text) blocks.push({ kind: 'other', tag: '#text', text });
			return;
		}
		if (node.type !== 'tag') return;
		const element = $(node);
		const tag = node.tagName.toLowerCase();
		const heading = /^h([1-6])$/.exec(tag);
		if (heading) {
			blocks.push(
				withLinks({ kind: 'heading', depth: Number(heading[1]), text: readText($, [node]) }, readLinks($, [node])),
			);
		} else if (tag === 'p') {
			blocks.push(withLinks({ kind: 'paragraph', text: readText($, [node]) }, readLinks($, [node])));
		} else if (tag === 'ul' || tag === 'ol') {
			for (const item of element.children('li').toArray()) {
				const own = $(item)
					.contents()
					.toArray()
					.filter((child) => !(child.type === 'tag' && /^(ul|ol)$/i.test(child.tagName)));
				// A loose item's paragraphs are one block, a line break between each.
				const paragraphs = own.filter((child) => child.type === 'tag' && child.tagName === 'p');
				const text =
					paragraphs.length > 0 ? paragraphs.map((paragraph) => readText($, [paragraph])).join('\n') : readText($, own);
				blocks.push(withLinks({ kind: 'item', ordered: tag === 'ol', text }, readLinks($, own)));
				for (const nested of $(item).children('ul, ol').toArray()) visit(nested);
			}
		} else if (tag === 'table') {
			for (const row of element.find('tr').toArray()) {
				const cells = $(row).children('th, td').toArray();
				blocks.push(
					withLinks(
						{ kind: 'row', header: $(row).parent().is('thead'), cells: cells.map((cell) => readText($, [cell])) },
						readLinks($, cells),
					),
				);
			}
		} else if (tag === 'blockquote' || tag === 'div') {
			for (const child of element.contents().toArray()) visit(child);
		} else {
			const text = readText($, [node]);
			if (text) blocks.push({ kind: 'other', tag, text });
		}
	};
	for (const child of root.contents().toArray()) visit(child);
	// A block with no text shows nothing to read, as the diff's blocks leave it out.
	const shown = blocks.filter((block) =>
		block.kind === 'row' ? block.cells.some(Boolean) : block.kind === 'other' || block.text !== '',
	);
	// Inside the blocks, only marks that change no words: anything else (a checkbox, an image)
	// shows what no block holds.
	const unknown = root
		.find('*')
		.toArray()
		.filter((element) => !KNOWN.has(element.tagName.toLowerCase()))
		.map((element): PageBlock => ({ kind: 'other', tag: element.tagName.toLowerCase(), text: readText($, [element]) }));
	return [...shown, ...unknown];
}

/** The elements whose text the blocks hold: block structure, and inline marks that change no words. */
const KNOWN = new Set([
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'p',
	'ul',
	'ol',
	'li',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'blockquote',
	'div',
	'a',
	'strong',
	'em',
	'del',
	'code',
	'br',
]);
