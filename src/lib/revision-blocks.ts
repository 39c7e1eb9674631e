// Server-only: turns a revision's MDX into the blocks the diff compares. satteri parses with a
// native binding, so the browser gets these blocks as JSON instead (lohkot.json per revision).
import { mdxToMdast } from 'satteri';
import type { DocBlock } from './diff.ts';

interface MdastNode {
	type: string;
	value?: string;
	depth?: number;
	ordered?: boolean | null;
	children?: MdastNode[];
}

/** The visible text of inline content; hard breaks become "\n", soft line breaks spaces. */
function inlineText(nodes: readonly MdastNode[] = []): string {
	return nodes
		.map((node) => {
			if (node.type === 'break') return '\n';
			if (node.type === 'text' || node.type === 'inlineCode') return (node.value ?? '').replace(/[ \t]*\n[ \t]*/g, ' ');
			return inlineText(node.children);
		})
		.join('');
}

function clean(text: string): string {
	return text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

function collect(node: MdastNode, blocks: DocBlock[], ordered = false): void {
	switch (node.type) {
		case 'heading':
			blocks.push({ kind: 'heading', depth: node.depth ?? 2, text: clean(inlineText(node.children)) });
			return;
		case 'paragraph':
			blocks.push({ kind: 'paragraph', text: clean(inlineText(node.children)) });
			return;
		case 'list':
			for (const item of node.children ?? []) collect(item, blocks, node.ordered === true);
			return;
		case 'listItem': {
			// An item's own paragraphs are one block; lists nested in it follow as items of their own.
			const own = (node.children ?? []).filter((child) => child.type !== 'list');
			const text = clean(own.map((child) => inlineText(child.children)).join('\n'));
			blocks.push({ kind: 'item', ordered, text });
			for (const child of node.children ?? []) if (child.type === 'list') collect(child, blocks);
			return;
		}
		default:
			for (const child of node.children ?? []) collect(child, blocks, ordered);
	}
}

/**
 * The blocks of a revision body (MDX below the front matter), in document order, led by the
 * title when given, so that a change of title shows in the diff too.
 */
export function revisionBlocks(body: string, title?: string): DocBlock[] {
	const blocks: DocBlock[] = title === undefined ? [] : [{ kind: 'heading', depth: 1, text: clean(title) }];
	collect(mdxToMdast(body) as unknown as MdastNode, blocks);
	return blocks.filter((block) => block.text !== '');
}
