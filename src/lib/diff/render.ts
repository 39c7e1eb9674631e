// Renders a folded diff as HTML. The change pages (at build time) and the compare page (in the
// browser) both use this one function, so the two views cannot drift apart.
import type { BlockEdit, CellEdit, DiffRow, DiffSegment, DocBlock, LinkChange, WordPart } from './diff.ts';
import { blockText, changeAnchor, countChanges } from './diff.ts';
import { escapeHtml } from '../site/html.ts';
import { compareText as t } from './texts.ts';

/** The ids of a moved block's two places, each linking to the other. */
function moveAnchor(move: number, side: 'from' | 'to'): string {
	return `siirto-${move}-${side === 'from' ? 'vanha' : 'uusi'}`;
}

/** Text with hard line breaks kept as `<br>`. */
function textHtml(text: string): string {
	return escapeHtml(text).replace(/\n/g, '<br>');
}

// Screen readers do not announce <ins> and <del>; the marker says it, and print shows it.
function marker(op: 'added' | 'removed'): string {
	const label = t(op === 'added' ? 'history.diff.added' : 'history.diff.removed');
	return `<span class="diff-marker visually-hidden">${escapeHtml(label)}</span>`;
}

function marked(op: 'added' | 'removed', html: string): string {
	const tag = op === 'added' ? 'ins' : 'del';
	return `<${tag}>${marker(op)}${html}</${tag}>`;
}

function partsHtml(parts: readonly WordPart[]): string {
	return parts
		.map((part) => (part.op === 'same' ? textHtml(part.text) : marked(part.op, textHtml(part.text))))
		.join('');
}

/** A link's new address, or the address it no longer has, in words and marks. */
function linkHtml(change: LinkChange): string {
	const text = { text: change.text };
	const body =
		change.op === 'changed'
			? `${escapeHtml(t('history.diff.linkChanged', text))} ${marked('removed', escapeHtml(change.from))} ${marked('added', escapeHtml(change.to))}`
			: `${escapeHtml(t(change.op === 'added' ? 'history.diff.linkAdded' : 'history.diff.linkRemoved', text))} ${marked(change.op, escapeHtml(change.href))}`;
	return `<span class="diff-link">${body}</span>`;
}

function linksHtml(edit: BlockEdit | undefined): string {
	return edit ? edit.links.map(linkHtml).join('') : '';
}

/** The "Siirretty" label of a moved block, linking to its other place. */
function movedHtml(row: Extract<DiffRow, { op: 'moved' }>): string {
	const other = row.side === 'from' ? 'to' : 'from';
	const link = t(row.side === 'from' ? 'history.diff.movedTo' : 'history.diff.movedFrom');
	return `<span class="diff-moved">${escapeHtml(t('history.diff.moved'))} <a href="#${moveAnchor(row.move, other)}">${escapeHtml(link)}</a></span> `;
}

function rowInnerHtml(row: DiffRow): string {
	switch (row.op) {
		case 'changed':
			return 'parts' in row.edit ? partsHtml(row.edit.parts) + linksHtml(row.edit) : '';
		case 'moved': {
			const edit = row.side === 'to' ? row.edit : undefined;
			const text = edit && 'parts' in edit ? partsHtml(edit.parts) : textHtml(blockText(row.block));
			return movedHtml(row) + text + linksHtml(edit);
		}
		case 'same':
			return textHtml(blockText(row.block));
		default:
			return marked(row.op, textHtml(blockText(row.block)));
	}
}

function blockHtml(block: DocBlock, inner: string, attributes = ''): string {
	if (block.kind === 'heading') {
		// The page has its own h1; the notice's title and sections sit one level below it.
		const level = Math.min(6, Math.max(2, block.depth));
		return `<h${level}${attributes}>${inner}</h${level}>`;
	}
	return block.kind === 'item' ? `<li${attributes}>${inner}</li>` : `<p${attributes}>${inner}</p>`;
}

function rowAttributes(row: DiffRow): string {
	if (row.op === 'same') return '';
	if (row.op === 'moved')
		return ` class="diff-row diff-row--moved diff-row--moved-${row.side}" id="${moveAnchor(row.move, row.side)}"`;
	return ` class="diff-row diff-row--${row.op}"`;
}

/** One table row: kept, added or removed whole, moved, or edited cell by cell. */
function tableRowHtml(row: DiffRow): string {
	if (row.block.kind !== 'row') return '';
	const tag = row.block.header ? 'th' : 'td';
	const edit = row.op === 'changed' ? row.edit : row.op === 'moved' && row.side === 'to' ? row.edit : undefined;
	let cells: string[];
	if (edit && 'cells' in edit) {
		cells = edit.cells.map((cell: CellEdit) =>
			cell.op === 'same'
				? `<${tag}>${partsHtml(cell.parts)}</${tag}>`
				: `<${tag} class="diff-cell diff-cell--${cell.op}">${partsHtml(cell.parts)}</${tag}>`,
		);
	} else {
		const op = row.op === 'added' || row.op === 'removed' ? row.op : undefined;
		cells = row.block.cells.map(
			(cell) => `<${tag}>${op && cell ? marked(op, textHtml(cell)) : textHtml(cell)}</${tag}>`,
		);
	}
	// The moved label leads the row; link notes close it.
	if (row.op === 'moved' && cells.length > 0) cells[0] = cells[0]!.replace(/^(<t[hd][^>]*>)/, `$1${movedHtml(row)}`);
	const notes = linksHtml(edit);
	if (notes && cells.length > 0) cells[cells.length - 1] = cells.at(-1)!.replace(/(<\/t[hd]>)$/, `${notes}$1`);
	return `<tr${rowAttributes(row)}>${cells.join('')}</tr>`;
}

/** Consecutive table rows as one table, header rows in its head. */
function tableHtml(rows: readonly DiffRow[]): string {
	const head = rows.filter((row) => row.block.kind === 'row' && row.block.header);
	const body = rows.filter((row) => !head.includes(row));
	const part = (tag: string, part: readonly DiffRow[]) =>
		part.length > 0 ? `<${tag}>${part.map(tableRowHtml).join('')}</${tag}>` : '';
	return `<table class="diff-table">${part('thead', head)}${part('tbody', body)}</table>`;
}

/**
 * Renders rows in the document's own structure: consecutive list items form one list,
 * consecutive table rows one table, and consecutive whole added (or removed) blocks sit in one
 * <ins> (or <del>) so that an added section reads as one.
 */
function rowsHtml(rows: readonly DiffRow[]): string {
	const out: string[] = [];
	let index = 0;
	while (index < rows.length) {
		const row = rows[index]!;
		if (row.block.kind === 'row') {
			const table: DiffRow[] = [];
			while (index < rows.length) {
				const next = rows[index]!;
				if (next.block.kind !== 'row' || (next.block.header && table.length > 0)) break;
				table.push(next);
				index += 1;
			}
			out.push(tableHtml(table));
			continue;
		}
		if (row.block.kind === 'item') {
			const ordered = row.block.ordered;
			const items: string[] = [];
			while (index < rows.length) {
				const next = rows[index]!;
				if (next.block.kind !== 'item' || next.block.ordered !== ordered) break;
				items.push(blockHtml(next.block, rowInnerHtml(next), rowAttributes(next)));
				index += 1;
			}
			const tag = ordered ? 'ol' : 'ul';
			out.push(`<${tag}>${items.join('')}</${tag}>`);
			continue;
		}
		if (row.op === 'added' || row.op === 'removed') {
			const op = row.op;
			const blocks: string[] = [];
			while (index < rows.length) {
				const next = rows[index]!;
				if (next.op !== op || next.block.kind === 'item' || next.block.kind === 'row') break;
				blocks.push(blockHtml(next.block, `${marker(op)}${textHtml(blockText(next.block))}`));
				index += 1;
			}
			const tag = op === 'added' ? 'ins' : 'del';
			out.push(`<${tag} class="diff-block">${blocks.join('')}</${tag}>`);
			continue;
		}
		out.push(blockHtml(row.block, rowInnerHtml(row), rowAttributes(row)));
		index += 1;
	}
	return out.join('');
}

/** A legend line: its words, with the sample mark in place of `{sample}`. */
function legendItem(template: string, sample = ''): string {
	return `<li>${escapeHtml(template).replace('{sample}', sample)}</li>`;
}

/** What the marks mean, in words that also reach screen readers and paper. */
function legendHtml(): string {
	const items = [
		legendItem(t('history.diff.legendAdded'), `<ins>${escapeHtml(t('history.diff.legendAddedSample'))}</ins>`),
		legendItem(t('history.diff.legendRemoved'), `<del>${escapeHtml(t('history.diff.legendRemovedSample'))}</del>`),
		legendItem(t('history.diff.legendMoved'), `<span class="diff-moved">${escapeHtml(t('history.diff.moved'))}</span>`),
		legendItem(t('history.diff.legendFolded')),
		legendItem(t('history.diff.legendWords')),
	].join('');
	return `<div class="diff-legend"><p class="diff-legend__title">${escapeHtml(t('history.diff.legendTitle'))}</p><ul>${items}</ul></div>`;
}

/** Options for `renderDiff`. */
export interface RenderDiffOptions {
	/** Prefix of each change's id, the target of the jump links. */
	idPrefix?: string;
}

/**
 * The whole diff view: how many changes, what the marks mean, links to each change, then the
 * text with every change numbered and linked to the previous and next one, and unchanged
 * stretches in <details>.
 */
export function renderDiff(segments: readonly DiffSegment[], { idPrefix = 'muutos-' }: RenderDiffOptions = {}): string {
	const total = countChanges(segments);
	if (total === 0) return `<p class="diff-summary">${escapeHtml(t('history.diff.identical'))}</p>`;
	const count = total === 1 ? t('history.diff.countOne') : t('history.diff.count', { count: total });
	const jumps = Array.from({ length: total }, (_, offset) => {
		const index = offset + 1;
		return `<li><a href="#${changeAnchor(index, idPrefix)}">${escapeHtml(t('history.diff.change', { index, total }))}</a></li>`;
	}).join('');
	const head =
		`<p class="diff-summary"><strong>${escapeHtml(count)}</strong></p>${legendHtml()}` +
		`<nav class="diff-jumps" aria-label="${escapeHtml(t('history.diff.jumpLabel'))}" data-print="hide"><ol>${jumps}</ol></nav>`;
	const body = segments
		.map((segment) => {
			if (segment.type === 'context') return `<div class="diff-context">${rowsHtml(segment.rows)}</div>`;
			if (segment.type === 'folded') {
				const label =
					segment.rows.length === 1
						? t('history.diff.foldOne')
						: t('history.diff.fold', { count: segment.rows.length });
				return `<details class="diff-fold"><summary>${escapeHtml(label)}</summary><div class="diff-context">${rowsHtml(segment.rows)}</div></details>`;
			}
			const { index } = segment;
			const links = [
				index > 1
					? `<a href="#${changeAnchor(index - 1, idPrefix)}">${escapeHtml(t('history.diff.previous'))}</a>`
					: '',
				index < total
					? `<a href="#${changeAnchor(index + 1, idPrefix)}">${escapeHtml(t('history.diff.next'))}</a>`
					: '',
			].join('');
			return (
				`<div class="diff-change" id="${changeAnchor(index, idPrefix)}">` +
				`<p class="diff-change__bar"><span class="diff-change__label">${escapeHtml(t('history.diff.change', { index, total }))}</span>` +
				`<span class="diff-change__links" data-print="hide">${links}</span></p>` +
				`${rowsHtml(segment.rows)}</div>`
			);
		})
		.join('');
	return `${head}<div class="diff-document">${body}</div>`;
}
