import { describe, expect, it } from 'vitest';
import type { RevisionStatus } from '../../src/lib/notice/revisions.ts';
import {
	pageSearchMarks,
	passagesToIndex,
	revisionSearchLabel,
	revisionSearchMarks,
	type IndexedRevision,
} from '../../src/lib/search/indexing.ts';
import { fill, sectionHits, type PagefindPage } from '../../src/lib/search/results.ts';

/** A revision whose blocks are written `# Heading` for headings and plain text otherwise. */
const revision = (published: string, status: RevisionStatus, ...blocks: string[]): IndexedRevision => ({
	published,
	status,
	blocks: blocks.map((text) => ({ heading: text.startsWith('# '), text })),
});

/** The kept blocks of each revision, as text, for readable expectations. */
function kept(revisions: IndexedRevision[]): string[][] {
	const keep = passagesToIndex(revisions);
	return revisions.map((revision, at) =>
		revision.blocks.filter((_, block) => keep[at]?.[block]).map((block) => block.text),
	);
}

describe('passagesToIndex', () => {
	it.each<[string, IndexedRevision[], string[][]]>([
		[
			'the current revision keeps everything; an earlier one only what it alone says',
			[
				revision('2018-03-11', 'earlier', 'intro', '# Storage', 'in the EU', 'for as long as needed'),
				revision('2024-02-15', 'current', 'intro', '# Storage', 'in the EEA', 'for as long as needed'),
			],
			[
				['# Storage', 'in the EU'],
				['intro', '# Storage', 'in the EEA', 'for as long as needed'],
			],
		],
		[
			'a passage dropped later is kept in the newest revision that still had it',
			[
				revision('2018-03-11', 'earlier', '# A', 'old', 'same'),
				revision('2020-06-01', 'earlier', '# A', 'old', 'same'),
				revision('2024-02-15', 'current', '# A', 'new', 'same'),
			],
			[[], ['# A', 'old'], ['# A', 'new', 'same']],
		],
		[
			'a section whose every passage repeats loses its heading too',
			[
				revision('2018-03-11', 'earlier', '# A', 'same', '# B', 'gone'),
				revision('2020-06-01', 'current', '# A', 'same'),
			],
			[
				['# B', 'gone'],
				['# A', 'same'],
			],
		],
		[
			'an upcoming revision keeps only what the current and earlier upcoming ones lack',
			[
				revision('2030-01-01', 'upcoming', '# A', 'same', 'next', 'later'),
				revision('2020-06-01', 'current', '# A', 'same'),
				revision('2029-01-01', 'upcoming', '# A', 'same', 'next'),
			],
			[
				['# A', 'later'],
				['# A', 'same'],
				['# A', 'next'],
			],
		],
		[
			'a passage that came back is kept where it is nearest the current revision',
			[
				revision('2018-03-11', 'earlier', 'x'),
				revision('2020-06-01', 'earlier', 'y'),
				revision('2022-01-01', 'earlier', 'x'),
				revision('2024-02-15', 'current', 'z'),
			],
			[[], ['y'], ['x'], ['z']],
		],
		['a lone revision keeps everything', [revision('2018-03-11', 'current', '# A', 'a')], [['# A', 'a']]],
	])('%s', (_, revisions, expected) => {
		expect(kept(revisions)).toEqual(expected);
	});
});

describe('revision marks', () => {
	const info = { title: 'T', published: '2024-02-15', effective: '2024-03-01' };
	it.each<[RevisionStatus, string, string]>([
		['current', 'current', 'Voimassa oleva versio'],
		['earlier', 'history', 'Aiempi versio 15.2.2024'],
		['upcoming', 'history', 'Tuleva versio, voimassa 1.3.2024 alkaen'],
	])('a %s revision is in the %s scope, labelled "%s"', (status, scope, label) => {
		expect(revisionSearchLabel(info, status)).toBe(label);
		expect(revisionSearchMarks(info, status)).toMatchObject({
			'data-pagefind-body': '',
			'data-search-scope': scope,
			'data-search-label': label,
			'data-search-revision': '2024-02-15',
			'data-search-status': status,
		});
	});
	it('a page without revisions is searched by default', () => {
		expect(pageSearchMarks()).toEqual({ 'data-pagefind-body': '', 'data-pagefind-filter': 'scope:current' });
	});
});

describe('sectionHits', () => {
	const section = (title: string, score: number) => ({
		title,
		url: `/p/#${title}`,
		excerpt: `<mark>${title}</mark>`,
		weighted_locations: [{ balanced_score: score }],
	});
	const page = (url: string, label: string, ...sub_results: ReturnType<typeof section>[]): PagefindPage => ({
		url,
		excerpt: 'page excerpt',
		meta: { title: 'Page', label },
		sub_results,
	});
	const pages = [
		page('/a/', 'Aiempi', section('a1', 1), section('a2', 5), section('a3', 3), section('a4', 4)),
		page('/b/', 'Voimassa', section('b1', 2)),
	];

	it('takes each page’s best sections, in page order, pages in rank order', () => {
		expect(sectionHits(pages, { limit: 10, perPage: 3 }, false).map((hit) => hit.title)).toEqual([
			'a2',
			'a3',
			'a4',
			'b1',
		]);
	});
	it('stops at the limit', () => {
		expect(sectionHits(pages, { limit: 2, perPage: 3 }, false).map((hit) => hit.title)).toEqual(['a2', 'a3']);
	});
	it('labels rows with their revision only when asked', () => {
		expect(sectionHits(pages, { limit: 10, perPage: 1 }, true)).toEqual([
			{ title: 'a2', url: '/p/#a2', excerpt: '<mark>a2</mark>', context: 'Aiempi' },
			{ title: 'b1', url: '/p/#b1', excerpt: '<mark>b1</mark>', context: 'Voimassa' },
		]);
		expect(sectionHits(pages, { limit: 10, perPage: 1 }, false)[0]).not.toHaveProperty('context');
	});
	it.each([true, false])('names a page without revisions by its title (labels asked: %s)', (withLabels) => {
		const cookies = {
			url: '/evasteet/',
			excerpt: 'x',
			meta: { title: 'Evästeet' },
			sub_results: [section('Analytiikka', 1)],
		};
		expect(sectionHits([cookies], { limit: 10, perPage: 3 }, withLabels)).toEqual([
			{ title: 'Analytiikka', url: '/p/#Analytiikka', excerpt: '<mark>Analytiikka</mark>', context: 'Evästeet' },
		]);
	});
	it('falls back to the page when Pagefind found no sections', () => {
		expect(
			sectionHits([{ url: '/c/', excerpt: 'x', meta: { title: 'C', label: 'L' } }], { limit: 10, perPage: 3 }, false),
		).toEqual([{ title: 'C', url: '/c/', excerpt: 'x' }]);
	});
});

describe('fill', () => {
	it('fills the named placeholders and leaves unknown ones', () => {
		expect(fill('{count} osumaa haulle ”{query}” {x}', { count: 2, query: 'eväste' })).toBe(
			'2 osumaa haulle ”eväste” {x}',
		);
	});
});
