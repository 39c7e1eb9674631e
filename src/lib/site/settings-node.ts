import { isIsoDate, todayInHelsinki, type IsoDate } from './dates.ts';

/** A setting of the environment that cannot be used, with how to fix it. */
export class SettingError extends Error {
	readonly hint: string;
	constructor(message: string, hint: string) {
		super(message);
		this.hint = hint;
	}
}

/** The revisions folder used when `NOTICE_CONTENT_DIR` is not set. */
export const DEFAULT_CONTENT_DIR = 'content/tietosuojaseloste';

/** The revisions folder this build publishes, relative to the project root or absolute. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
	return env['NOTICE_CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR;
}

/** The folder of versions of the cookie information used when `CONSENT_CONTENT_DIR` is not set. */
export const DEFAULT_CONSENT_DIR = 'content/evasteet';

/** The folder of versions of the cookie information this build publishes, relative to the project root or absolute. */
export function consentDir(env: Record<string, string | undefined> = process.env): string {
	return env['CONSENT_CONTENT_DIR']?.trim() || DEFAULT_CONSENT_DIR;
}

/**
 * The date the build treats as today, which decides the current and upcoming revisions.
 * `NOTICE_BUILD_DATE` fixes it so that tests and reproducible builds do not depend on the clock.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): IsoDate {
	const fixed = env['NOTICE_BUILD_DATE']?.trim();
	if (!fixed) return todayInHelsinki();
	if (!isIsoDate(fixed)) {
		throw new SettingError(
			`NOTICE_BUILD_DATE is "${fixed}", which is not a real date.`,
			'write it as YYYY-MM-DD, or unset it to use today.',
		);
	}
	return fixed;
}
