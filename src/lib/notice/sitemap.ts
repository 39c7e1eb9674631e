// The sitemap's facts that Astro's sitemap integration cannot know: when each page of the notice
// last changed, from the revisions' dates (src/integrations/sitemap.ts writes them as `lastmod`).
import type { IsoDate } from '../site/dates.ts';
import { currentRevision, sortOldestFirst, type RevisionDates } from './revisions.ts';
import { changesPath, COMPARE_PATH, HISTORY_PATH, NOTICE_PATH, revisionPath } from '../site/routes.ts';

/** The sitemap's file name base: the index is `/sitemap-index.xml`, which robots.txt names. */
export const SITEMAP_NAME = 'sitemap';

/** The address of the sitemap index. */
export const SITEMAP_INDEX_PATH = `/${SITEMAP_NAME}-index.xml`;

/**
 * The day each page of the notice last changed, as of `date`. A revision's page and its changes
 * page change with every event of the history (a revision published, a revision taking effect)
 * from its own publication until a later revision takes effect and replaces it: their status
 * block says what is in force and what is coming. The notice is the page of the revision it
 * shows; the change log and the compare page list every revision's status, so they change with
 * every event. Events after `date` have not happened.
 */
export function pageLastChanged(revisions: readonly RevisionDates[], date: IsoDate): Map<string, IsoDate> {
	const ordered = sortOldestFirst(revisions);
	const events = [...new Set(ordered.flatMap((revision) => [revision.published, revision.effective]))]
		.filter((day) => day <= date)
		.sort();
	const lastBetween = (from: IsoDate, to: IsoDate) => events.filter((day) => day >= from && day <= to).at(-1) ?? from;
	const changed = new Map<string, IsoDate>();
	ordered.forEach((revision, at) => {
		const replaced = ordered
			.slice(at + 1)
			.map((later) => later.effective)
			.filter((day) => day <= date)
			.sort()[0];
		const day = lastBetween(revision.published, replaced ?? date);
		changed.set(revisionPath(revision), day);
		changed.set(changesPath(revision), day);
	});
	const current = currentRevision(ordered, date);
	const latest = events.at(-1);
	if (current) changed.set(NOTICE_PATH, changed.get(revisionPath(current)) ?? current.published);
	if (latest) {
		changed.set(HISTORY_PATH, latest);
		changed.set(COMPARE_PATH, latest);
	}
	return changed;
}
