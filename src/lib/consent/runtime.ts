// Pure helpers the browser runs, kept apart from the declaration so that a page does not
// download the declaration to use them.
import type { CookieConsentConfig, Translation } from 'vanilla-cookieconsent';
import type { WidgetBoot } from './widget.ts';

/** How to find a declared cookie among the browser's: its exact name, or every name it starts. */
export function cookieMatcher(cookie: { name: string; prefix?: boolean }): string | RegExp {
	return cookie.prefix ? new RegExp(`^${cookie.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : cookie.name;
}

/** Whether Global Privacy Control refuses a category in a browser that does (or does not) send it. */
export function isRefusedByGpc(category: { refusable: boolean; refusedByGpc: boolean }, gpc: boolean): boolean {
	return gpc && category.refusable && category.refusedByGpc;
}

/** The widget's configuration without the callbacks, which the browser script adds. */
export type ConsentConfig = Omit<
	CookieConsentConfig,
	'onFirstConsent' | 'onConsent' | 'onChange' | 'onModalShow' | 'onModalHide' | 'onModalReady'
>;

/** The options that are no texts. */
export type WidgetOptions = Omit<ConsentConfig, 'language'>;
/** The banner's texts. */
export type BannerTexts = Translation['consentModal'];
/** The preferences' sections: the introduction and one per category. */
export type PreferencesSections = Translation['preferencesModal']['sections'];
/** The preferences dialog but for its sections. */
export type PreferencesFrame = Omit<Translation['preferencesModal'], 'sections'>;

/**
 * The widget's configuration from its parts, in Finnish. `sections` is the very array the
 * preferences show: the browser fills it when the sections arrive, before the dialog is built.
 */
export function widgetConfig(
	parts: { options: WidgetOptions; banner: BannerTexts; preferences: PreferencesFrame },
	sections: PreferencesSections,
): ConsentConfig {
	return {
		...parts.options,
		language: {
			default: 'fi',
			translations: { fi: { consentModal: parts.banner, preferencesModal: { ...parts.preferences, sections } } },
		},
	};
}

/**
 * The configuration a browser runs the widget with: the first visit's parts, the banner in the
 * browser's wording (Global Privacy Control or not), and the array the preferences' sections
 * are fetched into.
 */
export function browserConfig(boot: WidgetBoot, gpc: boolean, sections: PreferencesSections): ConsentConfig {
	return widgetConfig(
		{ options: boot.options, banner: gpc ? boot.banner.gpc : boot.banner.plain, preferences: boot.preferencesFrame },
		sections,
	);
}

/** What the site adds to the widget's record: the version the visitor agreed to, and whether GPC applied. */
export interface RecordData {
	/** The date of the version of the cookie information in force when the choice was made. */
	version?: string;
	/** Whether the browser sent Global Privacy Control when the choice was made or last enforced. */
	gpc?: boolean;
}

/** What a stored consent record must look like to be trusted, as the widget writes it. */
export interface ConsentRecord {
	categories: string[];
	revision: number;
	/** Absent or null in a record made before versions were kept: it agreed to the first version of its revision. */
	data?: RecordData | null;
	consentId: string;
	consentTimestamp: string;
	lastConsentTimestamp: string;
	expirationTime: number;
}

/** What a record is judged against: the categories that exist, how long consent lasts, the versions of the revision in force. */
export interface RecordRules {
	categories: readonly string[];
	lifetimeDays: number;
	revision: number;
	/** Dates of the versions a record of `revision` may name: from the newest that asked again to the one in force. */
	versions: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

/**
 * Whether a stored consent record (the parsed cookie value) can be trusted at `now`: the shape
 * the widget writes, known categories only, timestamps in order and not in the future,
 * younger than the consent lifetime, and naming (if anything) a version of its revision.
 * Anything else counts as no consent.
 */
export function isTrustworthyRecord(value: unknown, now: number, rules: RecordRules): value is ConsentRecord {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Partial<Record<keyof ConsentRecord, unknown>>;
	const known = new Set<string>(rules.categories);
	const first = typeof record.consentTimestamp === 'string' ? Date.parse(record.consentTimestamp) : NaN;
	const last = typeof record.lastConsentTimestamp === 'string' ? Date.parse(record.lastConsentTimestamp) : NaN;
	const lifetime = rules.lifetimeDays * DAY_MS;
	const data = (record.data ?? {}) as RecordData;
	// A clock may be a little off between writing and reading; a minute covers it.
	const skew = 60_000;
	return (
		Array.isArray(record.categories) &&
		record.categories.every((category) => typeof category === 'string' && known.has(category)) &&
		typeof record.revision === 'number' &&
		typeof record.consentId === 'string' &&
		UUID.test(record.consentId) &&
		Number.isFinite(first) &&
		Number.isFinite(last) &&
		first <= last + skew &&
		last <= now + skew &&
		now - last <= lifetime &&
		typeof record.expirationTime === 'number' &&
		record.expirationTime > now &&
		record.expirationTime <= last + lifetime + skew &&
		typeof data === 'object' &&
		(data.version === undefined || record.revision !== rules.revision || rules.versions.includes(data.version)) &&
		(data.gpc === undefined || typeof data.gpc === 'boolean')
	);
}
