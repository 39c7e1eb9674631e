// The MDX components a revision's body renders with: every section heading is followed by when
// that section last changed (SectionHeading.astro).
import type { MarkdownHeading } from 'astro';
import { jsx } from 'astro/jsx-runtime';
import type { SectionView } from '../../lib/history.ts';
import SectionHeading from './SectionHeading.astro';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * `components` for a revision's `<Content />`: its `##` headings, as the page renders them, paired
 * in order with the sections the history found in the same text. They must agree, or the page
 * would credit a change to the wrong section: the build stops if they do not.
 */
export function sectionHeadings(headings: readonly MarkdownHeading[], sections: readonly SectionView[]) {
	const rendered = headings.filter((heading) => heading.depth === 2);
	const mismatch = rendered.findIndex((heading, at) => normalize(heading.text) !== normalize(sections[at]?.title ?? ''));
	if (rendered.length !== sections.length || mismatch !== -1) {
		throw new Error(
			`The page's section headings (${rendered.map((heading) => heading.text.trim()).join(' | ')}) differ from the diff's (${sections.map((section) => section.title).join(' | ')}).`,
		);
	}
	const bySlug = new Map(rendered.map((heading, at) => [heading.slug, sections[at]]));
	return {
		h2: (props: Record<string, unknown>) => jsx(SectionHeading, { ...props, section: bySlug.get(String(props['id'])) }),
	};
}
