import { describe, expect, it } from 'vitest';
import { revisionOnDate } from '../../src/lib/notice/date-lookup.ts';
import { checkFolderOnDisk } from '../../src/lib/notice/folder-node.ts';
import { testSite } from '../support/sites.ts';

const scenarios = testSite('scenarios');

// The scenarios fixture: 2018-03-11, 2019-05-01, 2021-06-01 (in force from 2021-07-01), 2024-02-15,
// and 2026-11-20, in force from 2027-01-01.
const { revisions, problems } = checkFolderOnDisk(scenarios.contentDir, { buildDate: scenarios.buildDate });

describe('revisionOnDate on the scenarios fixture', () => {
	it('reads a fixture that builds', () => expect(problems).toEqual([]));

	it.each([
		['before the first revision was published', '2018-03-10', { kind: 'unpublished', first: '2018-03-11' }],
		['the day the first was published and took effect', '2018-03-11', { kind: 'revision', revision: '2018-03-11' }],
		['the last day of the first', '2019-04-30', { kind: 'revision', revision: '2018-03-11' }],
		['the changeover day', '2019-05-01', { kind: 'revision', revision: '2019-05-01' }],
		// 2021-06-01 is published that day but takes effect a month later.
		[
			'after a revision is published, before it takes effect',
			'2021-06-15',
			{ kind: 'revision', revision: '2019-05-01' },
		],
		['the day before it takes effect', '2021-06-30', { kind: 'revision', revision: '2019-05-01' }],
		['the day it takes effect', '2021-07-01', { kind: 'revision', revision: '2021-06-01' }],
		[
			'the last day of the one in force, with an upcoming one known',
			'2026-12-31',
			{ kind: 'revision', revision: '2024-02-15' },
		],
		["in the upcoming revision's period", '2027-01-01', { kind: 'revision', revision: '2026-11-20' }],
		['long after', '2040-06-01', { kind: 'revision', revision: '2026-11-20' }],
		['not a day', '2026-02-30', { kind: 'invalid' }],
		['not a date', '1.1.2020', { kind: 'invalid' }],
		['empty', '', { kind: 'invalid' }],
	])('%s (%s)', (_, date, expected) => {
		const answer = revisionOnDate(revisions, date);
		const found = answer as { revision?: { published: string }; first?: { published: string } };
		expect({
			kind: answer.kind,
			...(found.revision ? { revision: found.revision.published } : {}),
			...(found.first ? { first: found.first.published } : {}),
		}).toEqual(expected);
	});

	it('tells a day before the first took effect from one before it was published', () => {
		const later = [{ published: '2018-03-11', effective: '2018-04-01' }];
		expect(revisionOnDate(later, '2018-03-20')).toEqual({ kind: 'notInForce', first: later[0] });
		expect(revisionOnDate(later, '2018-03-10')).toEqual({ kind: 'unpublished', first: later[0] });
		expect(revisionOnDate(later, '2018-04-01')).toEqual({ kind: 'revision', revision: later[0] });
	});
});
