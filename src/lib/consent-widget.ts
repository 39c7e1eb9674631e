/**
 * What the browser gets of the consent declaration, prepared at build time. A first visit
 * downloads only what the banner and the enforcement need (`widgetBoot`, a JSON block in the
 * page); the preferences' descriptions and cookie tables (`widgetPreferences`) are fetched from
 * PREFERENCES_PATH when a visitor first reaches for the preferences.
 */
import type { Translation } from 'vanilla-cookieconsent';
import { CONSENT, CONSENT_LIFETIME_DAYS, SERVICE_ACCOUNTS, categoryCookies, type ConsentDeclaration, type DeclaredCategory } from './consent.ts';
import { consentConfig, gpcBannerNote, type ConsentConfig, type ConsentTexts } from './consent-config.ts';

/** Where the preferences' sections are published (src/pages/evasteet/asetukset.json.ts). */
export const PREFERENCES_PATH = '/evasteet/asetukset.json';

/** A service as the browser starts it. */
export interface WidgetService {
	id: string;
	script: string;
	/** The longest lifetime the declaration gives the service's cookies. */
	cookieDays: number;
}

/** A category as the browser enforces it. */
export interface WidgetCategory extends Pick<DeclaredCategory, 'id' | 'name' | 'refusable' | 'refusedByGpc' | 'consentMode'> {
	services: WidgetService[];
	/** Cookies to delete when the category is refused; `prefix` matches every name starting so. */
	clear: { name: string; prefix: boolean }[];
}

/** Everything the widget needs on a first visit. */
export interface WidgetBoot {
	/** The widget's configuration for a browser without GPC; the preferences' sections come later. */
	config: ConsentConfig;
	/** Added to the banner's text when GPC refuses a category. */
	gpcNote: string;
	categories: WidgetCategory[];
	consentCookie: string;
	lifetimeDays: number;
	accounts: typeof SERVICE_ACCOUNTS;
	preferencesPath: string;
}

/** Texts of the "your choice" section added to the preferences. */
export type RecordTexts = Pick<
	ConsentTexts,
	'consent.record.title' | 'consent.record.none' | 'consent.record.choice' | 'consent.record.dates' | 'consent.record.id'
>;

type Sections = Translation['preferencesModal']['sections'];

/** What the preferences add to a first visit's data: their sections without and with GPC, and the record's texts. */
export interface WidgetPreferences {
	plain: Sections;
	gpc: Sections;
	record: RecordTexts;
}

function fiTranslation(config: ConsentConfig): Translation {
	return config.language.translations['fi'] as Translation;
}

/** The first-visit data: the configuration with empty preference sections, and what enforcement needs. */
export function widgetBoot(texts: ConsentTexts, declaration: ConsentDeclaration = CONSENT): WidgetBoot {
	const config = consentConfig(texts, { gpc: false }, declaration);
	fiTranslation(config).preferencesModal.sections = [];
	return {
		config,
		gpcNote: gpcBannerNote(texts, declaration),
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
			clear: categoryCookies(category).map((cookie) => ({ name: cookie.name, prefix: cookie.prefix ?? false })),
		})),
		consentCookie: declaration.consentCookie,
		lifetimeDays: CONSENT_LIFETIME_DAYS,
		accounts: SERVICE_ACCOUNTS,
		preferencesPath: PREFERENCES_PATH,
	};
}


/** The preferences' sections, fetched when a visitor first reaches for them. */
export function widgetPreferences(texts: ConsentTexts, declaration: ConsentDeclaration = CONSENT): WidgetPreferences {
	return {
		plain: fiTranslation(consentConfig(texts, { gpc: false }, declaration)).preferencesModal.sections,
		gpc: fiTranslation(consentConfig(texts, { gpc: true }, declaration)).preferencesModal.sections,
		record: {
			'consent.record.title': texts['consent.record.title'],
			'consent.record.none': texts['consent.record.none'],
			'consent.record.choice': texts['consent.record.choice'],
			'consent.record.dates': texts['consent.record.dates'],
			'consent.record.id': texts['consent.record.id'],
		},
	};
}
