// The MDX components a revision's body renders with: every section heading is followed by when
// that section last changed (SectionHeading.astro).
import type { MarkdownHeading } from 'astro';
import { jsx } from 'astro/jsx-runtime';
import type { SectionView } from '../../lib/notice/history.ts';
import SectionHeading from './SectionHeading.astro';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * `components` for a revision's `<Content />`: its `##` headings as the page renders them, each
 * paired with the section of the same heading that the history found in the same text, in order.
 * A heading the history has no section for (one inside a list item) gets no line, rather than
 * another section's.
 */
export function sectionHeadings(headings: readonly MarkdownHeading[], sections: readonly SectionView[]) {
	const bySlug = new Map<string, SectionView>();
	let next = 0;
	for (const heading of headings) {
		if (heading.depth !== 2) continue;
		const at = sections.findIndex(
			(section, index) => index >= next && normalize(section.title) === normalize(heading.text),
		);
		if (at === -1) continue;
		bySlug.set(heading.slug, sections[at]!);
		next = at + 1;
	}
	return {
		h2: (props: Record<string, unknown>) => jsx(SectionHeading, { ...props, section: bySlug.get(String(props['id'])) }),
	};
}
