import type { CheckedRevision } from './check-node.ts';
import { isIsoDate, type IsoDate } from '../site/dates.ts';

/** What an editor asks for when starting a new revision. */
export interface NewRevisionRequest {
	date: IsoDate;
	/** The day the command runs (NOTICE_BUILD_DATE or today): a revision is never dated before it. */
	today: IsoDate;
	summary: string;
	effective?: IsoDate | undefined;
}

/** A refusal of an editor command, worded like the build's. */
export class EditorCommandError extends Error {
	/** How to fix it. */
	readonly hint: string;
	constructor(message: string, hint: string) {
		super(message);
		this.hint = hint;
	}
}

/**
 * The text of a new revision file: the newest revision's body under fresh front matter.
 * Refuses what the build would refuse anyway, before the file exists.
 */
export function scaffoldRevision(
	revisions: readonly CheckedRevision[],
	request: NewRevisionRequest,
): { fileName: string; source: string } {
	const { date, today, summary, effective } = request;
	if (!isIsoDate(date)) {
		throw new EditorCommandError(
			`"${date}" is not a real date.`,
			'give the date as YYYY-MM-DD, e.g. --date 2026-03-01.',
		);
	}
	if (effective !== undefined && (!isIsoDate(effective) || effective < date)) {
		throw new EditorCommandError(
			`the effective date "${effective}" is not a real date on or after ${date}.`,
			'give --effective as YYYY-MM-DD, no earlier than the publication date, or leave it out.',
		);
	}
	if (summary.trim() === '') {
		throw new EditorCommandError(
			'the summary is missing.',
			'describe the change in plain words: npm run revision:new -- --summary "Lisätty evästeitä koskeva osio."',
		);
	}
	const fileName = `${date}.mdx`;
	const latest = revisions.at(-1);
	if (!latest) {
		throw new EditorCommandError('there is no earlier revision to start from.', 'write the first revision by hand.');
	}
	if (revisions.some((revision) => revision.published === date)) {
		throw new EditorCommandError(
			`${fileName} already exists: there is a revision published on ${date}.`,
			'edit that file if it is not sealed yet, or give another date with --date YYYY-MM-DD.',
		);
	}
	if (date < latest.published) {
		throw new EditorCommandError(
			`${date} is before the newest revision, ${latest.fileName}.`,
			'a new revision comes after every earlier one: give a later date with --date YYYY-MM-DD.',
		);
	}
	if (date < today) {
		throw new EditorCommandError(
			`${date} is before today (${today}): a revision cannot be published in the past.`,
			'leave --date out to publish today, or give today or a later day as YYYY-MM-DD.',
		);
	}
	const takesEffect = effective ?? date;
	if (takesEffect <= latest.effective) {
		throw new EditorCommandError(
			`the new revision would take effect on ${takesEffect}, not after ${latest.fileName} (effective ${latest.effective}).`,
			`revisions take effect in the order they are published: give --effective a date after ${latest.effective}.`,
		);
	}
	// JSON strings are valid YAML: any title or summary (colons, #, quotes, line breaks) is kept as written.
	const frontmatter = [
		'---',
		`title: ${JSON.stringify(latest.title)}`,
		`published: ${date}`,
		...(effective && effective !== date ? [`effective: ${effective}`] : []),
		`summary: ${JSON.stringify(summary.trim())}`,
		'---',
	].join('\n');
	return { fileName, source: `${frontmatter}\n${latest.body}` };
}
