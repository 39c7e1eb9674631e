import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import {
	blockText,
	countChanges,
	diffBlocks,
	diffLinks,
	diffWords,
	foldDiff,
	wordSimilarity,
	type BlockEdit,
	type DiffRow,
	type DocBlock,
} from '../../src/lib/diff/diff.ts';
import { renderDiff } from '../../src/lib/diff/render.ts';
import { checkRevisionFile } from '../../src/lib/notice/check-node.ts';
import { writeManyRevisions } from '../fixtures/many-revisions.ts';

const p = (text: string): DocBlock => ({ kind: 'paragraph', text });
const h = (text: string): DocBlock => ({ kind: 'heading', depth: 2, text });
const li = (text: string): DocBlock => ({ kind: 'item', ordered: false, text });
const tr = (...cells: string[]): DocBlock => ({ kind: 'row', header: false, cells });
const th = (...cells: string[]): DocBlock => ({ kind: 'row', header: true, cells });
const linked = (block: DocBlock, ...links: [string, string][]): DocBlock => ({
	...block,
	links: links.map(([text, href]) => ({ text, href })),
});

describe('diffWords', () => {
	it.each([
		['unchanged', 'a b c', 'a b c', [['same', 'a b c']]],
		[
			'a replaced phrase reads as one replacement',
			'tiedot EU:n alueella.',
			'tiedot Euroopan talousalueella.',
			[
				['same', 'tiedot '],
				['removed', 'EU:n alueella'],
				['added', 'Euroopan talousalueella'],
				['same', '.'],
			],
		],
		[
			'a date reads as one replacement',
			'päivitetty 11.3.2018.',
			'päivitetty 1.6.2020.',
			[
				['same', 'päivitetty '],
				['removed', '11.3.2018'],
				['added', '1.6.2020'],
				['same', '.'],
			],
		],
		[
			'a removed sentence',
			'A b. Poista tämä. C d.',
			'A b. C d.',
			[
				['same', 'A b. '],
				['removed', 'Poista tämä. '],
				['same', 'C d.'],
			],
		],
		[
			'an added word',
			'a c',
			'a b c',
			[
				['same', 'a '],
				['added', 'b '],
				['same', 'c'],
			],
		],
	])('%s', (_, before, after, expected) => {
		const parts = diffWords(before, after);
		expect(parts.map((part) => [part.op, part.text])).toEqual(expected);
		// Same and removed rebuild the old text; same and added the new one.
		expect(
			parts
				.filter((part) => part.op !== 'added')
				.map((part) => part.text)
				.join(''),
		).toBe(before);
		expect(
			parts
				.filter((part) => part.op !== 'removed')
				.map((part) => part.text)
				.join(''),
		).toBe(after);
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

const ops = (rows: DiffRow[]) =>
	rows.map(
		(row) =>
			`${row.op}${row.op === 'moved' ? `-${row.side}${row.move}` : ''}:${row.block.kind}:${blockText(row.block)}`,
	);

describe('diffBlocks', () => {
	it.each([
		['identical', [p('a'), p('b')], [p('a'), p('b')], ['same:paragraph:a', 'same:paragraph:b']],
		[
			'an added list item',
			[li('x'), li('z')],
			[li('x'), li('y'), li('z')],
			['same:item:x', 'added:item:y', 'same:item:z'],
		],
		[
			'an added section',
			[h('A'), p('a')],
			[h('A'), p('a'), h('B'), p('b')],
			['same:heading:A', 'same:paragraph:a', 'added:heading:B', 'added:paragraph:b'],
		],
		[
			'a removed paragraph',
			[p('a'), p('b'), p('c')],
			[p('a'), p('c')],
			['same:paragraph:a', 'removed:paragraph:b', 'same:paragraph:c'],
		],
		[
			'an edited paragraph',
			[p('one two three four')],
			[p('one two three five')],
			['changed:paragraph:one two three five'],
		],
		[
			'a rewritten paragraph is a removal and an addition',
			[p('one two three')],
			[p('four five six')],
			['removed:paragraph:one two three', 'added:paragraph:four five six'],
		],
		[
			'a paragraph never pairs with a heading',
			[p('one two')],
			[h('one two')],
			['removed:paragraph:one two', 'added:heading:one two'],
		],
		[
			'a paragraph moved as it is',
			[p('a b c'), p('x'), p('y')],
			[p('x'), p('y'), p('a b c')],
			['moved-from1:paragraph:a b c', 'same:paragraph:x', 'same:paragraph:y', 'moved-to1:paragraph:a b c'],
		],
		[
			'a paragraph moved up',
			[p('x'), p('y'), p('a b c')],
			[p('a b c'), p('x'), p('y')],
			['moved-to1:paragraph:a b c', 'same:paragraph:x', 'same:paragraph:y', 'moved-from1:paragraph:a b c'],
		],
		[
			'a list item moved and edited',
			[li('x'), li('one two three four five six seven'), li('y')],
			[li('one two three four five six seven eight'), li('x'), li('y')],
			[
				'moved-to1:item:one two three four five six seven eight',
				'same:item:x',
				'moved-from1:item:one two three four five six seven',
				'same:item:y',
			],
		],
		[
			'two moves numbered in reading order',
			[p('a a1 a2'), p('k'), p('b b1 b2'), p('m')],
			[p('k'), p('b b1 b2'), p('m'), p('a a1 a2')],
			[
				'moved-from1:paragraph:a a1 a2',
				'same:paragraph:k',
				'same:paragraph:b b1 b2',
				'same:paragraph:m',
				'moved-to1:paragraph:a a1 a2',
			],
		],
		[
			'a rewritten paragraph elsewhere is no move: too few words in common',
			[p('one two three four'), p('x')],
			[p('x'), p('one two five six')],
			['removed:paragraph:one two three four', 'same:paragraph:x', 'added:paragraph:one two five six'],
		],
		[
			'an edit in place is not a move, even with a look-alike elsewhere',
			[p('one two three four'), p('x'), p('z')],
			[p('one two three five'), p('x'), p('z'), p('one two three six')],
			[
				'changed:paragraph:one two three five',
				'same:paragraph:x',
				'same:paragraph:z',
				'added:paragraph:one two three six',
			],
		],
		[
			'a moved paragraph never lands as a heading',
			[p('a b'), p('x')],
			[p('x'), h('a b')],
			['removed:paragraph:a b', 'same:paragraph:x', 'added:heading:a b'],
		],
		[
			'only a link address changed',
			[linked(p('Lue lisää.'), ['lisää', 'https://a.fi/'])],
			[linked(p('Lue lisää.'), ['lisää', 'https://b.fi/'])],
			['changed:paragraph:Lue lisää.'],
		],
		[
			'a table row added',
			[th('A', 'B'), tr('1', '2')],
			[th('A', 'B'), tr('1', '2'), tr('3', '4')],
			['same:row:A B', 'same:row:1 2', 'added:row:3 4'],
		],
		[
			'one cell of a row changed',
			[th('Tieto', 'Aika'), tr('Loki', '12')],
			[th('Tieto', 'Aika'), tr('Loki', '24')],
			['same:row:Tieto Aika', 'changed:row:Loki 24'],
		],
		[
			'a table row moved',
			[tr('a', '1'), tr('b', '2'), tr('c', '3')],
			[tr('b', '2'), tr('c', '3'), tr('a', '1')],
			['moved-from1:row:a 1', 'same:row:b 2', 'same:row:c 3', 'moved-to1:row:a 1'],
		],
		['a header row never pairs with a body row', [th('a', 'b')], [tr('a', 'b')], ['removed:row:a b', 'added:row:a b']],
	])('%s', (_, before, after, expected) => {
		expect(ops(diffBlocks(before, after))).toEqual(expected);
	});

	it('diffs a paired block word by word', () => {
		const [row] = diffBlocks([p('one two three four')], [p('one two three five')]);
		expect(row).toEqual({
			op: 'changed',
			block: p('one two three five'),
			edit: {
				parts: [
					{ op: 'same', text: 'one two three ' },
					{ op: 'removed', text: 'four' },
					{ op: 'added', text: 'five' },
				],
				links: [],
			},
		});
	});

	it('gives a moved and edited block its edit at the new place', () => {
		const rows = diffBlocks([p('x'), p('one two three four five six')], [p('one two three four five seven'), p('x')]);
		expect(rows).toEqual([
			{
				op: 'moved',
				side: 'to',
				move: 1,
				block: p('one two three four five seven'),
				edit: {
					parts: [
						{ op: 'same', text: 'one two three four five ' },
						{ op: 'removed', text: 'six' },
						{ op: 'added', text: 'seven' },
					],
					links: [],
				},
			},
			{ op: 'same', block: p('x') },
			{ op: 'moved', side: 'from', move: 1, block: p('one two three four five six') },
		]);
	});

	it('diffs a table row cell by cell', () => {
		const [row] = diffBlocks([tr('Loki', '12 kuukautta', 'x')], [tr('Loki', '24 kuukautta', 'x')]);
		expect(row?.op === 'changed' && row.edit).toEqual({
			cells: [
				{ op: 'same', parts: [{ op: 'same', text: 'Loki' }] },
				{
					op: 'changed',
					parts: [
						{ op: 'removed', text: '12' },
						{ op: 'added', text: '24' },
						{ op: 'same', text: ' kuukautta' },
					],
				},
				{ op: 'same', parts: [{ op: 'same', text: 'x' }] },
			],
			links: [],
		} satisfies BlockEdit);
	});

	it('lines up the cells that stay when a column is added', () => {
		const [row] = diffBlocks([tr('Loki', '12 kk')], [tr('Loki', 'palvelin', '12 kk')]);
		expect(row?.op === 'changed' && 'cells' in row.edit && row.edit.cells.map((cell) => cell.op)).toEqual([
			'same',
			'added',
			'same',
		]);
	});
});

describe('diffLinks', () => {
	const l = (text: string, href: string) => ({ text, href });
	it.each([
		['unchanged', [l('a', 'https://a.fi/')], [l('a', 'https://a.fi/')], []],
		[
			'a new address',
			[l('a', 'https://a.fi/')],
			[l('a', 'https://b.fi/')],
			[{ op: 'changed', text: 'a', from: 'https://a.fi/', to: 'https://b.fi/' }],
		],
		['new text, same address: the word diff shows it', [l('a', 'https://a.fi/')], [l('b', 'https://a.fi/')], []],
		[
			'new text and a new address',
			[l('a', 'https://a.fi/')],
			[l('b', 'https://b.fi/')],
			[{ op: 'changed', text: 'b', from: 'https://a.fi/', to: 'https://b.fi/' }],
		],
		['a link added to text', [], [l('a', 'https://a.fi/')], [{ op: 'added', text: 'a', href: 'https://a.fi/' }]],
		['a link taken away', [l('a', 'https://a.fi/')], [], [{ op: 'removed', text: 'a', href: 'https://a.fi/' }]],
		[
			'the second of two links',
			[l('a', 'https://a.fi/'), l('b', 'mailto:b@x.fi')],
			[l('a', 'https://a.fi/'), l('b', 'mailto:c@x.fi')],
			[{ op: 'changed', text: 'b', from: 'mailto:b@x.fi', to: 'mailto:c@x.fi' }],
		],
	])('%s', (_, before, after, expected) => {
		expect(diffLinks(before, after)).toEqual(expected);
	});
});

// One letter per row: s = same, a = added; the fold is described the same way.
const rowsOf = (pattern: string): DiffRow[] =>
	[...pattern].map((op, index) => ({ op: op === 's' ? 'same' : 'added', block: p(String(index)) }));
const shape = (pattern: string, context?: number) =>
	foldDiff(rowsOf(pattern), context).map((segment) =>
		segment.type === 'change'
			? `change${segment.index}:${segment.rows.length}`
			: `${segment.type}:${segment.rows.length}`,
	);

describe('foldDiff', () => {
	it.each([
		[
			'one change in the middle of a long text',
			'sssssasssss',
			1,
			['folded:4', 'context:1', 'change1:1', 'context:1', 'folded:4'],
		],
		['consecutive changed blocks are one change', 'ssaaass', 1, ['context:2', 'change1:3', 'context:2']],
		['a short gap between changes stays open', 'asssa', 1, ['change1:1', 'context:3', 'change2:1']],
		[
			'a long gap keeps context on both sides',
			'asssssa',
			1,
			['change1:1', 'context:1', 'folded:3', 'context:1', 'change2:1'],
		],
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
	const before = [
		h('Osio'),
		p('Solinum Oy säilyttää tiedot EU:n alueella.'),
		li('yksi'),
		li('kaksi'),
		p('x'),
		p('y'),
		p('z'),
		p('w'),
	];
	const after = [
		h('Osio'),
		p('Solinum Oy säilyttää tiedot Euroopan talousalueella.'),
		li('yksi'),
		li('uusi'),
		li('kaksi'),
		p('x'),
		p('y'),
		p('z'),
		p('w'),
		h('Evästeet'),
		p('Käytämme evästeitä.'),
	];
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
		expect(texts('.diff-document ins')).toEqual(['Euroopan talousalueella', 'uusi', 'EvästeetKäytämme evästeitä.']);
		expect(texts('.diff-document del')).toEqual(['EU:n alueella']);
	});

	it('labels every insertion and deletion for screen readers and print', () => {
		expect(
			$('.diff-document ins')
				.map((_, element) => $(element).find('.diff-marker').first().text())
				.get(),
		).toEqual(['Lisätty: ', 'Lisätty: ', 'Lisätty: ']);
		expect($('.diff-document del .diff-marker').text()).toBe('Poistettu: ');
	});

	it('explains the marks above the diff, in words', () => {
		const legend = $('.diff-legend');
		expect(legend.prevAll('.diff-summary')).toHaveLength(1);
		expect(legend.nextAll('.diff-document')).toHaveLength(1);
		expect(
			legend
				.find('li')
				.map((_, item) => $(item).text())
				.get(),
		).toEqual([
			'Lisätty teksti on alleviivattu.',
			'Poistettu teksti on yliviivattu.',
			'Siirretty teksti on siirretty toiseen kohtaan; linkki vie sen toiseen paikkaan.',
			'Muuttumattomat kohdat on tiivistetty: Näytä-painike avaa ne.',
			'Ruudunlukija lukee ja tuloste näyttää muutoksen edessä sanan Lisätty, Poistettu tai Siirretty.',
		]);
		// Its samples look like the marks they explain.
		expect(legend.find('li ins').text()).toBe('Lisätty teksti');
		expect(legend.find('li del').text()).toBe('Poistettu teksti');
		expect(legend.find('li .diff-moved').text()).toBe('Siirretty');
	});

	it('keeps the document structure: headings stay headings, list items stay in one list', () => {
		expect($('ins.diff-block > h2').text()).toBe('Lisätty: Evästeet');
		// The list is cut where a change begins and ends, but every item stays a list item.
		expect($('.diff-document li').length).toBe($('.diff-document ul > li').length);
		expect(
			$('.diff-document ul > li')
				.map((_, element) => $(element).text())
				.get(),
		).toEqual(['yksi', 'Lisätty: uusi', 'kaksi']);
		expect($('#muutos-2 > ul > li > ins').text()).toBe('Lisätty: uusi');
	});

	it('counts changes and links each to the next and previous', () => {
		expect($('.diff-summary strong').text()).toBe('3 muutettua kohtaa');
		expect(
			$('.diff-jumps a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(['#muutos-1', '#muutos-2', '#muutos-3']);
		expect(
			$('#muutos-2 .diff-change__links a')
				.map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
				.get(),
		).toEqual(['Edellinen muutos #muutos-1', 'Seuraava muutos #muutos-3']);
	});

	it('folds the unchanged stretch between changes', () => {
		expect($('details.diff-fold summary').text()).toBe('Näytä 3 muuttumatonta kohtaa');
	});

	it('escapes text', () => {
		const html = renderDiff(foldDiff(diffBlocks([p('a')], [p('<b>&')])));
		expect(html).toContain('&lt;b&gt;&amp;');
		expect(html).not.toContain('<b>');
	});

	it('labels a moved block "Siirretty" at both places, each linking to the other', () => {
		const moved = cheerio.load(
			renderDiff(foldDiff(diffBlocks([p('a b c'), p('x'), p('y')], [p('x'), p('y'), p('a b c')]))),
		);
		const places = moved('.diff-row--moved');
		expect(
			places
				.map((_, place) => `${moved(place).attr('id')} ${moved(place).find('a').attr('href')} ${moved(place).text()}`)
				.get(),
		).toEqual([
			'siirto-1-vanha #siirto-1-uusi Siirretty uuteen paikkaan a b c',
			'siirto-1-uusi #siirto-1-vanha Siirretty aiemmasta paikasta a b c',
		]);
		// Moved, not deleted and inserted.
		expect(moved('.diff-document ins, .diff-document del')).toHaveLength(0);
	});

	it('shows the edit of a block that moved and changed', () => {
		const moved = cheerio.load(
			renderDiff(
				foldDiff(
					diffBlocks([p('x'), li('one two three four five six')], [li('one two three four five seven'), p('x')]),
				),
			),
		);
		const to = moved('#siirto-1-uusi');
		expect(to.prop('tagName')).toBe('LI');
		expect(to.find('del').text()).toBe('Poistettu: six');
		expect(to.find('ins').text()).toBe('Lisätty: seven');
		expect(moved('#siirto-1-vanha').text()).toBe('Siirretty uuteen paikkaan one two three four five six');
	});

	it('shows a new link address with the old and the new', () => {
		const html = renderDiff(
			foldDiff(
				diffBlocks(
					[linked(p('Lue lisää.'), ['lisää', 'https://a.fi/'])],
					[linked(p('Lue lisää.'), ['lisää', 'https://b.fi/'])],
				),
			),
		);
		const link = cheerio.load(html);
		expect(link('.diff-summary strong').text()).toBe('1 muutettu kohta');
		expect(link('.diff-row--changed').text()).toBe(
			'Lue lisää.Linkin ”lisää” osoite: Poistettu: https://a.fi/ Lisätty: https://b.fi/',
		);
		expect(link('.diff-link del').text()).toBe('Poistettu: https://a.fi/');
		expect(link('.diff-link ins').text()).toBe('Lisätty: https://b.fi/');
	});

	it('renders table rows as a table and marks the changed cell', () => {
		const table = cheerio.load(
			renderDiff(
				foldDiff(
					diffBlocks(
						[th('Tieto', 'Aika'), tr('Loki', '12 kk'), tr('Lasku', '10 v')],
						[th('Tieto', 'Aika'), tr('Loki', '24 kk'), tr('Lasku', '10 v'), tr('Uusi', '1 v')],
					),
				),
			),
		);
		expect(
			table('table thead th')
				.map((_, cell) => table(cell).text())
				.get(),
		).toEqual(['Tieto', 'Aika']);
		expect(
			table('.diff-cell--changed')
				.map((_, cell) => table(cell).text())
				.get(),
		).toEqual(['Poistettu: 12Lisätty: 24 kk']);
		expect(table('.diff-cell--changed').prev('td').text()).toBe('Loki');
		expect(
			table('tr.diff-row--added td')
				.map((_, cell) => table(cell).text())
				.get(),
		).toEqual(['Lisätty: Uusi', 'Lisätty: 1 v']);
		// Every row sits in a table, never loose.
		expect(table('tr').length).toBe(table('table tr').length);
	});

	it('says so when nothing changed', () => {
		expect(
			cheerio
				.load(renderDiff(foldDiff(diffBlocks([p('a')], [p('a')]))))('p')
				.text(),
		).toBe('Versioiden teksti on sama.');
	});
});

describe('on a generated history of small edits', () => {
	const folder = mkdtempSync(join(tmpdir(), 'diff-history-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	// Without the title, which every generated revision shares.
	const bodies = writeManyRevisions(folder, 24).map(({ fileName }) => {
		const check = checkRevisionFile({ fileName, bytes: readFileSync(join(folder, fileName)) });
		if (!check.ok) throw new Error(`${fileName} does not pass the folder check`);
		return check.revision.blocks.slice(1);
	});
	const oldText = (row: DiffRow) =>
		row.op === 'changed' && 'parts' in row.edit
			? row.edit.parts
					.filter((part) => part.op !== 'added')
					.map((part) => part.text)
					.join('')
			: blockText(row.block);

	it.each(bodies.slice(1).map((after, index) => [index + 1, bodies[index]!, after] as const))(
		'revision %i: the diff rebuilds both texts and finds one or two changes',
		(_, before, after) => {
			const rows = diffBlocks(before, after);
			const oldSide = rows.filter((row) => row.op !== 'added' && !(row.op === 'moved' && row.side === 'to'));
			const newSide = rows.filter((row) => row.op !== 'removed' && !(row.op === 'moved' && row.side === 'from'));
			expect(oldSide.map(oldText)).toEqual(before.map(blockText));
			expect(newSide.map((row) => blockText(row.block))).toEqual(after.map(blockText));
			// Each generated revision makes one edit plus the date sentence.
			expect(countChanges(foldDiff(rows))).toBeGreaterThanOrEqual(1);
			expect(countChanges(foldDiff(rows))).toBeLessThanOrEqual(2);
		},
	);
});
