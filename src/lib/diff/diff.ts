// src/lib/diff/: what changed between two revisions, and how it reads. Browser-safe throughout:
// the change pages run it at build time and the compare page in the browser, so the two cannot
// differ. This module computes the diff, block by block and word by word; render.ts writes it as
// HTML; texts.ts holds its words.
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A link in a block: the text it reads and the address it leads to. */
export interface BlockLink {
	text: string;
	href: string;
}

/**
 * One block of a revision's text, as the diff sees it: a heading, paragraph, list item or table
 * row. Emphasis is flattened to text; links keep their addresses, so that a new address alone is
 * a change too.
 */
export type DocBlock = (
	| { kind: 'heading'; depth: number; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'item'; ordered: boolean; text: string }
	/** A table row; the header row starts a table. */
	| { kind: 'row'; header: boolean; cells: string[] }
) & {
	/** The block's links in reading order; absent when it has none. */
	links?: BlockLink[];
};

/** A run of text within a changed block. */
export interface WordPart {
	op: 'same' | 'added' | 'removed';
	text: string;
}

/** One cell of an edited table row. */
export interface CellEdit {
	op: 'same' | 'changed' | 'added' | 'removed';
	parts: WordPart[];
}

/** A link whose address changed, or a link added to or removed from text. */
export type LinkChange =
	{ op: 'changed'; text: string; from: string; to: string } | { op: 'added' | 'removed'; text: string; href: string };

/** How a block was edited: word by word (a table row: cell by cell), and its links' addresses. */
export type BlockEdit = ({ parts: WordPart[] } | { cells: CellEdit[] }) & { links: LinkChange[] };

/**
 * One block of the compared text: kept, added, removed, edited in place, or moved. A moved
 * block has a row at each place (`from` in the old text, `to` in the new), sharing `move`; the
 * `to` row carries the edit when the block also changed on its way.
 */
export type DiffRow =
	| { op: 'same' | 'added' | 'removed'; block: DocBlock }
	| { op: 'changed'; block: DocBlock; edit: BlockEdit }
	| { op: 'moved'; side: 'from'; move: number; block: DocBlock }
	| { op: 'moved'; side: 'to'; move: number; block: DocBlock; edit?: BlockEdit };

/** A stretch of the compared text: a numbered change, the context around it, or folded text. */
export type DiffSegment =
	| { type: 'change'; index: number; rows: DiffRow[] }
	| { type: 'context'; rows: DiffRow[] }
	| { type: 'folded'; rows: DiffRow[] };

/** Two blocks with at least this share of words in common count as one block edited in place. */
const SIMILARITY = 0.5;
/** A block that leaves one place and reappears elsewhere with this share of its words has moved. */
const MOVE_SIMILARITY = 0.75;

/** The words of a block as the diff compares them; a row's cells one after another. */
export function blockText(block: DocBlock): string {
	return block.kind === 'row' ? block.cells.join(' ') : block.text;
}

function sameLinks(a: DocBlock, b: DocBlock): boolean {
	const left = a.links ?? [];
	const right = b.links ?? [];
	return (
		left.length === right.length &&
		left.every((link, at) => link.text === right[at]!.text && link.href === right[at]!.href)
	);
}

function sameBlock(a: DocBlock, b: DocBlock): boolean {
	if (!sameShape(a, b) || !sameLinks(a, b)) return false;
	if (a.kind === 'row' && b.kind === 'row')
		return a.cells.length === b.cells.length && a.cells.every((cell, at) => cell === b.cells[at]);
	return blockText(a) === blockText(b);
}

function sameShape(a: DocBlock, b: DocBlock): boolean {
	if (a.kind === 'heading' && b.kind === 'heading') return a.depth === b.depth;
	if (a.kind === 'item' && b.kind === 'item') return a.ordered === b.ordered;
	if (a.kind === 'row' && b.kind === 'row') return a.header === b.header;
	return a.kind === b.kind;
}

function wordSet(text: string): Set<string> {
	return new Set(text.split(/\s+/u).filter(Boolean));
}

/** Dice coefficient of two word sets. */
function dice(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
	if (left.size + right.size === 0) return 1;
	let shared = 0;
	for (const word of left) if (right.has(word)) shared += 1;
	return (2 * shared) / (left.size + right.size);
}

/** Dice coefficient of the two texts' word sets: 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: string, b: string): number {
	return dice(wordSet(a), wordSet(b));
}

// Moves are looked for across every pair of stretches: each block's words are split once.
const blockWords = new WeakMap<DocBlock, Set<string>>();
function wordsOf(block: DocBlock): Set<string> {
	let words = blockWords.get(block);
	if (!words) {
		words = wordSet(blockText(block));
		blockWords.set(block, words);
	}
	return words;
}

/** How alike two blocks of one shape are; 0 for blocks of different shapes. */
function similarity(a: DocBlock, b: DocBlock): number {
	if (!sameShape(a, b)) return 0;
	const words = dice(wordsOf(a), wordsOf(b));
	if (a.kind === 'row' && b.kind === 'row' && a.cells.length === b.cells.length) {
		// A row of short cells shares few words when one cell changes; its other cells still match.
		return Math.max(words, a.cells.filter((cell, at) => cell === b.cells[at]).length / a.cells.length);
	}
	return words;
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

/** Cell by cell: kept columns stay, changed cells are diffed word by word, extra cells are whole. */
function diffCells(before: readonly string[], after: readonly string[]): CellEdit[] {
	const whole = (op: 'added' | 'removed', text: string): CellEdit => ({ op, parts: text ? [{ op, text }] : [] });
	const pair = (old: string, cell: string): CellEdit =>
		old === cell ? { op: 'same', parts: [{ op: 'same', text: cell }] } : { op: 'changed', parts: diffWords(old, cell) };
	if (before.length === after.length) return after.map((cell, at) => pair(before[at]!, cell));
	// A column added or removed: the columns that stay line up, the rest pair up by position.
	const cells: CellEdit[] = [];
	let removed: string[] = [];
	let added: string[] = [];
	const flush = () => {
		const paired = Math.min(removed.length, added.length);
		for (let at = 0; at < paired; at += 1) cells.push(pair(removed[at]!, added[at]!));
		for (const cell of removed.slice(paired)) cells.push(whole('removed', cell));
		for (const cell of added.slice(paired)) cells.push(whole('added', cell));
		removed = [];
		added = [];
	};
	for (const change of diffArrays([...before], [...after])) {
		if (change.removed) removed.push(...change.value);
		else if (change.added) added.push(...change.value);
		else {
			flush();
			for (const cell of change.value) cells.push(pair(cell, cell));
		}
	}
	flush();
	return cells;
}

/**
 * The links whose address changed, and links added to or taken from text. A link whose text
 * changed but whose address stayed is left to the word diff.
 */
export function diffLinks(before: readonly BlockLink[] = [], after: readonly BlockLink[] = []): LinkChange[] {
	const result: LinkChange[] = [];
	let removed: BlockLink[] = [];
	let added: BlockLink[] = [];
	const flush = () => {
		// Links that read the same pair first, then the rest by position.
		for (const link of [...removed]) {
			const match = added.find((other) => other.text === link.text);
			if (!match) continue;
			removed.splice(removed.indexOf(link), 1);
			added.splice(added.indexOf(match), 1);
			result.push({ op: 'changed', text: match.text, from: link.href, to: match.href });
		}
		const paired = Math.min(removed.length, added.length);
		for (let at = 0; at < paired; at += 1) {
			const [old, link] = [removed[at]!, added[at]!];
			if (old.href !== link.href) result.push({ op: 'changed', text: link.text, from: old.href, to: link.href });
		}
		for (const link of removed.slice(paired)) result.push({ op: 'removed', text: link.text, href: link.href });
		for (const link of added.slice(paired)) result.push({ op: 'added', text: link.text, href: link.href });
		removed = [];
		added = [];
	};
	const same = (a: BlockLink, b: BlockLink) => a.text === b.text && a.href === b.href;
	for (const change of diffArrays([...before], [...after], { comparator: same })) {
		if (change.removed) removed.push(...change.value);
		else if (change.added) added.push(...change.value);
		else flush();
	}
	flush();
	return result;
}

/** The edit that turns one block into another of the same shape. */
export function editBlock(before: DocBlock, after: DocBlock): BlockEdit {
	const links = diffLinks(before.links, after.links);
	if (before.kind === 'row' && after.kind === 'row') return { cells: diffCells(before.cells, after.cells), links };
	return { parts: diffWords(blockText(before), blockText(after)), links };
}

/** A block with its place in its own revision, so that equal blocks stay distinct. */
interface Placed {
	block: DocBlock;
	at: number;
}

/** A stretch between kept blocks where blocks were removed, added, or both. */
interface Stretch {
	removed: Placed[];
	added: Placed[];
}

/**
 * Pairs blocks removed in one stretch with blocks added in another that read the same, or
 * nearly: those moved. A block that has an equally good partner in its own stretch is an edit
 * in place instead. Best matches first, so each block moves at most once.
 */
function findMoves(stretches: readonly Stretch[]): Map<Placed, Placed> {
	const inPlace = new Map<Placed, number>();
	for (const { removed, added } of stretches) {
		for (const old of removed) {
			for (const neu of added) {
				const score = similarity(old.block, neu.block);
				if (score < SIMILARITY) continue;
				inPlace.set(old, Math.max(inPlace.get(old) ?? 0, score));
				inPlace.set(neu, Math.max(inPlace.get(neu) ?? 0, score));
			}
		}
	}
	const candidates: { old: Placed; neu: Placed; score: number }[] = [];
	stretches.forEach((from, i) => {
		stretches.forEach((to, j) => {
			if (i === j) return;
			for (const old of from.removed) {
				for (const neu of to.added) {
					const score = sameBlock(old.block, neu.block) ? 1.01 : similarity(old.block, neu.block);
					if (score < MOVE_SIMILARITY) continue;
					if ((inPlace.get(old) ?? 0) >= score || (inPlace.get(neu) ?? 0) >= score) continue;
					candidates.push({ old, neu, score });
				}
			}
		});
	});
	candidates.sort((a, b) => b.score - a.score || a.old.at - b.old.at || a.neu.at - b.neu.at);
	const moves = new Map<Placed, Placed>();
	for (const { old, neu } of candidates) {
		if (moves.has(old) || moves.has(neu)) continue;
		moves.set(old, neu);
		moves.set(neu, old);
	}
	return moves;
}

/** A row before moves are numbered: each moved row knows its partner. */
type DraftRow = DiffRow | { op: 'moved'; side: 'from' | 'to'; placed: Placed; partner: Placed };

/**
 * Aligns two revisions' blocks: unchanged blocks match exactly; a block that left one place and
 * reappears, the same or nearly, at another is moved; within a replaced stretch, blocks of the
 * same kind that share most of their words are paired and edited, and the rest are whole
 * additions or removals.
 */
export function diffBlocks(oldBlocks: readonly DocBlock[], newBlocks: readonly DocBlock[]): DiffRow[] {
	const place = (block: DocBlock, at: number): Placed => ({ block, at });
	const changes = diffArrays(oldBlocks.map(place), newBlocks.map(place), {
		comparator: (a, b) => sameBlock(a.block, b.block),
	});
	const runs: (Placed[] | Stretch)[] = [];
	let stretch: Stretch | undefined;
	for (const change of changes) {
		if (!change.removed && !change.added) {
			stretch = undefined;
			runs.push(change.value);
			continue;
		}
		if (!stretch) {
			stretch = { removed: [], added: [] };
			runs.push(stretch);
		}
		(change.removed ? stretch.removed : stretch.added).push(...change.value);
	}
	const moves = findMoves(runs.filter((run): run is Stretch => !Array.isArray(run)));
	const drafts = runs.flatMap((run): DraftRow[] =>
		Array.isArray(run) ? run.map(({ block }) => ({ op: 'same', block })) : pairStretch(run, moves),
	);
	return numberMoves(drafts);
}

function pairStretch({ removed, added }: Stretch, moves: Map<Placed, Placed>): DraftRow[] {
	const rows: DraftRow[] = [];
	const pairs = (a: Placed, b: Placed) => !moves.has(a) && !moves.has(b) && similarity(a.block, b.block) >= SIMILARITY;
	let oldIndex = 0;
	let newIndex = 0;
	const gone = (placed: Placed): DraftRow => {
		const partner = moves.get(placed);
		return partner ? { op: 'moved', side: 'from', placed, partner } : { op: 'removed', block: placed.block };
	};
	const come = (placed: Placed): DraftRow => {
		const partner = moves.get(placed);
		return partner ? { op: 'moved', side: 'to', placed, partner } : { op: 'added', block: placed.block };
	};
	for (const change of diffArrays(removed, added, { comparator: pairs })) {
		for (let step = 0; step < change.count; step += 1) {
			if (change.removed) rows.push(gone(removed[oldIndex++]!));
			else if (change.added) rows.push(come(added[newIndex++]!));
			else {
				const before = removed[oldIndex++]!.block;
				const after = added[newIndex++]!.block;
				rows.push(
					sameBlock(before, after)
						? { op: 'same', block: after }
						: { op: 'changed', block: after, edit: editBlock(before, after) },
				);
			}
		}
	}
	return rows;
}

/** Numbers the moves in the order a reader meets them, either end first. */
function numberMoves(drafts: readonly DraftRow[]): DiffRow[] {
	const numbers = new Map<Placed, number>();
	return drafts.map((row): DiffRow => {
		if (!('placed' in row)) return row;
		let move = numbers.get(row.placed) ?? numbers.get(row.partner);
		if (move === undefined) {
			move = numbers.size / 2 + 1;
			numbers.set(row.placed, move);
			numbers.set(row.partner, move);
		}
		if (row.side === 'from') return { op: 'moved', side: 'from', move, block: row.placed.block };
		const before = row.partner.block;
		const after = row.placed.block;
		return sameBlock(before, after)
			? { op: 'moved', side: 'to', move, block: after }
			: { op: 'moved', side: 'to', move, block: after, edit: editBlock(before, after) };
	});
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

/** The id of numbered change `index` on a diff: what links to one change point at. */
export function changeAnchor(index: number, prefix = 'muutos-'): string {
	return `${prefix}${index}`;
}

/** The number of numbered changes in a folded diff. */
export function countChanges(segments: readonly DiffSegment[]): number {
	return segments.filter((segment) => segment.type === 'change').length;
}
