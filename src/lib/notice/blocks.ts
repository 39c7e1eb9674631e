// The blocks the diff compares, read from a revision's parsed text: the folder check parses each
// file once (markdown-node.ts) and keeps these blocks, which the loader stores for every page
// and lohkot.json serves to the browser.
import type { BlockLink, DocBlock } from '../diff/diff.ts';

/** A node of a revision's Markdown syntax tree (mdast, with MDX's node types), as far as we read it. */
export interface MdastNode {
	type: string;
	value?: string;
	depth?: number;
	ordered?: boolean | null;
	checked?: boolean | null;
	align?: unknown;
	url?: string;
	identifier?: string;
	position?: { start: { line: number } };
	children?: MdastNode[];
}

/** Inline content as a reader gets it: its text, and the links in it. */
interface Inline {
	text: string;
	links: BlockLink[];
}

/** Reference-style links (`[text][name]`) lead where their definition (`[name]: https://…`) says. */
type Definitions = ReadonlyMap<string, string>;

/** The visible text of inline content and its links; hard breaks become "\n", soft line breaks spaces. */
function inline(nodes: readonly MdastNode[] = [], definitions: Definitions): Inline {
	const result: Inline = { text: '', links: [] };
	for (const node of nodes) {
		if (node.type === 'break') result.text += '\n';
		else if (node.type === 'text' || node.type === 'inlineCode')
			result.text += (node.value ?? '').replace(/[ \t]*\n[ \t]*/g, ' ');
		else {
			const inner = inline(node.children, definitions);
			result.text += inner.text;
			const href =
				node.type === 'link'
					? node.url
					: node.type === 'linkReference'
						? definitions.get(node.identifier ?? '')
						: undefined;
			if (href !== undefined) result.links.push({ text: clean(inner.text), href });
			result.links.push(...inner.links);
		}
	}
	return result;
}

function clean(text: string): string {
	return text
		.replace(/[ \t]+/g, ' ')
		.replace(/ ?\n ?/g, '\n')
		.trim();
}

/** A block with its links, which are left out when there are none. */
function withLinks<T extends DocBlock>(block: T, links: readonly BlockLink[]): T {
	return links.length > 0 ? { ...block, links: [...links] } : block;
}

function textBlock(
	shape: { kind: 'heading'; depth: number } | { kind: 'paragraph' } | { kind: 'item'; ordered: boolean },
	content: Inline,
): DocBlock {
	return withLinks({ ...shape, text: clean(content.text) } as DocBlock, content.links);
}

function collect(node: MdastNode, blocks: DocBlock[], definitions: Definitions, ordered = false): void {
	switch (node.type) {
		case 'heading':
			blocks.push(textBlock({ kind: 'heading', depth: node.depth ?? 2 }, inline(node.children, definitions)));
			return;
		case 'paragraph':
			blocks.push(textBlock({ kind: 'paragraph' }, inline(node.children, definitions)));
			return;
		case 'list':
			for (const item of node.children ?? []) collect(item, blocks, definitions, node.ordered === true);
			return;
		case 'listItem': {
			// An item's own paragraphs are one block; lists nested in it follow as items of their own.
			const own = (node.children ?? [])
				.filter((child) => child.type !== 'list')
				.map((child) => inline(child.children, definitions));
			blocks.push(
				textBlock(
					{ kind: 'item', ordered },
					{ text: own.map((part) => part.text).join('\n'), links: own.flatMap((part) => part.links) },
				),
			);
			for (const child of node.children ?? []) if (child.type === 'list') collect(child, blocks, definitions);
			return;
		}
		case 'table':
			// One block per row, so that rows are added, removed and moved like paragraphs.
			(node.children ?? []).forEach((row, at) => {
				const cells = (row.children ?? []).map((cell) => inline(cell.children, definitions));
				const block: DocBlock = { kind: 'row', header: at === 0, cells: cells.map((cell) => clean(cell.text)) };
				blocks.push(
					withLinks(
						block,
						cells.flatMap((cell) => cell.links),
					),
				);
			});
			return;
		default:
			for (const child of node.children ?? []) collect(child, blocks, definitions, ordered);
	}
}

function findDefinitions(node: MdastNode, found = new Map<string, string>()): Map<string, string> {
	if (node.type === 'definition' && node.identifier !== undefined && !found.has(node.identifier))
		found.set(node.identifier, node.url ?? '');
	for (const child of node.children ?? []) findDefinitions(child, found);
	return found;
}

const isEmpty = (block: DocBlock) =>
	block.kind === 'row' ? block.cells.every((cell) => cell === '') : block.text === '';

/**
 * The blocks of a revision's text, in document order, led by the title when given, so that a
 * change of title shows in the diff too. The tree comes from `parseRevisionText`, which reads
 * with the pages' own Markdown settings, so that each block reads as the page shows it.
 */
export function revisionBlocks(tree: MdastNode, title?: string): DocBlock[] {
	const blocks: DocBlock[] = title === undefined ? [] : [{ kind: 'heading', depth: 1, text: clean(title) }];
	collect(tree, blocks, findDefinitions(tree));
	return blocks.filter((block) => !isEmpty(block));
}
