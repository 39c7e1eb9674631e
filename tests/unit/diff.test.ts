import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { countChanges, diffBlocks, diffWords, foldDiff, wordSimilarity, type DiffRow, type DocBlock } from '../../src/lib/diff.ts';
import { renderDiff } from '../../src/lib/diff-html.ts';
import { revisionBlocks } from '../../src/lib/revision-blocks.ts';
import { writeManyRevisions } from '../fixtures/many-revisions.ts';

const p = (text: string): DocBlock => ({ kind: 'paragraph', text });
const h = (text: string): DocBlock => ({ kind: 'heading', depth: 2, text });
const li = (text: string): DocBlock => ({ kind: 'item', ordered: false, text });

describe('diffWords', () => {
	it.each([
		['unchanged', 'a b c', 'a b c', [['same', 'a b c']]],
		['a replaced phrase reads as one replacement', 'tiedot EU:n alueella.', 'tiedot Euroopan talousalueella.', [
			['same', 'tiedot '],
			['removed', 'EU:n alueella'],
			['added', 'Euroopan talousalueella'],
			['same', '.'],
		]],
		['a date reads as one replacement', 'päivitetty 11.3.2018.', 'päivitetty 1.6.2020.', [
			['same', 'päivitetty '],
			['removed', '11.3.2018'],
			['added', '1.6.2020'],
			['same', '.'],
		]],
		['a removed sentence', 'A b. Poista tämä. C d.', 'A b. C d.', [
			['same', 'A b. '],
			['removed', 'Poista tämä. '],
			['same', 'C d.'],
		]],
		['an added word', 'a c', 'a b c', [
			['same', 'a '],
			['added', 'b '],
			['same', 'c'],
		]],
	])('%s', (_, before, after, expected) => {
		const parts = diffWords(before, after);
		expect(parts.map((part) => [part.op, part.text])).toEqual(expected);
		// Same and removed rebuild the old text; same and added the new one.
		expect(parts.filter((part) => part.op !== 'added').map((part) => part.text).join('')).toBe(before);
		expect(parts.filter((part) => part.op !== 'removed').map((part) => part.text).join('')).toBe(after);
	});
});

describe('wordSimilarity', () => {
	it.each([
		['a b c', 'a b c', 1],
		['a b', 'c d', 0],
		['a b c d', 'a b c e', 0.75],
		['', '', 1],
	])('%j ~ %j = %d', (a, b, expected) => expect(wordSimilarity(a, b)).toBe(expected));
});

const ops = (rows: DiffRow[]) => rows.map((row) => `${row.op}:${row.block.kind}:${row.block.text}`);

describe('diffBlocks', () => {
	it.each([
		['identical', [p('a'), p('b')], [p('a'), p('b')], ['same:paragraph:a', 'same:paragraph:b']],
		['an added list item', [li('x'), li('z')], [li('x'), li('y'), li('z')], ['same:item:x', 'added:item:y', 'same:item:z']],
		['an added section', [h('A'), p('a')], [h('A'), p('a'), h('B'), p('b')], ['same:heading:A', 'same:paragraph:a', 'added:heading:B', 'added:paragraph:b']],
		['a removed paragraph', [p('a'), p('b'), p('c')], [p('a'), p('c')], ['same:paragraph:a', 'removed:paragraph:b', 'same:paragraph:c']],
		['an edited paragraph', [p('one two three four')], [p('one two three five')], ['changed:paragraph:one two three five']],
		['a rewritten paragraph is a removal and an addition', [p('one two three')], [p('four five six')], ['removed:paragraph:one two three', 'added:paragraph:four five six']],
		['a paragraph never pairs with a heading', [p('one two')], [h('one two')], ['removed:paragraph:one two', 'added:heading:one two']],
	])('%s', (_, before, after, expected) => {
		expect(ops(diffBlocks(before, after))).toEqual(expected);
	});

	it('diffs a paired block word by word', () => {
		const [row] = diffBlocks([p('one two three four')], [p('one two three five')]);
		expect(row).toEqual({
			op: 'changed',
			block: p('one two three five'),
			parts: [
				{ op: 'same', text: 'one two three ' },
				{ op: 'removed', text: 'four' },
				{ op: 'added', text: 'five' },
			],
		});
	});
});

// One letter per row: s = same, a = added; the fold is described the same way.
const rowsOf = (pattern: string): DiffRow[] =>
	[...pattern].map((op, index) => ({ op: op === 's' ? 'same' : 'added', block: p(String(index)) }));
const shape = (pattern: string, context?: number) =>
	foldDiff(rowsOf(pattern), context).map((segment) =>
		segment.type === 'change' ? `change${segment.index}:${segment.rows.length}` : `${segment.type}:${segment.rows.length}`,
	);

describe('foldDiff', () => {
	it.each([
		['one change in the middle of a long text', 'sssssasssss', 1, ['folded:4', 'context:1', 'change1:1', 'context:1', 'folded:4']],
		['consecutive changed blocks are one change', 'ssaaass', 1, ['context:2', 'change1:3', 'context:2']],
		['a short gap between changes stays open', 'asssa', 1, ['change1:1', 'context:3', 'change2:1']],
		['a long gap keeps context on both sides', 'asssssa', 1, ['change1:1', 'context:1', 'folded:3', 'context:1', 'change2:1']],
		['more context', 'sssssassssss', 2, ['folded:3', 'context:2', 'change1:1', 'context:2', 'folded:4']],
		['no changes: all folded', 'ssss', 1, ['folded:4']],
		['a change at the very start', 'asss', 1, ['change1:1', 'context:1', 'folded:2']],
	])('%s', (_, pattern, context, expected) => {
		expect(shape(pattern, context)).toEqual(expected);
	});

	it('keeps every row, in order', () => {
		const rows = rowsOf('sssasssssssassaass');
		expect(foldDiff(rows).flatMap((segment) => segment.rows)).toEqual(rows);
		expect(countChanges(foldDiff(rows))).toBe(3);
	});
});

describe('renderDiff', () => {
	const before = [h('Osio'), p('Solinum Oy säilyttää tiedot EU:n alueella.'), li('yksi'), li('kaksi'), p('x'), p('y'), p('z'), p('w')];
	const after = [h('Osio'), p('Solinum Oy säilyttää tiedot Euroopan talousalueella.'), li('yksi'), li('uusi'), li('kaksi'), p('x'), p('y'), p('z'), p('w'), h('Evästeet'), p('Käytämme evästeitä.')];
	const $ = cheerio.load(renderDiff(foldDiff(diffBlocks(before, after))));
	const texts = (selector: string) =>
		$(selector)
			.map((_, element) => {
				const copy = $(element).clone();
				copy.find('.diff-marker').remove();
				return copy.text();
			})
			.get();

	it('marks exactly the inserted and deleted words', () => {
		expect(texts('ins')).toEqual(['Euroopan talousalueella', 'uusi', 'EvästeetKäytämme evästeitä.']);
		expect(texts('del')).toEqual(['EU:n alueella']);
	});

	it('labels every insertion and deletion for screen readers and print', () => {
		expect($('ins').map((_, element) => $(element).find('.diff-marker').first().text()).get()).toEqual(['Lisätty: ', 'Lisätty: ', 'Lisätty: ']);
		expect($('del .diff-marker').text()).toBe('Poistettu: ');
	});

	it('keeps the document structure: headings stay headings, list items stay in one list', () => {
		expect($('ins.diff-block > h2').text()).toBe('Lisätty: Evästeet');
		// The list is cut where a change begins and ends, but every item stays a list item.
		expect($('.diff-document li').length).toBe($('.diff-document ul > li').length);
		expect($('.diff-document ul > li').map((_, element) => $(element).text()).get()).toEqual(['yksi', 'Lisätty: uusi', 'kaksi']);
		expect($('#muutos-2 > ul > li > ins').text()).toBe('Lisätty: uusi');
	});

	it('counts changes and links each to the next and previous', () => {
		expect($('.diff-summary strong').text()).toBe('3 muutettua kohtaa');
		expect($('.diff-jumps a').map((_, a) => $(a).attr('href')).get()).toEqual(['#muutos-1', '#muutos-2', '#muutos-3']);
		expect($('#muutos-2 .diff-change__links a').map((_, a) => `${$(a).text()} ${$(a).attr('href')}`).get()).toEqual([
			'Edellinen muutos #muutos-1',
			'Seuraava muutos #muutos-3',
		]);
	});

	it('folds the unchanged stretch between changes', () => {
		expect($('details.diff-fold summary').text()).toBe('Näytä 3 muuttumatonta kohtaa');
	});

	it('escapes text', () => {
		const html = renderDiff(foldDiff(diffBlocks([p('a')], [p('<b>&')])));
		expect(html).toContain('&lt;b&gt;&amp;');
		expect(html).not.toContain('<b>');
	});

	it('says so when nothing changed', () => {
		expect(cheerio.load(renderDiff(foldDiff(diffBlocks([p('a')], [p('a')]))))('p').text()).toBe('Versioiden teksti on sama.');
	});
});

describe('on a generated history of small edits', () => {
	const folder = mkdtempSync(join(tmpdir(), 'diff-history-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const bodies = writeManyRevisions(folder, 24).map(({ fileName }) =>
		revisionBlocks(readFileSync(join(folder, fileName), 'utf8').split('\n---\n')[1]!),
	);
	const oldText = (row: DiffRow) =>
		row.op === 'changed' ? row.parts.filter((part) => part.op !== 'added').map((part) => part.text).join('') : row.block.text;

	it.each(bodies.slice(1).map((after, index) => [index + 1, bodies[index]!, after] as const))(
		'revision %i: the diff rebuilds both texts and finds one or two changes',
		(_, before, after) => {
			const rows = diffBlocks(before, after);
			expect(rows.filter((row) => row.op !== 'added').map(oldText)).toEqual(before.map((block) => block.text));
			expect(rows.filter((row) => row.op !== 'removed').map((row) => row.block.text)).toEqual(after.map((block) => block.text));
			// Each generated revision makes one edit plus the date sentence.
			expect(countChanges(foldDiff(rows))).toBeGreaterThanOrEqual(1);
			expect(countChanges(foldDiff(rows))).toBeLessThanOrEqual(2);
		},
	);
});
