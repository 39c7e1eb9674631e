// Whatever a revision page shows is in its blocks, and so in lohkot.json, the change pages and the
// compare page: each revision every test site publishes is rendered by Astro's own MDX pipeline,
// as its page renders it, and the page's text, read from the HTML alone, must equal the blocks.
import { readFileSync } from 'node:fs';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { MarkdownHeading } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { sectionHeadings } from '../../src/components/history/section-headings.ts';
import type { DocBlock } from '../../src/lib/diff/diff.ts';
import { escapeHtml } from '../../src/lib/site/html.ts';
import { revisionBlocks } from '../../src/lib/notice/blocks.ts';
import { checkRevisionFile, splitFrontmatter } from '../../src/lib/notice/check-node.ts';
import { parseRevisionText } from '../../src/lib/notice/markdown-node.ts';
import { INTERFACE_LINES, pageBlocks, type PageBlock } from '../support/page-text.ts';
import { TEST_SITES } from '../support/sites.ts';

interface MdxModule {
	default: Parameters<AstroContainer['renderToString']>[0];
	frontmatter: { title: string };
	getHeadings(): MarkdownHeading[];
}

const modules = import.meta.glob<MdxModule>(['/content/tietosuojaseloste/*.mdx', '/tests/fixtures/*/*.mdx']);
const folders = [...new Set(TEST_SITES.map((site) => site.contentDir))];
const revisions = Object.keys(modules)
	.filter((path) => folders.some((folder) => path.startsWith(`/${folder}/`)))
	.sort();

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
});

/** A revision's page text as blocks, and its blocks as the diff reads them. */
async function render(path: string): Promise<{ page: PageBlock[]; blocks: DocBlock[]; lines: number; body: string }> {
	const module = await modules[path]!();
	const { title } = module.frontmatter;
	// As the build reads it: the folder check's one parse of the file gives the blocks the loader
	// stores. A probe the check refuses (a task list) is read by the same parser and tree reader.
	const source = readFileSync(`.${path}`);
	const check = checkRevisionFile({ fileName: path.split('/').at(-1)!, bytes: source });
	if (!check.ok && !path.includes('/page-text-probes/')) throw new Error(`${path} does not pass the folder check`);
	const blocks = check.ok
		? check.revision.blocks
		: revisionBlocks(parseRevisionText(splitFrontmatter(source.toString('utf8'))!.body), title);
	const sections = blocks
		.filter((block) => block.kind === 'heading' && block.depth === 2)
		.map((block) => ({
			title: block.kind === 'heading' ? block.text : '',
			lastChanged: { published: '2018-03-11', path: '#' },
		}));
	// As RevisionDocument.astro renders it: the title, then the body with its section headings.
	const body = await container.renderToString(module.default, {
		props: { components: sectionHeadings(module.getHeadings(), sections) },
	});
	const $ = cheerio.load(`<article><h1>${escapeHtml(title)}</h1>${body}</article>`);
	const article = $('article');
	const lines = article.find(INTERFACE_LINES).length;
	article.find(INTERFACE_LINES).remove();
	return { page: pageBlocks($, article), blocks, lines, body };
}

describe.each(revisions)('%s', (path) => {
	it('shows exactly the text, table cells and link addresses of its blocks', async () => {
		const { page, blocks } = await render(path);
		expect(page).toEqual(blocks);
	});

	it("follows each section heading with that section's history, which is no text of the revision", async () => {
		const { blocks, lines } = await render(path);
		expect(lines).toBe(blocks.filter((block) => block.kind === 'heading' && block.depth === 2).length);
	});
});

it('covers every kind of block: headings, paragraphs, list items, table rows and links', async () => {
	const kinds = new Set<string>();
	for (const path of revisions) {
		for (const block of (await render(path)).blocks) {
			kinds.add(block.kind);
			if (block.links) kinds.add('link');
		}
	}
	expect([...kinds].sort()).toEqual(['heading', 'item', 'link', 'paragraph', 'row']);
});

it('renders a GFM table as a real table, its aligned column with no inline style for the CSP to refuse', async () => {
	const { body } = await render('/tests/fixtures/history-scenarios/2018-03-11.mdx');
	const $ = cheerio.load(body);
	expect(
		$('table > thead > tr > th')
			.map((_, cell) => $(cell).text())
			.get(),
	).toEqual(['Tieto', 'Säilytysaika']);
	const rows = $('table > tbody > tr')
		.map((_, row) => [
			$(row)
				.children('td')
				.map((__, cell) => $(cell).text())
				.get(),
		])
		.get();
	expect(rows).toEqual([
		['Lokitiedot', '12 kuukautta'],
		['Laskutustiedot', '10 vuotta'],
	]);
	// The fixture aligns its second column right (---:); Markdown would write style="text-align: right".
	expect(readFileSync('tests/fixtures/history-scenarios/2018-03-11.mdx', 'utf8')).toContain('| --- | ---: |');
	expect($('[style]')).toHaveLength(0);
});

describe('the comparison fails where page and blocks differ', () => {
	const scenario = '/tests/fixtures/history-scenarios/2018-03-11.mdx';
	const drop = (blocks: DocBlock[], what: (block: DocBlock) => DocBlock | undefined) =>
		blocks.flatMap((block) => what(block) ?? []);
	it.each([
		// What the blocks were before they followed the page.
		[
			'blocks without link addresses',
			(blocks: DocBlock[]) => drop(blocks, ({ links: _, ...block }) => block as DocBlock),
		],
		[
			'blocks without table rows',
			(blocks: DocBlock[]) => drop(blocks, (block) => (block.kind === 'row' ? undefined : block)),
		],
		[
			'straight quotes where the page has typographic ones',
			(blocks: DocBlock[]) =>
				blocks.map((block) =>
					block.kind === 'paragraph' ? { ...block, text: block.text.replace(/[“”]/g, '"') } : block,
				),
		],
	])('%s', async (_, mutate) => {
		const { page, blocks } = await render(scenario);
		expect(page).toEqual(blocks);
		expect(page).not.toEqual(mutate(blocks));
	});

	it('a page that shows what no block can hold: a task list checkbox', async () => {
		const { page, blocks } = await render('/tests/fixtures/page-text-probes/task-list.mdx');
		expect(page).not.toEqual(blocks);
		expect(page).toContainEqual({ kind: 'other', tag: 'input', text: '' });
	});
});
