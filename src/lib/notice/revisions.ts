// src/lib/notice/: the notice's revisions, from a dated .mdx file to what every page shows of it.
// This module is the model: what a revision is, its addresses, and which one is in force,
// upcoming or earlier on a date. Around it: the front matter's schema (schema.ts) and every check
// of a revision folder (check-node.ts, read from disk by folder-node.ts), the content loader
// (loader-node.ts), the pages' view of the collection (collection-node.ts), the history and change
// log (history.ts, sections.ts, date-lookup.ts), the blocks the diff compares (blocks-node.ts),
// the scaffold of a new revision (scaffold.ts), and what the sitemap and page metadata say.
import { dayBefore, type IsoDate } from '../site/dates.ts';

/** What the site knows of one revision, independent of how it was loaded. */
export interface RevisionInfo {
	/** The publication date; also the revision's id, file name and permanent address. */
	published: IsoDate;
	/** When the revision takes effect; equals `published` unless the editor set it. */
	effective: IsoDate;
	title: string;
	/** Plain-language summary of the change; absent only on the first revision. */
	summary?: string | undefined;
}

/** Where a revision stands relative to the build date. */
export type RevisionStatus = 'current' | 'earlier' | 'upcoming';

/** The dates that place a revision in time. */
export type RevisionDates = Pick<RevisionInfo, 'published' | 'effective'>;

/** Sorts revisions oldest first by publication date (ISO dates sort as strings). */
export function sortOldestFirst<T extends RevisionDates>(revisions: readonly T[]): T[] {
	return [...revisions].sort((a, b) => a.published.localeCompare(b.published));
}

/** The revision in force on `date`: the newest one whose effective date has come. */
export function currentRevision<T extends RevisionDates>(revisions: readonly T[], date: IsoDate): T | undefined {
	return sortOldestFirst(revisions)
		.filter((revision) => revision.effective <= date)
		.at(-1);
}

/** Revisions published but not yet in force on `date`, oldest first. */
export function upcomingRevisions<T extends RevisionInfo>(revisions: readonly T[], date: IsoDate): T[] {
	return sortOldestFirst(revisions).filter((revision) => revision.effective > date);
}

/** Classifies a revision as current, earlier or upcoming on `date`. */
export function revisionStatus<T extends RevisionInfo>(
	revision: T,
	revisions: readonly T[],
	date: IsoDate,
): RevisionStatus {
	if (revision.effective > date) return 'upcoming';
	return currentRevision(revisions, date)?.published === revision.published ? 'current' : 'earlier';
}

/** The revision published just before this one, if any. */
export function previousRevision<T extends RevisionInfo>(revision: T, revisions: readonly T[]): T | undefined {
	return sortOldestFirst(revisions)
		.filter((other) => other.published < revision.published)
		.at(-1);
}

/** When a revision was, is or will be in force: from its effective date to its last day. */
export interface Validity {
	from: IsoDate;
	/** The day before a later revision takes effect; null while none is known. */
	until: IsoDate | null;
}

/**
 * The days `revision` is in force by the rule of `currentRevision`: from its effective date until
 * the day before a later-published revision takes effect. Undefined for a revision replaced
 * before it ever took effect.
 */
export function validity<T extends RevisionDates>(revision: T, revisions: readonly T[]): Validity | undefined {
	const next = sortOldestFirst(revisions)
		.filter((other) => other.published > revision.published)
		.map((other) => other.effective)
		.sort()[0];
	if (next === undefined) return { from: revision.effective, until: null };
	const until = dayBefore(next);
	return until < revision.effective ? undefined : { from: revision.effective, until };
}
