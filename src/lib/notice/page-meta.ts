// What a page tells search engines and link previews about itself: its description, and for a
// page that shows a revision, the structured data with the revision's own dates. Plain data in,
// plain data out; BaseLayout writes it into the page's head.
import { formatFinnishDate, type IsoDate } from '../site/dates.ts';
import { LANGUAGE, t } from '../site/i18n.ts';
import type { RevisionInfo } from './revisions.ts';

/** The description of the notice in force: what it is, and what its latest revision changed. */
export function noticeDescription(current: RevisionInfo): string {
	const base = t('meta.notice');
	if (current.summary === undefined) return base;
	return `${base} ${t('meta.lastChange', { date: formatFinnishDate(current.published), summary: current.summary })}`;
}

/** The description of a revision at its permanent address: its date and what it changed. */
export function revisionDescription(revision: RevisionInfo): string {
	const date = formatFinnishDate(revision.published);
	return revision.summary === undefined
		? t('meta.revision.first', { date })
		: t('meta.revision', { date, summary: revision.summary });
}

/** The description of a revision's changes page. */
export function changesDescription(revision: RevisionInfo): string {
	const date = formatFinnishDate(revision.published);
	return revision.summary === undefined
		? t('meta.changes.first', { date })
		: t('meta.changes', { date, summary: revision.summary });
}

/** The dates of the document a page shows, from its revision's front matter. */
export interface DocumentDates {
	published: IsoDate;
	modified: IsoDate;
}

/** A sealed revision is never modified: it was last changed the day it was published. */
export function revisionDates(revision: Pick<RevisionInfo, 'published'>): DocumentDates {
	return { published: revision.published, modified: revision.published };
}

/** What the structured data of a page describes. */
export interface StructuredPage {
	name: string;
	description: string;
	/** The canonical address, the same as the page's `og:url`. */
	url: string;
	dates: DocumentDates;
	publisher: { name: string; url: string };
}

/** The page as schema.org JSON-LD, ready for a `<script type="application/ld+json">`. */
export function structuredData(page: StructuredPage): string {
	const data = {
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		name: page.name,
		description: page.description,
		url: page.url,
		inLanguage: LANGUAGE,
		datePublished: page.dates.published,
		dateModified: page.dates.modified,
		publisher: { '@type': 'Organization', name: page.publisher.name, url: page.publisher.url },
	};
	// `<` escaped so that no text can close the script element early.
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
