import { describe, expect, it } from 'vitest';
import { revisionBlocks } from '../../src/lib/revision-blocks.ts';

describe('revisionBlocks', () => {
	it.each([
		['a heading and paragraph', '## Otsikko \n\nTeksti jatkuu\nrivillä.', [
			{ kind: 'heading', depth: 2, text: 'Otsikko' },
			{ kind: 'paragraph', text: 'Teksti jatkuu rivillä.' },
		]],
		['list items, links as their text', '- yksi\n- [kaksi](https://x.fi/)\n\n1. eka', [
			{ kind: 'item', ordered: false, text: 'yksi' },
			{ kind: 'item', ordered: false, text: 'kaksi' },
			{ kind: 'item', ordered: true, text: 'eka' },
		]],
		['hard breaks kept as line breaks', 'Solinum Oy\\\nY2008862-8', [{ kind: 'paragraph', text: 'Solinum Oy\nY2008862-8' }]],
		['emphasis flattened', 'On *tärkeää* ja **hyvä**.', [{ kind: 'paragraph', text: 'On tärkeää ja hyvä.' }]],
		['a nested list follows its item', '- ylä\n  - ala', [
			{ kind: 'item', ordered: false, text: 'ylä' },
			{ kind: 'item', ordered: false, text: 'ala' },
		]],
	])('%s', (_, source, expected) => {
		expect(revisionBlocks(source)).toEqual(expected);
	});
});

it('leads with the title when given', () => {
	expect(revisionBlocks('Teksti.', ' Solinum Oy Tietosuojaseloste ')).toEqual([
		{ kind: 'heading', depth: 1, text: 'Solinum Oy Tietosuojaseloste' },
		{ kind: 'paragraph', text: 'Teksti.' },
	]);
});
