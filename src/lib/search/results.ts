// Turns what Pagefind's browser API returns into the list the search field shows. Shared by the
// browser module (src/scripts/site-search.ts) and its unit tests; no DOM and no dictionary here,
// so the lazily loaded search code stays small.

/** The part of Pagefind's browser API that the site uses (pagefind.js has no type declarations). */
export interface PagefindApi {
	options(options: { noWorker?: boolean; excerptLength?: number }): Promise<void>;
	init(): Promise<void>;
	debouncedSearch(
		term: string,
		options: { filters?: Record<string, string> },
		timeoutMs?: number,
	): Promise<PagefindSearch | null>;
}

/** A completed search: ranked pages whose data is fetched on demand. */
export interface PagefindSearch {
	results: { data(): Promise<PagefindPage> }[];
}

/** One matching page as Pagefind describes it. */
export interface PagefindPage {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results?: PagefindSection[];
}

/** One heading's part of a matching page; `url` carries the `#id` when the heading has one. */
export interface PagefindSection {
	title: string;
	url: string;
	excerpt: string;
	weighted_locations?: { balanced_score: number }[];
}

/** One row of the results list: a section, its snippet and where it comes from. */
export interface SectionHit {
	title: string;
	url: string;
	/** Pagefind's excerpt: escaped text with the matches in `<mark>`. */
	excerpt: string;
	/** The revision (its label) or, for a page that has no revisions, the page's title. */
	context?: string;
}

/** How many rows to show in all and per page. */
export interface HitLimits {
	limit: number;
	perPage: number;
}

function score(section: PagefindSection): number {
	return (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
}

/**
 * The rows for ranked pages: each page's best-matching sections (in page order, so that a
 * section list reads top to bottom), pages in Pagefind's order. A revision's label is shown only
 * when asked for, because a search of the text in force needs no "in force" on every row; a page
 * without revisions (the cookie page) is always named, so its sections are not taken for the notice's.
 */
export function sectionHits(
	pages: readonly PagefindPage[],
	{ limit, perPage }: HitLimits,
	withLabels: boolean,
): SectionHit[] {
	const hits: SectionHit[] = [];
	for (const page of pages) {
		const sections = page.sub_results?.length
			? page.sub_results
			: [{ title: page.meta['title'] ?? page.url, url: page.url, excerpt: page.excerpt }];
		const best = new Set([...sections].sort((a, b) => score(b) - score(a)).slice(0, perPage));
		const label = page.meta['label'];
		const context = label === undefined ? page.meta['title'] : withLabels ? label : undefined;
		for (const section of sections.filter((candidate) => best.has(candidate))) {
			hits.push({ title: section.title, url: section.url, excerpt: section.excerpt, ...(context ? { context } : {}) });
		}
	}
	return hits.slice(0, limit);
}

/** A `{name}` template from the dictionary, filled in the browser. */
export { fill } from '../site/fill.ts';
