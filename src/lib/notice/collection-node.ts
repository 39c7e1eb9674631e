import { getCollection, type CollectionEntry } from 'astro:content';
import type { IsoDate } from '../site/dates.ts';
import { diffBlocks, foldDiff, type DiffSegment } from '../diff/diff.ts';
import {
	changedPartView,
	describeStatus,
	sectionView,
	type ChangedPartView,
	type RevisionStatusView,
	type SectionView,
} from './history.ts';
import {
	currentRevision,
	nextRevision,
	previousRevision,
	revisionStatus,
	sortOldestFirst,
	upcomingRevisions,
	type LoadedRevision,
	type RevisionStatus,
} from './revisions.ts';
import { assertFolderIsPublishable, buildDateOrRefuse } from './loader-node.ts';
import { sectionHistory } from './sections.ts';
import { contentDir } from '../site/settings-node.ts';

/** A revision as the pages use it: what the loader stored of it, plus the entry that renders it. */
export type Revision = LoadedRevision & { entry: CollectionEntry<'revisions'> };

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
	/** What the revision changed against the one before it, as its change page shows it; none for the first. */
	changesOf(revision: Revision): DiffSegment[] | undefined;
	/** The revision's sections, each with the change that last touched it. */
	sectionsOf(revision: Revision): SectionView[];
	/** The parts of the notice the revision changed, each linked to its change. */
	changedPartsOf(revision: Revision): ChangedPartView[];
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
	const current = currentRevision(revisions, date);
	if (!current) throw new Error('No revisions were loaded.');
	// Each diff serves its change page, the section history and the change log: computed once.
	const changeCache = new Map<IsoDate, DiffSegment[]>();
	const changesAt = (index: number): DiffSegment[] => {
		const revision = revisions[index]!;
		let segments = changeCache.get(revision.published);
		if (!segments) {
			segments = index === 0 ? [] : foldDiff(diffBlocks(revisions[index - 1]!.blocks, revision.blocks));
			changeCache.set(revision.published, segments);
		}
		return segments;
	};
	const sections = sectionHistory(revisions, changesAt);
	const indexOf = (revision: Revision) => revisions.findIndex((other) => other.published === revision.published);
	return {
		date,
		revisions,
		current,
		upcoming: upcomingRevisions(revisions, date),
		statusOf: (revision) => revisionStatus(revision, revisions, date),
		previousOf: (revision) => previousRevision(revision, revisions),
		nextOf: (revision) => nextRevision(revision, revisions),
		statusViewOf: (revision) => {
			const view = describeStatus(revision, revisions, date);
			// Only dev has scheduled revisions: each is marked wherever it shows.
			const scheduled = new Set(revisions.filter((each) => each.scheduled).map((each) => each.published));
			return {
				...view,
				...(scheduled.has(revision.published) ? { scheduled: true as const } : {}),
				announcements: view.announcements.map((link) =>
					scheduled.has(link.published) ? { ...link, scheduled: true as const } : link,
				),
			};
		},
		changesOf: (revision) => (indexOf(revision) > 0 ? changesAt(indexOf(revision)) : undefined),
		sectionsOf: (revision) => sections.sectionsOf(indexOf(revision)).map(sectionView),
		changedPartsOf: (revision) =>
			sections.changedPartsOf(indexOf(revision)).map((part) => changedPartView(revision, part)),
	};
}
