// Renders a folded diff as HTML. The change pages (at build time) and the compare page (in the
// browser) both use this one function, so the two views cannot drift apart.
import type { DiffRow, DiffSegment, DocBlock, WordPart } from './diff.ts';
import { countChanges } from './diff.ts';
import { escapeHtml } from './html.ts';
import { compareText as t } from './compare-texts.ts';


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
	return parts.map((part) => (part.op === 'same' ? textHtml(part.text) : marked(part.op, textHtml(part.text)))).join('');
}

function rowInnerHtml(row: DiffRow): string {
	if (row.op === 'changed') return partsHtml(row.parts);
	if (row.op === 'same') return textHtml(row.block.text);
	return marked(row.op, textHtml(row.block.text));
}

function blockHtml(block: DocBlock, inner: string, className?: string): string {
	const attr = className ? ` class="${className}"` : '';
	if (block.kind === 'heading') {
		// The page has its own h1; the notice's title and sections sit one level below it.
		const level = Math.min(6, Math.max(2, block.depth));
		return `<h${level}${attr}>${inner}</h${level}>`;
	}
	return block.kind === 'item' ? `<li${attr}>${inner}</li>` : `<p${attr}>${inner}</p>`;
}

function rowClass(row: DiffRow): string | undefined {
	return row.op === 'same' ? undefined : `diff-row diff-row--${row.op}`;
}

/**
 * Renders rows in the document's own structure: consecutive list items form one list, and
 * consecutive whole added (or removed) blocks sit in one <ins> (or <del>) so that an added
 * section reads as one.
 */
function rowsHtml(rows: readonly DiffRow[]): string {
	const out: string[] = [];
	let index = 0;
	while (index < rows.length) {
		const row = rows[index]!;
		if (row.block.kind === 'item') {
			const ordered = row.block.ordered;
			const items: string[] = [];
			while (index < rows.length) {
				const next = rows[index]!;
				if (next.block.kind !== 'item' || next.block.ordered !== ordered) break;
				items.push(blockHtml(next.block, rowInnerHtml(next), rowClass(next)));
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
				if (next.op !== op || next.block.kind === 'item') break;
				blocks.push(blockHtml(next.block, `${marker(op)}${textHtml(next.block.text)}`));
				index += 1;
			}
			const tag = op === 'added' ? 'ins' : 'del';
			out.push(`<${tag} class="diff-block">${blocks.join('')}</${tag}>`);
			continue;
		}
		out.push(blockHtml(row.block, rowInnerHtml(row), rowClass(row)));
		index += 1;
	}
	return out.join('');
}

function changeId(prefix: string, index: number): string {
	return `${prefix}${index}`;
}

/** Options for `renderDiff`. */
export interface RenderDiffOptions {
	/** Prefix of each change's id, the target of the jump links. */
	idPrefix?: string;
}

/**
 * The whole diff view: how many changes, links to each, then the text with every change
 * numbered and linked to the previous and next one, and unchanged stretches in <details>.
 */
export function renderDiff(segments: readonly DiffSegment[], { idPrefix = 'muutos-' }: RenderDiffOptions = {}): string {
	const total = countChanges(segments);
	if (total === 0) return `<p class="diff-summary">${escapeHtml(t('history.diff.identical'))}</p>`;
	const count = total === 1 ? t('history.diff.countOne') : t('history.diff.count', { count: total });
	const jumps = Array.from({ length: total }, (_, offset) => {
		const index = offset + 1;
		return `<li><a href="#${changeId(idPrefix, index)}">${escapeHtml(t('history.diff.change', { index, total }))}</a></li>`;
	}).join('');
	const head =
		`<p class="diff-summary"><strong>${escapeHtml(count)}</strong>. ${escapeHtml(t('history.diff.legend'))}</p>` +
		`<nav class="diff-jumps" aria-label="${escapeHtml(t('history.diff.jumpLabel'))}" data-print="hide"><ol>${jumps}</ol></nav>`;
	const body = segments
		.map((segment) => {
			if (segment.type === 'context') return `<div class="diff-context">${rowsHtml(segment.rows)}</div>`;
			if (segment.type === 'folded') {
				const label =
					segment.rows.length === 1 ? t('history.diff.foldOne') : t('history.diff.fold', { count: segment.rows.length });
				return `<details class="diff-fold"><summary>${escapeHtml(label)}</summary><div class="diff-context">${rowsHtml(segment.rows)}</div></details>`;
			}
			const { index } = segment;
			const links = [
				index > 1 ? `<a href="#${changeId(idPrefix, index - 1)}">${escapeHtml(t('history.diff.previous'))}</a>` : '',
				index < total ? `<a href="#${changeId(idPrefix, index + 1)}">${escapeHtml(t('history.diff.next'))}</a>` : '',
			].join('');
			return (
				`<div class="diff-change" id="${changeId(idPrefix, index)}">` +
				`<p class="diff-change__bar"><span class="diff-change__label">${escapeHtml(t('history.diff.change', { index, total }))}</span>` +
				`<span class="diff-change__links" data-print="hide">${links}</span></p>` +
				`${rowsHtml(segment.rows)}</div>`
			);
		})
		.join('');
	return `${head}<div class="diff-document">${body}</div>`;
}
