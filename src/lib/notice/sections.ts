// Each section's own history: which revision last changed it, and which sections each revision
// changed, read from the same diffs the change pages show, so that every link lands on a change
// the reader can see. Pure; the build computes it once per revision.
import type { IsoDate } from '../site/dates.ts';
import type { DiffRow, DiffSegment, DocBlock } from '../diff/diff.ts';

/** A numbered change on a revision's change page. */
export interface SectionChange {
	published: IsoDate;
	/** The change's number on that page (its anchor is `#muutos-N`). */
	change: number;
}

/** A section of a revision: its heading, and the change that last touched it (none: as first published). */
export interface SectionState {
	title: string;
	lastChanged?: SectionChange;
}

/** A part of the notice that a revision changed, for its entry in the change log. */
export interface ChangedPart {
	/** `section`: a section by its heading in the new text; `removed`: a section dropped, by its old heading. */
	kind: 'title' | 'intro' | 'section' | 'removed';
	/** The heading, for sections. */
	title?: string;
	/** The first change that touched it. */
	change: number;
}

/** One revision as the section history needs it. */
export interface SectionSource {
	published: IsoDate;
	blocks: readonly DocBlock[];
}

const isSection = (block: DocBlock) => block.kind === 'heading' && block.depth === 2;
const isTitle = (block: DocBlock) => block.kind === 'heading' && block.depth === 1;
const onOldSide = (row: DiffRow) =>
	row.op === 'same' || row.op === 'changed' || row.op === 'removed' || (row.op === 'moved' && row.side === 'from');
const onNewSide = (row: DiffRow) =>
	row.op === 'same' || row.op === 'changed' || row.op === 'added' || (row.op === 'moved' && row.side === 'to');

/** What one consecutive diff says about sections: those it touched, and where each came from. */
interface PairAnalysis {
	/** New section index → the first change in it. */
	touched: Map<number, number>;
	/** New section index → the same section's index in the previous revision. */
	origin: Map<number, number>;
	parts: ChangedPart[];
}

/** Sections are numbered by their place among the revision's own `##` headings; -1 is the text before the first. */
function analyse(segments: readonly DiffSegment[]): PairAnalysis {
	const rows: { row: DiffRow; change?: number }[] = segments.flatMap((segment) =>
		segment.rows.map((row) => (segment.type === 'change' ? { row, change: segment.index } : { row })),
	);
	// Where each moved heading stood in the old text, for sections that moved whole.
	const movedFrom = new Map<number, number>();
	let oldSection = -1;
	for (const { row } of rows) {
		if (!isSection(row.block) || !onOldSide(row)) continue;
		oldSection += 1;
		if (row.op === 'moved') movedFrom.set(row.move, oldSection);
	}
	const touched = new Map<number, number>();
	const origin = new Map<number, number>();
	const parts: ChangedPart[] = [];
	const touch = (section: number, change: number) => {
		if (!touched.has(section)) touched.set(section, change);
	};
	let newSection = -1;
	oldSection = -1;
	// After a heading that left (removed, or moved away with its section), the old-only rows that
	// follow went with it; kept text that follows now sits in the section before.
	let left: number | undefined;
	for (const { row, change } of rows) {
		const section = isSection(row.block);
		if (section && onOldSide(row)) oldSection += 1;
		if (section && onNewSide(row)) {
			newSection += 1;
			left = undefined;
			if (row.op === 'same' || row.op === 'changed') origin.set(newSection, oldSection);
			if (row.op === 'moved') {
				const from = movedFrom.get(row.move);
				if (from !== undefined) origin.set(newSection, from);
			}
		}
		if (change === undefined) {
			if (left !== undefined && row.op === 'same') {
				touch(newSection, left);
				left = undefined;
			}
			continue;
		}
		if (isTitle(row.block)) {
			parts.push({ kind: 'title', change });
			continue;
		}
		if (section && !onNewSide(row)) {
			if (row.op === 'removed') parts.push({ kind: 'removed', title: headingText(row.block), change });
			left = change;
			continue;
		}
		if (left !== undefined && !onNewSide(row)) continue;
		touch(newSection, change);
	}
	return { touched, origin, parts };
}

function headingText(block: DocBlock): string {
	return block.kind === 'heading' ? block.text : '';
}

/** The `##` headings of a revision, in order. */
function sectionTitles(blocks: readonly DocBlock[]): string[] {
	return blocks.filter(isSection).map(headingText);
}

/** Each section's own history across revisions, computed lazily and once per revision. */
export interface SectionHistory {
	/** The sections of the revision at `index` (oldest first), each with the change that last touched it. */
	sectionsOf(index: number): SectionState[];
	/** What the revision at `index` changed, part by part, in the order of its changes. */
	changedPartsOf(index: number): ChangedPart[];
}

/**
 * The section history of revisions oldest first; `segmentsOf(index)` is the folded diff of the
 * revision at `index` against the one before it, exactly as its change page shows it.
 */
export function sectionHistory(
	revisions: readonly SectionSource[],
	segmentsOf: (index: number) => readonly DiffSegment[],
): SectionHistory {
	const analyses = new Map<number, PairAnalysis>();
	const analysis = (index: number) => {
		let found = analyses.get(index);
		if (!found) {
			found = analyse(segmentsOf(index));
			analyses.set(index, found);
		}
		return found;
	};
	const last = new Map<string, SectionChange | undefined>();
	const lastChanged = (index: number, section: number): SectionChange | undefined => {
		const key = `${index}:${section}`;
		if (last.has(key)) return last.get(key);
		let result: SectionChange | undefined;
		if (index > 0) {
			const { touched, origin } = analysis(index);
			const change = touched.get(section);
			const before = origin.get(section);
			if (change !== undefined) result = { published: revisions[index]!.published, change };
			else if (before !== undefined) result = lastChanged(index - 1, before);
		}
		last.set(key, result);
		return result;
	};
	return {
		sectionsOf: (index) =>
			sectionTitles(revisions[index]?.blocks ?? []).map((title, section) => {
				const change = lastChanged(index, section);
				return change ? { title, lastChanged: change } : { title };
			}),
		changedPartsOf: (index) => {
			if (index <= 0) return [];
			const { touched, parts } = analysis(index);
			const titles = sectionTitles(revisions[index]!.blocks);
			const sections: ChangedPart[] = [...touched].map(([section, change]) =>
				section === -1 ? { kind: 'intro', change } : { kind: 'section', title: titles[section] ?? '', change },
			);
			// A title replaced outright is a removal and an addition: one part all the same.
			const seen = new Set<string>();
			return [...parts, ...sections]
				.sort((a, b) => a.change - b.change)
				.filter((part) => {
					const key = `${part.kind}:${part.title ?? ''}`;
					if (seen.has(key)) return false;
					seen.add(key);
					return true;
				});
		},
	};
}
