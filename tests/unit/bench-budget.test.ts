import { describe, expect, it } from 'vitest';
import { growsLinearly, overBudget, PAGES, type PageMeasure } from '../bench/run.ts';
import type { BuildScale } from '../bench/build-scale.ts';

const KB = 1024;

describe('the budgets', () => {
	it('hold the notice to the promise: 25 KB (issues 13 and 14 may take it from 24 to 25, no further), 6 requests, no fonts, no third parties, no cookies, no shift', () => {
		expect(PAGES.find((page) => page.path === '/tietosuojaseloste/')?.budget).toEqual({
			bytes: 25 * KB,
			requests: 6,
			fontBytes: 0,
			thirdParty: 0,
			cookies: 0,
			cls: 0,
		});
	});

	it('give every other kind of page a budget of at most 40 KB', () => {
		expect(PAGES.map((page) => page.kind)).toEqual([
			'notice',
			'revision',
			'diff',
			'change log',
			'cookie page',
			'compare',
			'404',
		]);
		for (const page of PAGES) expect(page.budget.bytes).toBeLessThanOrEqual(40 * KB);
	});
});

describe('overBudget', () => {
	const budget = PAGES[0]!.budget;
	const within: PageMeasure = {
		kind: 'notice',
		path: '/tietosuojaseloste/',
		status: 200,
		requests: 4,
		bytes: { html: 8 * KB, css: 0, js: 15 * KB, font: 0, other: 200 },
		total: 23 * KB + 200,
		thirdParty: [],
		cookies: [],
		lcpMs: 300,
		cls: 0,
		banner: true,
		responses: [],
	};

	it('passes a page within every limit', () => expect(overBudget(within, budget, 200)).toEqual([]));

	it.each([
		['bytes', { total: 25 * KB + 1 }, '25.0 KB > 25.0 KB (1 B over)'],
		['requests', { requests: 7 }, '7 requests > 6'],
		['fonts', { bytes: { ...within.bytes, font: 10 * KB } }, 'web fonts 10.0 KB'],
		[
			'third parties',
			{ thirdParty: ['https://www.googletagmanager.com/gtag/js'] },
			'third-party: https://www.googletagmanager.com/gtag/js',
		],
		['cookies', { cookies: ['_ga'] }, 'cookies before consent: _ga'],
		['layout shift', { cls: 0.01 }, 'CLS 0.010 > 0'],
		['a missing banner', { banner: false }, 'no consent banner'],
		['the status', { status: 404 }, 'status 404, expected 200'],
	])('flags %s', (_name, change, problem) => {
		expect(overBudget({ ...within, ...change }, budget, 200)).toEqual([problem]);
	});
});

describe('growsLinearly', () => {
	const scale = (perRevisionBytes: number): BuildScale => ({
		one: { name: '1', revisions: 1, seconds: 2, bytes: 400 * KB, files: 30 },
		many: { name: 'n', revisions: 200, seconds: 8, bytes: 400 * KB + 199 * perRevisionBytes, files: 800 },
		perRevision: { seconds: 0.03, bytes: perRevisionBytes },
		withinLimit: true,
	});

	it.each([
		[80 * KB, 80 * KB, true],
		[80 * KB, 85 * KB, true],
		[80 * KB, 160 * KB, false],
	])('%d then %d bytes a revision: linear %s', (half, full, expected) => {
		expect(growsLinearly(scale(half), scale(full))).toBe(expected);
	});
});
