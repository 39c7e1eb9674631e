/**
 * What the browser gets of the cookie information, prepared at build time. A first visit
 * downloads only what the banner and the enforcement need (`widgetBoot`, a JSON block in the
 * page); the preferences' descriptions and cookie tables, and what the record of a choice and its
 * receipt show (`widgetPreferences`), are fetched from PREFERENCES_PATH when a visitor first
 * reaches for the preferences.
 */
import { SERVICE_ACCOUNTS, categoryCookies, type DeclaredCategory } from './declaration.ts';
import { bannerTexts, preferencesFrame, preferencesSections, widgetOptions, type WidgetSource } from './config.ts';
import type { BannerTexts, PreferencesFrame, PreferencesSections, WidgetOptions } from './runtime.ts';
import type { UiKey } from '../site/i18n.ts';
import { PREFERENCES_PATH } from '../site/routes.ts';

/** A service as the browser starts it. */
export interface WidgetService {
	id: string;
	script: string;
	/** The longest lifetime the declaration gives the service's cookies. */
	cookieDays: number;
}

/** A category as the browser enforces it. */
export interface WidgetCategory extends Pick<
	DeclaredCategory,
	'id' | 'name' | 'refusable' | 'refusedByGpc' | 'consentMode'
> {
	services: WidgetService[];
	/** Cookies to delete when the category is refused; `prefix` matches every name starting so. */
	clear: { name: string; prefix?: true }[];
}

/** A version as the widget knows it: enough to write it into a record and to check one. */
export interface WidgetVersions {
	/** The date of the version in force, written into the record of a choice made now. */
	version: string;
	/** The dates a trustworthy record of the current revision may name. */
	versions: string[];
}

/** Everything the widget needs on a first visit. */
export interface WidgetBoot extends WidgetVersions {
	/** The widget's options; `cookie` names the consent cookie and how long a choice is kept. */
	options: WidgetOptions;
	/** The banner's texts for a browser without and with Global Privacy Control. */
	banner: { plain: BannerTexts; gpc: BannerTexts };
	/** The preferences dialog but for its sections, which come later. */
	preferencesFrame: PreferencesFrame;
	categories: WidgetCategory[];
	accounts: typeof SERVICE_ACCOUNTS;
	preferencesPath: string;
}

/** The dictionary keys of the "your choice" section added to the preferences (site texts, not the version's). */
export const RECORD_TEXT_KEYS = [
	'consent.record.title',
	'consent.record.none',
	'consent.record.choice',
	'consent.record.dates',
	'consent.record.id',
	'consent.record.version',
	'consent.record.receipt',
	'consent.record.receiptNote',
] as const satisfies readonly UiKey[];

/** Texts of the "your choice" section, as templates with `{name}` placeholders. */
export type RecordTexts = Record<(typeof RECORD_TEXT_KEYS)[number], string>;

/** The record section's texts from the dictionary, given its lookup (`t` from site/i18n.ts). */
export function recordTexts(lookup: (key: UiKey) => string): RecordTexts {
	return Object.fromEntries(RECORD_TEXT_KEYS.map((key) => [key, lookup(key)])) as RecordTexts;
}

/** A version as the record names it and the receipt proves it. */
export interface ReceiptVersion {
	/** The date as a visitor reads it: 25.11.2026. */
	label: string;
	/** The version's page on this site. */
	path: string;
	/** Its published addresses and fingerprint, as /evasteet/versiot.json gives them. */
	url: string;
	sourceUrl: string;
	sha256: string;
}

/** What the record of a choice and its receipt show besides the stored record. */
export interface ReceiptData {
	/** The site, as its versions' addresses name it. */
	site: string;
	/** The versions a trustworthy record may name, by date. */
	versions: Record<string, ReceiptVersion>;
	/** Each service of the version in force, by id. */
	services: Record<string, { name: string; provider: string }>;
}

/** What the preferences add to a first visit's data. */
export interface WidgetPreferences {
	/** Their sections for a browser without and with Global Privacy Control. */
	plain: PreferencesSections;
	gpc: PreferencesSections;
	/** The record section's texts. */
	record: RecordTexts;
	receipt: ReceiptData;
}

/** The first-visit data: the banner, the preferences but for their sections, and what enforcement needs. */
export function widgetBoot(source: WidgetSource, versions: WidgetVersions): WidgetBoot {
	const { declaration } = source;
	return {
		options: widgetOptions(source),
		banner: { plain: bannerTexts(source, false), gpc: bannerTexts(source, true) },
		preferencesFrame: preferencesFrame(source),
		categories: declaration.categories.map((category) => ({
			id: category.id,
			name: category.name,
			refusable: category.refusable,
			refusedByGpc: category.refusedByGpc,
			consentMode: category.consentMode,
			services: category.services.map((service) => ({
				id: service.id,
				script: service.script,
				cookieDays: Math.max(0, ...service.cookies.map((cookie) => cookie.lifetimeDays)),
			})),
			// Every byte here is on every first visit: a prefix is said only where there is one.
			clear: categoryCookies(category).map((cookie) =>
				cookie.prefix ? { name: cookie.name, prefix: true } : { name: cookie.name },
			),
		})),
		accounts: SERVICE_ACCOUNTS,
		preferencesPath: PREFERENCES_PATH,
		version: versions.version,
		versions: versions.versions,
	};
}

/** The preferences' sections and the record's data, fetched when a visitor first reaches for them. */
export function widgetPreferences(source: WidgetSource, record: RecordTexts, receipt: ReceiptData): WidgetPreferences {
	return {
		plain: preferencesSections(source, false),
		gpc: preferencesSections(source, true),
		record,
		receipt,
	};
}
