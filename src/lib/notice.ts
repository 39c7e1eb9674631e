import { getCollection, type CollectionEntry } from 'astro:content';
import type { IsoDate } from './dates.ts';
import type { DocBlock } from './diff.ts';
import { describeStatus, nextRevision, shownCurrent, type RevisionStatusView } from './history.ts';
import { revisionBlocks } from './revision-blocks.ts';
import {
	previousRevision,
	sortOldestFirst,
	upcomingRevisions,
	type RevisionStatus,
} from './revisions.ts';
import { assertFolderIsPublishable, buildDateOrRefuse } from './revision-loader.ts';
import { contentDir } from './site-settings.ts';

/** A revision as the pages use it: its checked front matter plus the entry that renders it. */
export type Revision = CollectionEntry<'revisions'>['data'] & { entry: CollectionEntry<'revisions'> };

/** The notice's whole history as of the build date. */
export interface NoticeHistory {
	/** The date the build treats as today. */
	date: IsoDate;
	/** Every revision, oldest first. */
	revisions: Revision[];
	/** The revision in force on `date`. */
	current: Revision;
	/** Revisions published but not yet in force, oldest first. */
	upcoming: Revision[];
	statusOf(revision: Revision): RevisionStatus;
	previousOf(revision: Revision): Revision | undefined;
	nextOf(revision: Revision): Revision | undefined;
	/** What the status block above the revision says and links to. */
	statusViewOf(revision: Revision): RevisionStatusView;
	/** The revision's text as diff blocks, parsed once per build. */
	blocksOf(revision: Revision): DocBlock[];
}

let history: Promise<NoticeHistory> | undefined;

/** `getStaticPaths` for the pages and files each revision has under /tietosuojaseloste/YYYY-MM-DD/. */
export async function revisionPaths() {
	const { revisions } = await loadHistory();
	return revisions.map((revision) => ({ params: { date: revision.published }, props: { revision } }));
}

/**
 * Loads the history once per build; every page shares the result. In `astro dev` the folder is
 * checked again on every page, so an editor's mistake shows in the error overlay as they save.
 */
export function loadHistory(): Promise<NoticeHistory> {
	if (import.meta.env.DEV) {
		assertFolderIsPublishable(contentDir());
		return build();
	}
	history ??= build();
	return history;
}

async function build(): Promise<NoticeHistory> {
	const date = buildDateOrRefuse();
	const entries = await getCollection('revisions');
	const revisions = sortOldestFirst(entries.map((entry) => ({ ...entry.data, entry })));
	// Each revision's blocks serve two change pages (its own and its successor's) and lohkot.json.
	const blockCache = new Map<IsoDate, DocBlock[]>();
	const current = shownCurrent(revisions, date);
	if (!current) throw new Error('No revisions were loaded.');
	return {
		date,
		revisions,
		current,
		upcoming: upcomingRevisions(revisions, date).filter((revision) => revision !== current),
		statusOf: (revision) => describeStatus(revision, revisions, date).status,
		previousOf: (revision) => previousRevision(revision, revisions),
		nextOf: (revision) => nextRevision(revision, revisions),
		statusViewOf: (revision) => {
			const view = describeStatus(revision, revisions, date);
			// Only dev has scheduled revisions: each is marked wherever it shows.
			const scheduled = new Set(revisions.filter((each) => each.scheduled).map((each) => each.published));
			return {
				...view,
				...(scheduled.has(revision.published) ? { scheduled: true as const } : {}),
				announcements: view.announcements.map((link) => (scheduled.has(link.published) ? { ...link, scheduled: true as const } : link)),
			};
		},
		blocksOf: (revision) => {
			let blocks = blockCache.get(revision.published);
			if (!blocks) {
				blocks = revisionBlocks(revision.entry.body ?? '', revision.title);
				blockCache.set(revision.published, blocks);
			}
			return blocks;
		},
	};
}
