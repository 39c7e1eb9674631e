// What changed between two revisions, block by block and word by word. Pure and browser-safe
// (no node: imports): the change pages run it at build time, the compare page in the browser.
import { diffArrays, diffWordsWithSpace } from 'diff';

/** One block of a revision's text, as the diff sees it; links and emphasis are flattened to text. */
export type DocBlock =
	| { kind: 'heading'; depth: number; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'item'; ordered: boolean; text: string };

/** A run of text within a changed block. */
export interface WordPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/** One block of the compared text: kept, added, removed, or changed word by word. */
export type DiffRow =
	| { op: 'same' | 'added' | 'removed'; block: DocBlock }
	| { op: 'changed'; block: DocBlock; parts: WordPart[] };

/** A stretch of the compared text: a numbered change, the context around it, or folded text. */
export type DiffSegment =
	| { type: 'change'; index: number; rows: DiffRow[] }
	| { type: 'context'; rows: DiffRow[] }
	| { type: 'folded'; rows: DiffRow[] };

/** Two blocks with at least this share of words in common count as one block edited. */
const SIMILARITY = 0.5;

function sameBlock(a: DocBlock, b: DocBlock): boolean {
	return sameShape(a, b) && a.text === b.text;
}

function sameShape(a: DocBlock, b: DocBlock): boolean {
	if (a.kind === 'heading' && b.kind === 'heading') return a.depth === b.depth;
	if (a.kind === 'item' && b.kind === 'item') return a.ordered === b.ordered;
	return a.kind === b.kind;
}

/** Dice coefficient of the two texts' word sets: 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: string, b: string): number {
	const left = new Set(a.split(/\s+/u).filter(Boolean));
	const right = new Set(b.split(/\s+/u).filter(Boolean));
	if (left.size + right.size === 0) return 1;
	let shared = 0;
	for (const word of left) if (right.has(word)) shared += 1;
	return (2 * shared) / (left.size + right.size);
}

function similarBlock(a: DocBlock, b: DocBlock): boolean {
	return sameShape(a, b) && wordSimilarity(a.text, b.text) >= SIMILARITY;
}

/** White space or a mark or two of punctuation: too little to stand between two replacements. */
const CONNECTOR = /^[\s\p{P}]{1,3}$/u;

/**
 * Word-level changes between two texts of one block. White space or punctuation between two
 * replacements joins them, so that "EU:n alueella" → "Euroopan talousalueella" and
 * "11.3.2018" → "1.6.2020" each read as one replacement rather than interleaved pieces.
 */
export function diffWords(oldText: string, newText: string): WordPart[] {
	const changes = diffWordsWithSpace(oldText, newText);
	const parts: WordPart[] = [];
	let removed = '';
	let added = '';
	const flush = () => {
		if (removed) parts.push({ op: 'removed', text: removed });
		if (added) parts.push({ op: 'added', text: added });
		removed = '';
		added = '';
	};
	changes.forEach((change, index) => {
		if (change.added) added += change.value;
		else if (change.removed) removed += change.value;
		else {
			const next = changes[index + 1];
			const joins = removed && added && CONNECTOR.test(change.value) && next && (next.added || next.removed);
			if (joins) {
				removed += change.value;
				added += change.value;
				return;
			}
			flush();
			parts.push({ op: 'same', text: change.value });
		}
	});
	flush();
	return parts;
}

/**
 * Aligns two revisions' blocks: unchanged blocks match exactly; within a replaced stretch,
 * blocks of the same kind that share most of their words are paired and diffed word by word,
 * and the rest are whole additions or removals.
 */
export function diffBlocks(oldBlocks: readonly DocBlock[], newBlocks: readonly DocBlock[]): DiffRow[] {
	const rows: DiffRow[] = [];
	const changes = diffArrays([...oldBlocks], [...newBlocks], { comparator: sameBlock });
	let removed: DocBlock[] = [];
	let added: DocBlock[] = [];
	const flush = () => {
		rows.push(...pairStretch(removed, added));
		removed = [];
		added = [];
	};
	for (const change of changes) {
		if (change.removed) removed.push(...change.value);
		else if (change.added) added.push(...change.value);
		else {
			flush();
			for (const block of change.value) rows.push({ op: 'same', block });
		}
	}
	flush();
	return rows;
}

function pairStretch(removed: DocBlock[], added: DocBlock[]): DiffRow[] {
	if (removed.length === 0) return added.map((block) => ({ op: 'added', block }));
	if (added.length === 0) return removed.map((block) => ({ op: 'removed', block }));
	const rows: DiffRow[] = [];
	let oldIndex = 0;
	let newIndex = 0;
	for (const change of diffArrays(removed, added, { comparator: similarBlock })) {
		for (let step = 0; step < change.count; step += 1) {
			if (change.removed) rows.push({ op: 'removed', block: removed[oldIndex++]! });
			else if (change.added) rows.push({ op: 'added', block: added[newIndex++]! });
			else {
				const before = removed[oldIndex++]!;
				const after = added[newIndex++]!;
				rows.push({ op: 'changed', block: after, parts: diffWords(before.text, after.text) });
			}
		}
	}
	return rows;
}

/**
 * Groups diff rows into numbered changes (consecutive changed rows are one change, so an added
 * section counts once) and folds unchanged stretches, keeping `context` blocks on each side of
 * every change. Stretches shorter than `minFold` blocks stay open: folding one paragraph
 * behind a button saves nothing.
 */
export function foldDiff(rows: readonly DiffRow[], context = 1, minFold = 2): DiffSegment[] {
	const runs: { changed: boolean; rows: DiffRow[] }[] = [];
	for (const row of rows) {
		const changed = row.op !== 'same';
		const last = runs.at(-1);
		if (last && last.changed === changed) last.rows.push(row);
		else runs.push({ changed, rows: [row] });
	}
	const segments: DiffSegment[] = [];
	let index = 0;
	runs.forEach((run, position) => {
		if (run.changed) {
			index += 1;
			segments.push({ type: 'change', index, rows: run.rows });
			return;
		}
		const head = position > 0 ? context : 0;
		const tail = position < runs.length - 1 ? context : 0;
		if (run.rows.length - head - tail < minFold) {
			segments.push({ type: 'context', rows: run.rows });
			return;
		}
		if (head > 0) segments.push({ type: 'context', rows: run.rows.slice(0, head) });
		segments.push({ type: 'folded', rows: run.rows.slice(head, run.rows.length - tail) });
		if (tail > 0) segments.push({ type: 'context', rows: run.rows.slice(-tail) });
	});
	return segments;
}

/** The number of numbered changes in a folded diff. */
export function countChanges(segments: readonly DiffSegment[]): number {
	return segments.filter((segment) => segment.type === 'change').length;
}
