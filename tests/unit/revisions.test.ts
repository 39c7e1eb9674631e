import { describe, expect, it } from 'vitest';
import {
	currentRevision,
	previousRevision,
	revisionInForce,
	revisionStatus,
	sortOldestFirst,
	upcomingRevisions,
	validity,
	type RevisionInfo,
} from '../../src/lib/notice/revisions.ts';
import { dayBefore } from '../../src/lib/site/dates.ts';
import { changesPath, revisionPath } from '../../src/lib/site/routes.ts';

const revision = (published: string, effective = published): RevisionInfo => ({
	title: 'T',
	published,
	effective,
});
const first = revision('2018-03-11');
const second = revision('2020-06-01');
const third = revision('2024-02-15', '2024-03-01');
const history = [third, first, second];

describe('sortOldestFirst', () => {
	it('orders by publication date whatever the input order', () => {
		expect(sortOldestFirst(history)).toEqual([first, second, third]);
	});
});

describe('revisionInForce, currentRevision and upcomingRevisions', () => {
	it.each([
		// A revision committed ahead of its dates is announced as upcoming, not hidden.
		['2018-03-11', first, [second, third]],
		['2020-06-01', second, [third]],
		['2024-02-15', second, [third]],
		['2024-02-29', second, [third]],
		['2024-03-01', third, []],
		['2030-01-01', third, []],
	])('on %s', (date, current, upcoming) => {
		expect(revisionInForce(history, date)).toEqual(current);
		expect(currentRevision(history, date)).toEqual(current);
		expect(upcomingRevisions(history, date)).toEqual(upcoming);
	});

	it('has none in force before the first takes effect, and shows the first as current', () => {
		expect(revisionInForce(history, '2018-03-10')).toBeUndefined();
		expect(currentRevision(history, '2018-03-10')).toEqual(first);
		expect(revisionStatus(first, history, '2018-03-10')).toBe('current');
	});
});

describe('revisionStatus', () => {
	it.each([
		[first, 'earlier'],
		[second, 'current'],
		[third, 'upcoming'],
	] as const)('%o on 2024-02-20 is %s', (subject, status) => {
		expect(revisionStatus(subject, history, '2024-02-20')).toBe(status);
	});
});

describe('previousRevision', () => {
	it.each([
		[first, undefined],
		[second, first],
		[third, second],
	])('before %o comes %o', (subject, previous) => {
		expect(previousRevision(subject, history)).toEqual(previous);
	});
});

describe('addresses', () => {
	it('gives each revision a permanent address from its publication date', () => {
		expect(revisionPath(first)).toBe('/tietosuojaseloste/2018-03-11/');
		expect(changesPath(third)).toBe('/tietosuojaseloste/2024-02-15/muutokset/');
	});
});

describe('validity', () => {
	it.each([
		[
			'the first, until the day before the second takes effect',
			first,
			history,
			{ from: '2018-03-11', until: '2020-05-31' },
		],
		// The third is published 2024-02-15 but takes effect 2024-03-01: the second holds until then.
		[
			'one replaced by a revision that takes effect after its publication',
			second,
			history,
			{ from: '2020-06-01', until: '2024-02-29' },
		],
		['the newest, open-ended', third, history, { from: '2024-03-01', until: null }],
		['an only revision', first, [first], { from: '2018-03-11', until: null }],
		// Published 1.3. effective 1.9., then one published 1.4. effective 1.7.: the first never takes effect.
		[
			'one overtaken before it took effect',
			revision('2026-03-01', '2026-09-01'),
			[revision('2026-03-01', '2026-09-01'), revision('2026-04-01', '2026-07-01')],
			undefined,
		],
		[
			'one a later revision replaces on the day it takes effect',
			revision('2026-03-01', '2026-07-01'),
			[revision('2026-03-01', '2026-07-01'), revision('2026-04-01', '2026-07-01')],
			undefined,
		],
	])('%s', (_, subject, revisions, expected) => {
		expect(validity(subject, revisions)).toEqual(expected);
	});

	it('agrees with revisionInForce on every day, the changeover days included', () => {
		const histories = [
			history,
			[first],
			[revision('2026-03-01', '2026-09-01'), revision('2026-04-01', '2026-07-01'), revision('2026-05-01')],
		];
		for (const revisions of histories) {
			for (let day = '2018-01-01'; day <= '2027-12-31'; day = dayAfter(day)) {
				const inForce = revisions.filter((candidate) => {
					const period = validity(candidate, revisions);
					return period !== undefined && period.from <= day && (period.until === null || day <= period.until);
				});
				expect(inForce).toEqual(revisionInForce(revisions, day) ? [revisionInForce(revisions, day)] : []);
			}
		}
	});
});

function dayAfter(date: string): string {
	// One day on, and dayBefore must take it back.
	const next = new Date(`${date}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	const iso = next.toISOString().slice(0, 10);
	expect(dayBefore(iso)).toBe(date);
	return iso;
}
