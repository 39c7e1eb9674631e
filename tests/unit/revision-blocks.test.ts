import { describe, expect, it } from 'vitest';
import { revisionBlocks } from '../../src/lib/notice/blocks.ts';
import { parseRevisionText } from '../../src/lib/notice/markdown-node.ts';

/** The blocks of a revision's text, read as the folder check reads it. */
const blocksOf = (text: string, title?: string) => revisionBlocks(parseRevisionText(text), title);

describe('revisionBlocks', () => {
	it.each([
		[
			'a heading and paragraph',
			'## Otsikko \n\nTeksti jatkuu\nrivillä.',
			[
				{ kind: 'heading', depth: 2, text: 'Otsikko' },
				{ kind: 'paragraph', text: 'Teksti jatkuu rivillä.' },
			],
		],
		[
			'list items, links as their text with their addresses',
			'- yksi\n- [kaksi](https://x.fi/)\n\n1. eka',
			[
				{ kind: 'item', ordered: false, text: 'yksi' },
				{ kind: 'item', ordered: false, text: 'kaksi', links: [{ text: 'kaksi', href: 'https://x.fi/' }] },
				{ kind: 'item', ordered: true, text: 'eka' },
			],
		],
		[
			'every kind of link: inline, e-mail, reference, bare address',
			'A [a](https://a.fi/ "otsikko"), [b@x.fi](mailto:b@x.fi), [c][viite] ja www.d.fi.\n\n[viite]: https://c.fi/',
			[
				{
					kind: 'paragraph',
					text: 'A a, b@x.fi, c ja www.d.fi.',
					links: [
						{ text: 'a', href: 'https://a.fi/' },
						{ text: 'b@x.fi', href: 'mailto:b@x.fi' },
						{ text: 'c', href: 'https://c.fi/' },
						{ text: 'www.d.fi', href: 'http://www.d.fi' },
					],
				},
			],
		],
		// As the page renders them (src/lib/notice/markdown-node.ts).
		[
			'typographic quotes, dashes and ellipses',
			'"Me" -- ja \'te\'...',
			[{ kind: 'paragraph', text: '“Me” – ja ‘te’…' }],
		],
		[
			'a table, one block per row, the header first',
			'| Tieto | Aika |\n| --- | ---: |\n| Loki [x](https://x.fi/) | 12 kk |\n| | tyhjä |',
			[
				{ kind: 'row', header: true, cells: ['Tieto', 'Aika'] },
				{ kind: 'row', header: false, cells: ['Loki x', '12 kk'], links: [{ text: 'x', href: 'https://x.fi/' }] },
				{ kind: 'row', header: false, cells: ['', 'tyhjä'] },
			],
		],
		['strikethrough flattened', 'Ei ~~enää~~ nyt.', [{ kind: 'paragraph', text: 'Ei enää nyt.' }]],
		// Their section would carry English labels: a footnote mark stays as written, on the page too.
		['no footnotes', 'Teksti[^1].', [{ kind: 'paragraph', text: 'Teksti[^1].' }]],
		[
			'hard breaks kept as line breaks',
			'Solinum Oy\\\nY2008862-8',
			[{ kind: 'paragraph', text: 'Solinum Oy\nY2008862-8' }],
		],
		['emphasis flattened', 'On *tärkeää* ja **hyvä**.', [{ kind: 'paragraph', text: 'On tärkeää ja hyvä.' }]],
		[
			'a nested list follows its item',
			'- ylä\n  - ala',
			[
				{ kind: 'item', ordered: false, text: 'ylä' },
				{ kind: 'item', ordered: false, text: 'ala' },
			],
		],
	])('%s', (_, source, expected) => {
		expect(blocksOf(source)).toEqual(expected);
	});
});

it('leads with the title when given', () => {
	expect(blocksOf('Teksti.', ' Solinum Oy Tietosuojaseloste ')).toEqual([
		{ kind: 'heading', depth: 1, text: 'Solinum Oy Tietosuojaseloste' },
		{ kind: 'paragraph', text: 'Teksti.' },
	]);
});
