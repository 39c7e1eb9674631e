/**
 * Builds each part of vanilla-cookieconsent's configuration from a version of the cookie
 * information, so that each client gets exactly the parts it needs: the options and the banner's
 * texts on a first visit, the preferences' sections when a visitor reaches for them
 * (src/lib/consent/widget.ts), the banner and the preferences as shown on a version's page
 * (version-view.ts). Pure; the browser puts the parts together (runtime.ts, `browserConfig`).
 */
import {
	categoryCookies,
	consentLifetimeDays,
	type ConsentDeclaration,
	type ConsentTexts,
	type DeclaredCategory,
	type DeclaredCookie,
} from './declaration.ts';
import {
	isRefusedByGpc,
	type BannerTexts,
	type PreferencesFrame,
	type PreferencesSections,
	type WidgetOptions,
} from './runtime.ts';
import { fill } from '../site/fill.ts';
import { escapeHtml } from '../site/html.ts';
import { COOKIES_PATH, NOTICE_PATH } from '../site/routes.ts';

export type { ConsentTexts } from './declaration.ts';

/** The addresses the texts' `{cookiesPath}` and `{noticePath}` placeholders link to. */
const LINK_PATHS = { cookiesPath: COOKIES_PATH, noticePath: NOTICE_PATH };

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
	return declaration.categories.filter((category) => isRefusedByGpc(category, gpc));
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
		...(gpcRefused ? [gpcLockedNote(texts)] : []),
	].join(' ');
}

/** The banner's note for a browser that sends Global Privacy Control: what GPC refuses. */
export function gpcBannerNote(texts: ConsentTexts, declaration: ConsentDeclaration): string {
	const refused = gpcRefusedCategories(true, declaration);
	return refused.length
		? ` <strong>${fill(texts.banner.gpc, { categories: refused.map((category) => escapeHtml(category.name)).join(', ') })}</strong>`
		: '';
}

/** What a category's preferences section adds when Global Privacy Control refuses it. */
export function gpcLockedNote(texts: ConsentTexts): string {
	return `<strong>${texts.preferences.gpcLocked}</strong>`;
}

/** The banner's description as a visitor reads it (with the GPC note when `gpc`), before any change note. */
export function bannerDescription(source: WidgetSource, gpc: boolean): string {
	const { declaration, texts } = source;
	const optional = refusableCategories(declaration)
		.map((category) => `${escapeHtml(category.name)} (${category.services.map((s) => escapeHtml(s.name)).join(', ')})`)
		.join(', ');
	return `${fill(texts.banner.description, { optional })}${gpc ? gpcBannerNote(texts, declaration) : ''}`;
}

/** The banner's texts; `gpc` for a browser that sends Global Privacy Control. */
export function bannerTexts(source: WidgetSource, gpc: boolean): BannerTexts {
	const { texts } = source;
	return {
		label: texts.banner.label,
		title: texts.banner.title,
		// The widget puts the change note in its slot only for a returning visitor asked again.
		description: `${bannerDescription(source, gpc)} {{revisionMessage}}`,
		revisionMessage: fill(texts.banner.changed, { note: escapeHtml(source.changeNote) }),
		acceptAllBtn: texts.buttons.acceptAll,
		acceptNecessaryBtn: texts.buttons.rejectAll,
		showPreferencesBtn: texts.buttons.settings,
		closeIconLabel: texts.banner.close,
		footer: fill(texts.banner.links, LINK_PATHS),
	};
}

/** The preferences dialog's title and buttons: everything of it but its sections. */
export function preferencesFrame(source: WidgetSource): PreferencesFrame {
	const { texts } = source;
	return {
		title: texts.preferences.title,
		acceptAllBtn: texts.buttons.acceptAll,
		acceptNecessaryBtn: texts.buttons.rejectAll,
		savePreferencesBtn: texts.buttons.save,
		closeIconLabel: texts.preferences.close,
	};
}

/** The preferences' sections: the introduction, then each category with its toggle, description and cookies. */
export function preferencesSections(source: WidgetSource, gpc: boolean): PreferencesSections {
	const { declaration, texts } = source;
	const gpcRefused = new Set(gpcRefusedCategories(gpc, declaration).map((category) => category.id));
	return [
		{
			description: `${texts.preferences.intro} ${fill(texts.preferences.more, LINK_PATHS)}`,
		},
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
	];
}

/** The widget's options that are no texts: how it asks, what it stores, which toggles it shows. */
export function widgetOptions(source: WidgetSource): WidgetOptions {
	const { declaration } = source;
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
	};
}
