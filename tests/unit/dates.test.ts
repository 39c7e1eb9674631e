import { describe, expect, it } from 'vitest';
import { dayBefore, formatFinnishDate, isIsoDate, todayInHelsinki } from '../../src/lib/site/dates.ts';

describe('isIsoDate', () => {
	it.each([
		['2018-03-11', true],
		['2024-02-29', true],
		['2026-02-30', false],
		['2023-02-29', false],
		['2026-13-01', false],
		['2026-1-5', false],
		// Years below 100 are years, not 1900 + n.
		['0099-05-05', true],
		['0000-01-01', true],
		['9999-12-31', true],
		['0100-02-29', false],
		['11.3.2018', false],
		['', false],
	])('%s → %s', (value, expected) => {
		expect(isIsoDate(value)).toBe(expected);
	});
});

describe('formatFinnishDate', () => {
	it.each([
		['2018-03-11', '11.3.2018'],
		['2024-12-01', '1.12.2024'],
		['2020-10-10', '10.10.2020'],
	])('%s → %s', (date, expected) => {
		expect(formatFinnishDate(date)).toBe(expected);
	});
});

describe('todayInHelsinki', () => {
	it.each([
		// 23:30 UTC is already the next day in Helsinki (UTC+2 in winter, +3 in summer).
		['2026-01-01T21:59:00Z', '2026-01-01'],
		['2026-01-01T22:00:00Z', '2026-01-02'],
		['2026-07-01T20:59:00Z', '2026-07-01'],
		['2026-07-01T21:00:00Z', '2026-07-02'],
	])('%s → %s', (instant, expected) => {
		expect(todayInHelsinki(new Date(instant))).toBe(expected);
	});
});

describe('dayBefore', () => {
	it.each([
		['2021-07-01', '2021-06-30'],
		['2024-03-01', '2024-02-29'],
		['2023-03-01', '2023-02-28'],
		['2027-01-01', '2026-12-31'],
	])('%s → %s', (date, expected) => {
		expect(dayBefore(date)).toBe(expected);
	});
});
