// src/lib/notice/: the notice's revisions, from a dated .mdx file to what every page shows of it.
// This module is the model: what a revision is, as the build loads it, and the one rule of which
// is current, in force, upcoming or earlier on a date. Around it: the front matter's schema
// (schema.ts) and every check of a revision folder (check-node.ts, read from disk by
// folder-node.ts), whose one parse of each file gives the blocks the diff compares (blocks.ts);
// the content loader that stores what the check read (loader-node.ts); the pages' view of the
// collection (collection-node.ts); the status blocks and links (history.ts), each section's
// history (sections.ts) and the date lookup (date-lookup.ts); the scaffold of a new revision
// (scaffold.ts), and what the sitemap and page metadata say.
import type { DocBlock } from '../diff/diff.ts';
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

/**
 * A revision as the build loads it: what the folder check read from its file in the one parse
 * each file gets, stored by the content loader for every page to use.
 */
export interface LoadedRevision extends RevisionInfo {
	/** SHA-256 (hex) of the file's bytes, as sealed. */
	sha256: string;
	/** The text as the blocks the diff compares, led by the title. */
	blocks: DocBlock[];
	/** Published after the build date: only `astro dev` loads it, to preview it. */
	scheduled: boolean;
}

/** Where a revision stands relative to the build date. */
export type RevisionStatus = 'current' | 'earlier' | 'upcoming';

/** The dates that place a revision in time. */
export type RevisionDates = Pick<RevisionInfo, 'published' | 'effective'>;

/** Sorts revisions oldest first by publication date (ISO dates sort as strings). */
export function sortOldestFirst<T extends RevisionDates>(revisions: readonly T[]): T[] {
	return [...revisions].sort((a, b) => a.published.localeCompare(b.published));
}

/** Revisions newest first, as the change log and the feed list them. */
export function sortNewestFirst<T extends RevisionDates>(revisions: readonly T[]): T[] {
	return sortOldestFirst(revisions).reverse();
}

/**
 * The revision in force on `date`: the newest one whose effective date has come. None before
 * the first takes effect; this is what "which version applied on that day?" answers.
 */
export function revisionInForce<T extends RevisionDates>(revisions: readonly T[], date: IsoDate): T | undefined {
	return sortOldestFirst(revisions)
		.filter((revision) => revision.effective <= date)
		.at(-1);
}

/**
 * The revision the site shows as current on `date`: the one in force or, before any is, the
 * first one, because the notice must always show something. Every page's status follows it.
 */
export function currentRevision<T extends RevisionDates>(revisions: readonly T[], date: IsoDate): T | undefined {
	return revisionInForce(revisions, date) ?? sortOldestFirst(revisions)[0];
}

/** Revisions published but not yet in force on `date`, oldest first, the current one left out. */
export function upcomingRevisions<T extends RevisionDates>(revisions: readonly T[], date: IsoDate): T[] {
	const current = currentRevision(revisions, date);
	return sortOldestFirst(revisions).filter(
		(revision) => revision.effective > date && revision.published !== current?.published,
	);
}

/** Where a revision stands on `date`: the current one, one still to take effect, or one replaced. */
export function revisionStatus<T extends RevisionDates>(
	revision: T,
	revisions: readonly T[],
	date: IsoDate,
): RevisionStatus {
	if (currentRevision(revisions, date)?.published === revision.published) return 'current';
	return revision.effective > date ? 'upcoming' : 'earlier';
}

/** The revision published just before this one, if any. */
export function previousRevision<T extends RevisionDates>(revision: T, revisions: readonly T[]): T | undefined {
	return sortOldestFirst(revisions)
		.filter((other) => other.published < revision.published)
		.at(-1);
}

/** The revision published just after this one, if any. */
export function nextRevision<T extends RevisionDates>(revision: T, revisions: readonly T[]): T | undefined {
	return sortOldestFirst(revisions).find((other) => other.published > revision.published);
}

/** When a revision was, is or will be in force: from its effective date to its last day. */
export interface Validity {
	from: IsoDate;
	/** The day before a later revision takes effect; null while none is known. */
	until: IsoDate | null;
}

/**
 * The days `revision` is in force by the rule of `revisionInForce`: from its effective date until
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
