/**
 * Derives vanilla-cookieconsent's configuration and Finnish texts from a version of the cookie
 * information. Pure: the browser script adds the callbacks, the tests and the version pages read
 * the result.
 */
import type { CookieConsentConfig } from 'vanilla-cookieconsent';
import {
	categoryCookies,
	consentLifetimeDays,
	type ConsentDeclaration,
	type ConsentTexts,
	type DeclaredCategory,
	type DeclaredCookie,
} from './declaration.ts';
import { withGpcNote } from './runtime.ts';
import { fill } from '../site/fill.ts';
import { escapeHtml } from '../site/html.ts';
import { COOKIES_PATH, NOTICE_PATH } from '../site/routes.ts';

export type { ConsentTexts } from './declaration.ts';

/** What the widget is configured from: a version, and the revision visitors' choices are held to. */
export interface WidgetSource {
	declaration: ConsentDeclaration;
	texts: ConsentTexts;
	/** The widget's revision: that of the newest version that asked visitors again. */
	revision: number;
	/** Why a returning visitor is asked again: the summary of that version. */
	changeNote: string;
}

// The widget writes its texts with innerHTML: every text from the declaration is escaped.
export { escapeHtml };

/** A cookie's lifetime in Finnish words: months from four weeks up, days below. */
export function formatLifetime(texts: ConsentTexts, days: number): string {
	const words = texts.lifetimes;
	if (days === 1) return words.day;
	if (days < 28) return fill(words.days, { count: days });
	const months = Math.round(days / (365.25 / 12));
	return months === 1 ? words.month : fill(words.months, { count: months });
}

/** The categories a visitor may refuse, in declaration order. */
export function refusableCategories(declaration: ConsentDeclaration): DeclaredCategory[] {
	return declaration.categories.filter((category) => category.refusable);
}

/** Categories refused because the browser sends Global Privacy Control (none without it). */
export function gpcRefusedCategories(gpc: boolean, declaration: ConsentDeclaration): DeclaredCategory[] {
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
		name: cookie.prefix ? fill(texts.cookieTable.prefix, { name: cookie.name }) : cookie.name,
		party,
		lifetime: formatLifetime(texts, cookie.lifetimeDays),
		purpose: cookie.purpose,
	});
	return [
		...category.cookies.map((cookie) => row(cookie, texts.cookieTable.firstParty)),
		...category.services.flatMap((service) =>
			service.cookies.map((cookie) => row(cookie, `${service.name} (${service.provider})`)),
		),
	];
}

function categoryDescription(texts: ConsentTexts, category: DeclaredCategory, gpcRefused: boolean): string {
	const services = category.services.map(
		(service) =>
			`${escapeHtml(service.name)} (${escapeHtml(service.provider)}, <a href="${escapeHtml(service.privacyPolicy)}">${texts.preferences.policy}</a>)`,
	);
	return [
		escapeHtml(category.purpose),
		fill(texts.preferences.quote, {
			href: `${NOTICE_PATH}#${encodeURIComponent(category.noticeSection)}`,
			quote: escapeHtml(category.noticeQuote),
		}),
		services.length
			? fill(texts.preferences.services, { services: services.join(', ') })
			: texts.preferences.noServices,
		...(gpcRefused ? [`<strong>${texts.preferences.gpcLocked}</strong>`] : []),
	].join(' ');
}

/** The banner's note for a browser that sends Global Privacy Control: what GPC refuses. */
export function gpcBannerNote(texts: ConsentTexts, declaration: ConsentDeclaration): string {
	const refused = gpcRefusedCategories(true, declaration);
	return refused.length
		? ` <strong>${fill(texts.banner.gpc, { categories: refused.map((category) => escapeHtml(category.name)).join(', ') })}</strong>`
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

/** The vanilla-cookieconsent configuration and its Finnish texts, derived from a version. */
export function consentConfig(source: WidgetSource, context: ConsentContext): ConsentConfig {
	const { declaration, texts } = source;
	const gpcRefused = new Set(gpcRefusedCategories(context.gpc, declaration).map((category) => category.id));
	const optional = refusableCategories(declaration)
		.map((category) => `${escapeHtml(category.name)} (${category.services.map((s) => escapeHtml(s.name)).join(', ')})`)
		.join(', ');
	const paths = { cookiesPath: COOKIES_PATH, noticePath: NOTICE_PATH };
	const links = fill(texts.banner.links, paths);

	return {
		mode: 'opt-in',
		revision: source.revision,
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
			expiresAfterDays: consentLifetimeDays(declaration),
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
						label: texts.banner.label,
						title: texts.banner.title,
						description: withGpcNote(
							`${fill(texts.banner.description, { optional })} {{revisionMessage}}`,
							context.gpc ? gpcBannerNote(texts, declaration) : '',
						),
						revisionMessage: fill(texts.banner.changed, { note: escapeHtml(source.changeNote) }),
						acceptAllBtn: texts.buttons.acceptAll,
						acceptNecessaryBtn: texts.buttons.rejectAll,
						showPreferencesBtn: texts.buttons.settings,
						closeIconLabel: texts.banner.close,
						footer: links,
					},
					preferencesModal: {
						title: texts.preferences.title,
						acceptAllBtn: texts.buttons.acceptAll,
						acceptNecessaryBtn: texts.buttons.rejectAll,
						savePreferencesBtn: texts.buttons.save,
						closeIconLabel: texts.preferences.close,
						sections: [
							{ description: `${texts.preferences.intro} ${fill(texts.preferences.more, paths)}` },
							...declaration.categories.map((category) => ({
								title: escapeHtml(category.name),
								description: categoryDescription(texts, category, gpcRefused.has(category.id)),
								linkedCategory: category.id,
								...(categoryCookies(category).length
									? {
											cookieTable: {
												caption: fill(texts.cookieTable.caption, { category: escapeHtml(category.name) }),
												headers: {
													name: texts.cookieTable.cookie,
													party: texts.cookieTable.party,
													lifetime: texts.cookieTable.lifetime,
													purpose: texts.cookieTable.purpose,
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
