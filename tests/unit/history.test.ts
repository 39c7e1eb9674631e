import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../src/lib/notice/history.ts';
import {
	currentRevision,
	nextRevision,
	sortNewestFirst,
	upcomingRevisions,
	type RevisionInfo,
} from '../../src/lib/notice/revisions.ts';

const revision = (published: string, effective = published, summary?: string): RevisionInfo => ({
	title: 'T',
	published,
	effective,
	...(summary === undefined ? {} : { summary }),
});
const first = revision('2018-03-11');
const second = revision('2020-06-01', '2020-06-01', 'EEA');
const third = revision('2024-02-15', '2024-03-01', 'Evästeet');
const revisions = [third, first, second];

describe('ordering', () => {
	it('lists newest first whatever the input order', () => {
		expect(sortNewestFirst(revisions)).toEqual([third, second, first]);
	});
	it.each([
		[first, second],
		[second, third],
		[third, undefined],
	])('after %o comes %o', (subject, next) => {
		expect(nextRevision(subject, revisions)).toEqual(next);
	});
});

describe('currentRevision', () => {
	it.each([
		// Before anything is in force the first revision is still shown.
		['2010-01-01', first],
		['2018-03-11', first],
		['2024-02-20', second],
		['2024-03-01', third],
	])('on %s shows %o', (date, expected) => {
		expect(currentRevision(revisions, date)).toEqual(expected);
	});
	it('never lists the revision shown as current among the upcoming ones', () => {
		expect(upcomingRevisions(revisions, '2010-01-01')).toEqual([second, third]);
	});
});

describe('describeStatus', () => {
	const link = (r: RevisionInfo) => ({
		published: r.published,
		effective: r.effective,
		path: `/tietosuojaseloste/${r.published}/`,
		changesPath: `/tietosuojaseloste/${r.published}/muutokset/`,
	});
	it.each([
		[
			'the first revision, later replaced',
			first,
			'2024-02-20',
			{
				status: 'earlier',
				published: '2018-03-11',
				first: true,
				current: link(second),
				replacedBy: link(second),
				announcements: [],
				validity: { from: '2018-03-11', until: '2020-05-31' },
			},
		],
		[
			'the current revision with a change announced',
			second,
			'2024-02-20',
			{
				status: 'current',
				published: '2020-06-01',
				summary: 'EEA',
				first: false,
				changesPath: '/tietosuojaseloste/2020-06-01/muutokset/',
				announcements: [link(third)],
				// In force until the day before the next one takes effect (not before it was published).
				validity: { from: '2020-06-01', until: '2024-02-29' },
			},
		],
		[
			'the upcoming revision',
			third,
			'2024-02-20',
			{
				status: 'upcoming',
				published: '2024-02-15',
				effective: '2024-03-01',
				summary: 'Evästeet',
				first: false,
				changesPath: '/tietosuojaseloste/2024-02-15/muutokset/',
				current: link(second),
				announcements: [],
				validity: { from: '2024-03-01', until: null },
			},
		],
		[
			'the same revision once in force',
			third,
			'2024-03-01',
			{
				status: 'current',
				published: '2024-02-15',
				effective: '2024-03-01',
				summary: 'Evästeet',
				first: false,
				changesPath: '/tietosuojaseloste/2024-02-15/muutokset/',
				announcements: [],
				validity: { from: '2024-03-01', until: null },
			},
		],
		[
			'an only revision',
			first,
			'2026-01-01',
			{
				status: 'current',
				published: '2018-03-11',
				first: true,
				announcements: [],
				validity: { from: '2018-03-11', until: null },
			},
		],
	] as const)('%s', (_, subject, date, expected) => {
		const all = expected.published === first.published && expected.status === 'current' ? [first] : revisions;
		expect(describeStatus(subject, all, date)).toEqual(expected);
	});
});
