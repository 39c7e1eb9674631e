/** A calendar date written as `YYYY-MM-DD`; the only date form revisions use. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a `YYYY-MM-DD` string that names a day that exists (rejects `2026-02-30`). */
export function isIsoDate(value: string): value is IsoDate {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(0);
	// setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Formats an ISO date the Finnish way, without leading zeros: `2018-03-11` → `11.3.2018`. */
export function formatFinnishDate(date: IsoDate): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return `${day}.${month}.${year}`;
}

/** Today's date in Helsinki, where Solinum Oy's notices take effect. */
export function todayInHelsinki(now: Date = new Date()): IsoDate {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Helsinki',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

/** An ISO date as a UTC midnight `Date`, for feeds and other APIs that want one. */
export function isoDateToUtc(date: IsoDate): Date {
	return new Date(`${date}T00:00:00Z`);
}

/** The day before a date: `2024-03-01` → `2024-02-29`. */
export function dayBefore(date: IsoDate): IsoDate {
	const day = isoDateToUtc(date);
	day.setUTCDate(day.getUTCDate() - 1);
	return day.toISOString().slice(0, 10);
}
