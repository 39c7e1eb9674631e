import { describe, expect, it } from 'vitest';
import {
	changesPath,
	currentRevision,
	previousRevision,
	revisionPath,
	revisionStatus,
	sortOldestFirst,
	upcomingRevisions,
	type RevisionInfo,
} from '../../src/lib/revisions.ts';

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

describe('currentRevision and upcomingRevisions', () => {
	it.each([
		// A revision committed ahead of its dates is announced as upcoming, not hidden.
		['2018-03-11', first, [second, third]],
		['2020-06-01', second, [third]],
		['2024-02-15', second, [third]],
		['2024-02-29', second, [third]],
		['2024-03-01', third, []],
		['2030-01-01', third, []],
	])('on %s', (date, current, upcoming) => {
		expect(currentRevision(history, date)).toEqual(current);
		expect(upcomingRevisions(history, date)).toEqual(upcoming);
	});

	it('has no current revision before the first takes effect', () => {
		expect(currentRevision(history, '2018-03-10')).toBeUndefined();
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
