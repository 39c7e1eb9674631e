import { describe, expect, it } from 'vitest';
import { pageLastChanged } from '../../src/lib/notice/sitemap.ts';

const first = { published: '2018-03-11', effective: '2018-03-11' };
const second = { published: '2020-06-01', effective: '2020-06-01' };
// Announced on 2024-02-15, in force from 2024-03-01.
const third = { published: '2024-02-15', effective: '2024-03-01' };

const paths = (date: string) => ({
	[`/tietosuojaseloste/${date}/`]: expect.any(String),
	[`/tietosuojaseloste/${date}/muutokset/`]: expect.any(String),
});

describe('pageLastChanged', () => {
	it.each([
		[
			'one revision: every page since it was published',
			[first],
			'2026-11-25',
			{
				'/tietosuojaseloste/': '2018-03-11',
				'/tietosuojaseloste/2018-03-11/': '2018-03-11',
				'/tietosuojaseloste/2018-03-11/muutokset/': '2018-03-11',
				'/tietosuojaseloste/muutoshistoria/': '2018-03-11',
				'/tietosuojaseloste/vertaa/': '2018-03-11',
			},
		],
		[
			'three revisions, all in force by now: a replaced one last changed when it was replaced',
			[third, first, second],
			'2026-11-25',
			{
				'/tietosuojaseloste/': '2024-03-01',
				'/tietosuojaseloste/2018-03-11/': '2020-06-01',
				'/tietosuojaseloste/2018-03-11/muutokset/': '2020-06-01',
				'/tietosuojaseloste/2020-06-01/': '2024-03-01',
				'/tietosuojaseloste/2020-06-01/muutokset/': '2024-03-01',
				'/tietosuojaseloste/2024-02-15/': '2024-03-01',
				'/tietosuojaseloste/2024-02-15/muutokset/': '2024-03-01',
				'/tietosuojaseloste/muutoshistoria/': '2024-03-01',
				'/tietosuojaseloste/vertaa/': '2024-03-01',
			},
		],
		[
			'a revision announced, not yet in force: the current one changed with the announcement',
			[first, second, third],
			'2024-02-20',
			{
				'/tietosuojaseloste/': '2024-02-15',
				'/tietosuojaseloste/2018-03-11/': '2020-06-01',
				'/tietosuojaseloste/2018-03-11/muutokset/': '2020-06-01',
				'/tietosuojaseloste/2020-06-01/': '2024-02-15',
				'/tietosuojaseloste/2020-06-01/muutokset/': '2024-02-15',
				'/tietosuojaseloste/2024-02-15/': '2024-02-15',
				'/tietosuojaseloste/2024-02-15/muutokset/': '2024-02-15',
				'/tietosuojaseloste/muutoshistoria/': '2024-02-15',
				'/tietosuojaseloste/vertaa/': '2024-02-15',
			},
		],
		[
			'the day the announced revision takes effect',
			[first, second, third],
			'2024-03-01',
			{
				'/tietosuojaseloste/': '2024-03-01',
				'/tietosuojaseloste/2018-03-11/': '2020-06-01',
				'/tietosuojaseloste/2018-03-11/muutokset/': '2020-06-01',
				'/tietosuojaseloste/2020-06-01/': '2024-03-01',
				'/tietosuojaseloste/2020-06-01/muutokset/': '2024-03-01',
				'/tietosuojaseloste/2024-02-15/': '2024-03-01',
				'/tietosuojaseloste/2024-02-15/muutokset/': '2024-03-01',
				'/tietosuojaseloste/muutoshistoria/': '2024-03-01',
				'/tietosuojaseloste/vertaa/': '2024-03-01',
			},
		],
	])('%s', (_, revisions, date, expected) => {
		expect(Object.fromEntries(pageLastChanged(revisions, date))).toEqual(expected);
	});

	it('names every page of every revision, and no date after the build date', () => {
		const changed = pageLastChanged([first, second, third], '2024-02-20');
		expect(Object.fromEntries(changed)).toEqual(
			expect.objectContaining({ ...paths(first.published), ...paths(second.published), ...paths(third.published) }),
		);
		expect([...changed.values()].every((day) => day <= '2024-02-20')).toBe(true);
	});
});
