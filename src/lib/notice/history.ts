import type { IsoDate } from '../site/dates.ts';
import { changeAnchor } from '../diff/diff.ts';
import {
	currentRevision,
	nextRevision,
	previousRevision,
	revisionStatus,
	upcomingRevisions,
	validity,
	type RevisionInfo,
	type RevisionStatus,
	type Validity,
} from './revisions.ts';
import type { ChangedPart, SectionChange, SectionState } from './sections.ts';
import { changesPath, revisionPath } from '../site/routes.ts';

/** A revision as a link target: its dates and addresses. */
export interface RevisionLink {
	published: IsoDate;
	effective: IsoDate;
	path: string;
	changesPath: string;
	/** Only under `astro dev`: published after the build date, shown as a preview. */
	scheduled?: true;
}

/** Everything the status block above a revision says, prepared for the component. */
export interface RevisionStatusView {
	status: RevisionStatus;
	published: IsoDate;
	/** Only when it differs from `published`. */
	effective?: IsoDate;
	summary?: string;
	/** True for the first published revision, which has no changes page of its own to compare. */
	first: boolean;
	/** The address of this revision's changes, unless it is the first. */
	changesPath?: string;
	/** The revision in force, for earlier and upcoming revisions. */
	current?: RevisionLink;
	/** For an earlier revision: the one published right after it. */
	replacedBy?: RevisionLink;
	/** For the current revision: changes already published and taking effect later. */
	announcements: RevisionLink[];
	/** Only under `astro dev`: published after the build date, shown as a preview. */
	scheduled?: true;
	/** When it is in force; null for a revision replaced before it took effect. */
	validity: Validity | null;
}

/** The link form of a revision. */
export function revisionLink(revision: RevisionInfo): RevisionLink {
	return {
		published: revision.published,
		effective: revision.effective,
		path: revisionPath(revision),
		changesPath: changesPath(revision),
	};
}

/** Describes where `revision` stands on `date` and what its status block links to. */
export function describeStatus<T extends RevisionInfo>(
	revision: T,
	revisions: readonly T[],
	date: IsoDate,
): RevisionStatusView {
	const current = currentRevision(revisions, date);
	const status = revisionStatus(revision, revisions, date);
	const first = previousRevision(revision, revisions) === undefined;
	const next = nextRevision(revision, revisions);
	return {
		status,
		published: revision.published,
		...(revision.effective === revision.published ? {} : { effective: revision.effective }),
		...(revision.summary === undefined ? {} : { summary: revision.summary }),
		first,
		...(first ? {} : { changesPath: changesPath(revision) }),
		...(status !== 'current' && current ? { current: revisionLink(current) } : {}),
		...(status === 'earlier' && next ? { replacedBy: revisionLink(next) } : {}),
		announcements: status === 'current' ? upcomingRevisions(revisions, date).map(revisionLink) : [],
		validity: validity(revision, revisions) ?? null,
	};
}

/** The address of one numbered change on a revision's change page. */
export function changeLinkPath(change: SectionChange): string {
	return `${changesPath(change)}#${changeAnchor(change.change)}`;
}

/** A section as its revision page shows it: when it last changed, with a link to that change. */
export interface SectionView {
	title: string;
	/** Absent while the section reads as in the first version. */
	lastChanged?: { published: IsoDate; path: string };
}

/** The link form of a section's state. */
export function sectionView({ title, lastChanged }: SectionState): SectionView {
	return lastChanged
		? { title, lastChanged: { published: lastChanged.published, path: changeLinkPath(lastChanged) } }
		: { title };
}

/** A part a revision changed, as its change-log entry links it. */
export interface ChangedPartView {
	kind: ChangedPart['kind'];
	title?: string;
	path: string;
}

/** The link form of a changed part of `revision`. */
export function changedPartView(revision: Pick<RevisionInfo, 'published'>, part: ChangedPart): ChangedPartView {
	const path = changeLinkPath({ published: revision.published, change: part.change });
	return part.title === undefined ? { kind: part.kind, path } : { kind: part.kind, title: part.title, path };
}
