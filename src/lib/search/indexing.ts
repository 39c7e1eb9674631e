// src/lib/search/: the site search. This module decides at build time what is indexed;
// results.ts and texts.ts are what the lazily loaded search code in the browser needs.
// Pagefind reads the data-pagefind-*
// attributes from the built pages; the integration in src/integrations/search-index.ts uses
// `passagesToIndex` to keep a passage that several revisions share out of all but one of them.
import { formatFinnishDate, type IsoDate } from '../site/dates.ts';
import { t } from '../site/i18n.ts';
import type { RevisionInfo, RevisionStatus } from '../notice/revisions.ts';

/**
 * The class of the line a revision page adds under each section heading (when the section last
 * changed): the site's words, not the revision's, so never indexed. Marked for Pagefind in the
 * index's copy of the page, not on the page every visitor loads.
 */
export const SECTION_CHANGE_CLASS = 'section-change';

/** The Pagefind filter that separates the text in force from the history. */
export const SEARCH_SCOPE_FILTER = 'scope';

/** Scope values: a default search asks for `current` only; the history filter drops the filter. */
export type SearchScope = 'current' | 'history';

/** Attributes that put an element's content in the search index, as Astro spreads them. */
export type SearchMarks = Record<`data-${string}`, string>;

/** Marks for a page that is always in force and has no revisions, such as the cookie page. */
export function pageSearchMarks(): SearchMarks {
	return {
		'data-pagefind-body': '',
		'data-pagefind-filter': `${SEARCH_SCOPE_FILTER}:current`,
	};
}

/** What a search result says about the revision it comes from, in Finnish. */
export function revisionSearchLabel(revision: RevisionInfo, status: RevisionStatus): string {
	if (status === 'current') return t('search.revision.current');
	if (status === 'upcoming') return t('search.revision.upcoming', { date: formatFinnishDate(revision.effective) });
	return t('search.revision.earlier', { date: formatFinnishDate(revision.published) });
}

/**
 * Marks for one revision's body. The integration reads `data-search-revision` and
 * `data-search-status` to find passages that repeat between revisions; Pagefind stores the
 * label as metadata and the scope as a filter.
 */
export function revisionSearchMarks(revision: RevisionInfo, status: RevisionStatus): SearchMarks {
	const scope: SearchScope = status === 'current' ? 'current' : 'history';
	return {
		'data-pagefind-body': '',
		'data-pagefind-filter': `${SEARCH_SCOPE_FILTER}[data-search-scope]`,
		'data-pagefind-meta': 'label[data-search-label]',
		'data-search-scope': scope,
		'data-search-label': revisionSearchLabel(revision, status),
		'data-search-revision': revision.published,
		'data-search-status': status,
	};
}

/** One block of an indexed revision: a heading, or a paragraph or list item under it. */
export interface SearchBlock {
	heading: boolean;
	/** The visible text, with whitespace collapsed. */
	text: string;
}

/** An indexed revision as the integration found it in the built page. */
export interface IndexedRevision {
	published: IsoDate;
	status: RevisionStatus;
	blocks: readonly SearchBlock[];
}

/**
 * For each revision, whether each of its blocks goes into the index. A passage is indexed once,
 * in the revision nearest the current one that contains it: the current revision keeps
 * everything, an earlier one only what later revisions up to the current one dropped or
 * changed, an upcoming one only what it brings that the current and earlier upcoming ones lack.
 * A heading stays while its section keeps any text, because Pagefind's deep links hang on it.
 */
export function passagesToIndex(revisions: readonly IndexedRevision[]): boolean[][] {
	const ordered = [...revisions].sort((a, b) => a.published.localeCompare(b.published));
	const currentAt = ordered.findIndex((revision) => revision.status === 'current');
	const texts = ordered.map((revision) => new Set(revision.blocks.map((block) => block.text)));
	const keepByDate = new Map<IsoDate, boolean[]>();
	ordered.forEach((revision, at) => {
		// The revisions between this one and the current one, the current one included.
		const nearer =
			currentAt === -1
				? texts.slice(0, at)
				: at < currentAt
					? texts.slice(at + 1, currentAt + 1)
					: texts.slice(currentAt, at);
		const isNew = revision.blocks.map((block) => !nearer.some((other) => other.has(block.text)));
		keepByDate.set(revision.published, keepSectionHeadings(revision.blocks, isNew));
	});
	return revisions.map((revision) => keepByDate.get(revision.published) ?? []);
}

/** Keeps each heading whose own text or any following block up to the next heading is kept. */
function keepSectionHeadings(blocks: readonly SearchBlock[], keep: readonly boolean[]): boolean[] {
	const result = [...keep];
	let heading = -1;
	blocks.forEach((block, at) => {
		if (block.heading) heading = at;
		else if (keep[at] && heading !== -1) result[heading] = true;
	});
	return result;
}
