/**
 * Derives vanilla-cookieconsent's configuration and Finnish texts from the consent
 * declaration. Pure: the browser script adds the callbacks, the tests read the result.
 */
import type { CookieConsentConfig } from 'vanilla-cookieconsent';
import {
	CONSENT,
	CONSENT_LIFETIME_DAYS,
	categoryCookies,
	consentRevision,
	type ConsentDeclaration,
	type DeclaredCategory,
	type DeclaredCookie,
} from './consent.ts';
import { withGpcNote } from './consent-runtime.ts';
import { fill } from './fill.ts';
import { escapeHtml } from './html.ts';
import { NOTICE_PATH } from './revisions.ts';
import type { UiKey } from './i18n.ts';

/** The dictionary keys the widget shows; the page hands their templates to the script. */
export const WIDGET_TEXT_KEYS = [
	'consent.banner.label', 'consent.banner.title', 'consent.banner.description', 'consent.banner.revision',
	'consent.banner.gpc', 'consent.acceptAll', 'consent.rejectAll', 'consent.settings', 'consent.save',
	'consent.closeBanner', 'consent.closePreferences', 'consent.links', 'consent.prefs.title', 'consent.prefs.intro',
	'consent.prefs.more',
	'consent.prefs.gpcLocked', 'consent.category.quote', 'consent.category.services', 'consent.category.noServices',
	'consent.service.policy', 'consent.table.caption', 'consent.table.cookie', 'consent.table.party',
	'consent.table.lifetime', 'consent.table.purpose', 'consent.table.prefix', 'consent.firstParty',
	'consent.lifetime.month', 'consent.lifetime.months', 'consent.lifetime.day', 'consent.lifetime.days', 'consent.record.title',
	'consent.record.none', 'consent.record.choice', 'consent.record.dates', 'consent.record.id',
] as const satisfies readonly UiKey[];

/** The widget's texts as templates with `{name}` placeholders (filled with `fill`). */
export type ConsentTexts = Record<(typeof WIDGET_TEXT_KEYS)[number], string>;

/** The widget's texts from the dictionary, given its lookup (`t` from i18n.ts). */
export function widgetTexts(lookup: (key: UiKey) => string): ConsentTexts {
	return Object.fromEntries(WIDGET_TEXT_KEYS.map((key) => [key, lookup(key)])) as ConsentTexts;
}

/** Where the cookie page and the notice live. */
export const COOKIES_PATH = '/evasteet/';

// The widget writes its texts with innerHTML: every text from the declaration is escaped.
export { escapeHtml };

/** A cookie's lifetime in Finnish words: months from four weeks up, days below. */
export function formatLifetime(texts: ConsentTexts, days: number): string {
	if (days === 1) return texts['consent.lifetime.day'];
	if (days < 28) return fill(texts['consent.lifetime.days'], { count: days });
	const months = Math.round(days / (365.25 / 12));
	return months === 1 ? texts['consent.lifetime.month'] : fill(texts['consent.lifetime.months'], { count: months });
}

/** The categories a visitor may refuse, in declaration order. */
export function refusableCategories(declaration: ConsentDeclaration = CONSENT): DeclaredCategory[] {
	return declaration.categories.filter((category) => category.refusable);
}

/** Categories refused because the browser sends Global Privacy Control (none without it). */
export function gpcRefusedCategories(gpc: boolean, declaration: ConsentDeclaration = CONSENT): DeclaredCategory[] {
	return gpc ? declaration.categories.filter((category) => category.refusable && category.refusedByGpc) : [];
}

/** One row of a category's cookie table, as plain text (the page and the widget share it). */
export interface CookieRow {
	name: string;
	party: string;
	lifetime: string;
	purpose: string;
}

/** The rows of a category's cookie table. */
export function cookieRows(texts: ConsentTexts, category: DeclaredCategory): CookieRow[] {
	const row = (cookie: DeclaredCookie, party: string): CookieRow => ({
		name: cookie.prefix ? fill(texts['consent.table.prefix'], { name: cookie.name }) : cookie.name,
		party,
		lifetime: formatLifetime(texts, cookie.lifetimeDays),
		purpose: cookie.purpose,
	});
	return [
		...category.cookies.map((cookie) => row(cookie, texts['consent.firstParty'])),
		...category.services.flatMap((service) =>
			service.cookies.map((cookie) => row(cookie, `${service.name} (${service.provider})`)),
		),
	];
}

function categoryDescription(texts: ConsentTexts, category: DeclaredCategory, gpcRefused: boolean): string {
	const services = category.services.map(
		(service) =>
			`${escapeHtml(service.name)} (${escapeHtml(service.provider)}, <a href="${escapeHtml(service.privacyPolicy)}">${texts['consent.service.policy']}</a>)`,
	);
	return [
		escapeHtml(category.purpose),
		fill(texts['consent.category.quote'], {
			href: `${NOTICE_PATH}#${encodeURIComponent(category.noticeSection)}`,
			quote: escapeHtml(category.noticeQuote),
		}),
		services.length
			? fill(texts['consent.category.services'], { services: services.join(', ') })
			: texts['consent.category.noServices'],
		...(gpcRefused ? [`<strong>${texts['consent.prefs.gpcLocked']}</strong>`] : []),
	].join(' ');
}

/** The banner's note for a browser that sends Global Privacy Control: what GPC refuses. */
export function gpcBannerNote(texts: ConsentTexts, declaration: ConsentDeclaration = CONSENT): string {
	const refused = gpcRefusedCategories(true, declaration);
	return refused.length
		? ` <strong>${fill(texts['consent.banner.gpc'], { categories: refused.map((category) => escapeHtml(category.name)).join(', ') })}</strong>`
		: '';
}

/** What the visitor's browser says, and the moment, that the configuration depends on. */
export interface ConsentContext {
	/** `navigator.globalPrivacyControl === true`. */
	gpc: boolean;
}

/** The widget's configuration without callbacks. */
export type ConsentConfig = Omit<
	CookieConsentConfig,
	'onFirstConsent' | 'onConsent' | 'onChange' | 'onModalShow' | 'onModalHide' | 'onModalReady'
>;

/** The vanilla-cookieconsent configuration and its Finnish texts, derived from the declaration. */
export function consentConfig(
	texts: ConsentTexts,
	context: ConsentContext,
	declaration: ConsentDeclaration = CONSENT,
): ConsentConfig {
	const gpcRefused = new Set(gpcRefusedCategories(context.gpc, declaration).map((category) => category.id));
	const optional = refusableCategories(declaration)
		.map((category) => `${escapeHtml(category.name)} (${category.services.map((s) => escapeHtml(s.name)).join(', ')})`)
		.join(', ');
	const paths = { cookiesPath: COOKIES_PATH, noticePath: NOTICE_PATH };
	const links = fill(texts['consent.links'], paths);

	return {
		mode: 'opt-in',
		revision: consentRevision(declaration),
		// Tests must see what visitors see: the widget would otherwise hide from automated browsers.
		hideFromBots: false,
		// No cookie wall: the notice stays readable and usable while the banner is open.
		disablePageInteraction: false,
		// Scripts start from the callbacks in src/scripts/consent.ts, never from markup.
		manageScriptTags: false,
		// Cookies are deleted by src/scripts/consent.ts after the services are told (Consent Mode
		// "denied"), which the widget's own autoClear cannot do: it clears before any callback.
		autoClearCookies: false,
		cookie: {
			name: declaration.consentCookie,
			sameSite: 'Lax',
			secure: true,
			expiresAfterDays: CONSENT_LIFETIME_DAYS,
		},
		guiOptions: {
			consentModal: { layout: 'box wide', position: 'bottom right', equalWeightButtons: true, flipButtons: false },
			preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
		},
		categories: Object.fromEntries(
			declaration.categories.map((category) => [
				category.id,
				// Off and changeable is the widget's default for a category: only the necessary one says more.
				category.refusable ? {} : { enabled: true, readOnly: true },
			]),
		),
		language: {
			default: 'fi',
			translations: {
				fi: {
					consentModal: {
						label: texts['consent.banner.label'],
						title: texts['consent.banner.title'],
						description: withGpcNote(`${fill(texts['consent.banner.description'], { optional })} {{revisionMessage}}`, context.gpc ? gpcBannerNote(texts, declaration) : ''),
						revisionMessage: fill(texts['consent.banner.revision'], { note: escapeHtml(declaration.changeNote) }),
						acceptAllBtn: texts['consent.acceptAll'],
						acceptNecessaryBtn: texts['consent.rejectAll'],
						showPreferencesBtn: texts['consent.settings'],
						closeIconLabel: texts['consent.closeBanner'],
						footer: links,
					},
					preferencesModal: {
						title: texts['consent.prefs.title'],
						acceptAllBtn: texts['consent.acceptAll'],
						acceptNecessaryBtn: texts['consent.rejectAll'],
						savePreferencesBtn: texts['consent.save'],
						closeIconLabel: texts['consent.closePreferences'],
						sections: [
							{ description: `${texts['consent.prefs.intro']} ${fill(texts['consent.prefs.more'], paths)}` },
							...declaration.categories.map((category) => ({
								title: escapeHtml(category.name),
								description: categoryDescription(texts, category, gpcRefused.has(category.id)),
								linkedCategory: category.id,
								...(categoryCookies(category).length
									? {
											cookieTable: {
												caption: fill(texts['consent.table.caption'], { category: escapeHtml(category.name) }),
												headers: {
													name: texts['consent.table.cookie'],
													party: texts['consent.table.party'],
													lifetime: texts['consent.table.lifetime'],
													purpose: texts['consent.table.purpose'],
												},
												body: cookieRows(texts, category).map((row) => ({
													name: escapeHtml(row.name),
													party: escapeHtml(row.party),
													lifetime: escapeHtml(row.lifetime),
													purpose: escapeHtml(row.purpose),
												})),
											},
										}
									: {}),
							})),
						],
					},
				},
			},
		},
	};
}
