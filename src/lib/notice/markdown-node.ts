// How a revision's Markdown is read: one setting for the pages (astro.config.mjs renders every
// revision with it) and for the folder check, whose tree gives the blocks the diff compares
// (blocks.ts), so that the change pages see exactly the text the revision pages show.
import { defineHastPlugin, mdxToMdast, type Features } from 'satteri';
import type { MdastNode } from './blocks.ts';

/**
 * GFM (tables, strikethrough, autolinks) and typographic quotes and dashes, as Astro renders by
 * default; footnotes off, because their section would carry English labels ("Footnotes",
 * "Back to reference") on a Finnish page: `[^1]` stays as written.
 */
export const NOTICE_MARKDOWN_FEATURES = {
	gfm: { footnotes: false },
	smartPunctuation: true,
} as const satisfies Features;

/** A revision's text below the front matter as a syntax tree, read as the pages read it. Throws on invalid MDX. */
export function parseRevisionText(body: string): MdastNode {
	return mdxToMdast(body, { features: NOTICE_MARKDOWN_FEATURES }) as unknown as MdastNode;
}

/**
 * Table cells without the `style="text-align: …"` that a `:---:` column alignment writes: the
 * Content-Security-Policy refuses inline styles, so every cell aligns to the start.
 */
export const tableCellsWithoutStyle = defineHastPlugin({
	name: 'notice-table-cells-without-style',
	element: {
		filter: ['th', 'td'],
		visit(node, context) {
			if (node.properties?.['style'] !== undefined) context.setProperty(node, 'style', null);
		},
	},
});
