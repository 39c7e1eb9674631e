import type { IsoDate } from './dates.ts';

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

/** The URL base of the notice. */
export const NOTICE_PATH = '/tietosuojaseloste/';

/** Sorts revisions oldest first by publication date (ISO dates sort as strings). */
export function sortOldestFirst<T extends RevisionInfo>(revisions: readonly T[]): T[] {
	return [...revisions].sort((a, b) => a.published.localeCompare(b.published));
}

/** The permanent address of a revision: `/tietosuojaseloste/YYYY-MM-DD/`. */
export function revisionPath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${NOTICE_PATH}${revision.published}/`;
}

/** The address of what changed in a revision against its predecessor. */
export function changesPath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${revisionPath(revision)}muutokset/`;
}

/** The revision in force on `date`: the newest one whose effective date has come. */
export function currentRevision<T extends RevisionInfo>(
	revisions: readonly T[],
	date: IsoDate,
): T | undefined {
	return sortOldestFirst(revisions)
		.filter((revision) => revision.effective <= date)
		.at(-1);
}

/** Revisions published but not yet in force on `date`, oldest first. */
export function upcomingRevisions<T extends RevisionInfo>(
	revisions: readonly T[],
	date: IsoDate,
): T[] {
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
export function previousRevision<T extends RevisionInfo>(
	revision: T,
	revisions: readonly T[],
): T | undefined {
	return sortOldestFirst(revisions)
		.filter((other) => other.published < revision.published)
		.at(-1);
}
