// Which revision was in force on a date: the change log's date field asks this in the browser, so
// this is browser-safe and answers by the one rule the build uses (`revisionInForce`).
import { isIsoDate } from '../site/dates.ts';
import { revisionInForce, sortOldestFirst, type RevisionDates } from './revisions.ts';

/** The answer to "which version was in force on this day?". */
export type DateAnswer<T extends RevisionDates> =
	/** Not a day that exists, or not written as YYYY-MM-DD. */
	| { kind: 'invalid' }
	/** Before the first revision was published. */
	| { kind: 'unpublished'; first: T }
	/** The first revision was published but had not yet taken effect. */
	| { kind: 'notInForce'; first: T }
	| { kind: 'revision'; revision: T };

/** The revision in force on `date`, or why there was none. */
export function revisionOnDate<T extends RevisionDates>(revisions: readonly T[], date: string): DateAnswer<T> {
	if (!isIsoDate(date)) return { kind: 'invalid' };
	const revision = revisionInForce(revisions, date);
	if (revision) return { kind: 'revision', revision };
	const first = sortOldestFirst(revisions)[0];
	if (!first) return { kind: 'invalid' };
	return date < first.published ? { kind: 'unpublished', first } : { kind: 'notInForce', first };
}
