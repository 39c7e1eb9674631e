// A consent record as the widget writes it, for browser tests that are not about consent and
// want the page without the banner (and for the consent tests, which spoil it field by field);
// and each test site's cookie information, as its build read it.
import type { BrowserContext } from '@playwright/test';
import {
	categoryCookies,
	consentLifetimeDays,
	declaredServices,
	type ConsentDeclaration,
	type DeclaredCategory,
} from '../../src/lib/consent/declaration.ts';
import { bannerTexts, preferencesFrame, preferencesSections, widgetOptions } from '../../src/lib/consent/config.ts';
import type { WidgetSource } from '../../src/lib/consent/config.ts';
import { cookieMatcher, widgetConfig, type ConsentConfig } from '../../src/lib/consent/runtime.ts';
import type { HostDirective } from '../../src/lib/consent/schema.ts';
import type { ConsentHistory } from '../../src/lib/consent/history.ts';
import { checkConsentHistory, describeConsentProblems } from '../../src/lib/consent/versions-node.ts';
import { DEFAULT_CONSENT_DIR } from '../../src/lib/site/settings-node.ts';
import { testSite, type TestSiteName } from './sites.ts';

/** A test site's cookie information as of its build date: the versions it publishes and the one in force. */
export function siteConsent(name: TestSiteName): ConsentHistory {
	const site = testSite(name);
	const folder = site.consentDir ?? DEFAULT_CONSENT_DIR;
	const { history, problems } = checkConsentHistory(folder, site.buildDate);
	if (!history) throw new Error(describeConsentProblems(folder, problems));
	return history;
}

/**
 * The whole configuration a browser without or with Global Privacy Control ends up running the
 * widget with, put together here straight from the builders (the browser gets it in parts).
 */
export function consentConfig(source: WidgetSource, browser: { gpc: boolean }): ConsentConfig {
	return widgetConfig(
		{ options: widgetOptions(source), banner: bannerTexts(source, browser.gpc), preferences: preferencesFrame(source) },
		preferencesSections(source, browser.gpc),
	);
}

/** The published site's: the real content/evasteet. */
const published = siteConsent('published');

/** A stored consent record: "necessary only" under the real version in force unless `overrides` say otherwise. */
export function consentRecord(overrides: Record<string, unknown> = {}, now = Date.now()) {
	const at = new Date(now).toISOString();
	return {
		categories: ['necessary'],
		revision: published.current.revision,
		data: null,
		consentTimestamp: at,
		consentId: '3b241101-e2bb-4255-8caf-4136c566a962',
		services: { necessary: [], analytics: [], marketing: [] },
		languageCode: 'fi',
		lastConsentTimestamp: at,
		expirationTime: now + consentLifetimeDays(published.current.declaration) * 86_400_000,
		...overrides,
	};
}

/** Stores `value` (a record, or raw text) as the consent cookie for the test sites' host. */
export async function storeConsent(context: BrowserContext, value: unknown = consentRecord()): Promise<void> {
	await context.addCookies([
		{
			name: published.current.declaration.consentCookie,
			value: typeof value === 'string' ? value : encodeURIComponent(JSON.stringify(value)),
			domain: '127.0.0.1',
			path: '/',
			sameSite: 'Lax',
			expires: Math.floor(Date.now() / 1000) + 86_400,
		},
	]);
}

/** The cookie matchers to delete when a category is refused or withdrawn. */
export function autoClearCookies(category: DeclaredCategory): { name: string | RegExp }[] {
	return categoryCookies(category).map((cookie) => ({ name: cookieMatcher(cookie) }));
}

/** The third-party origins the declared services need, per CSP directive, sorted and unique. */
export function serviceHosts(declaration: ConsentDeclaration): Record<HostDirective, string[]> {
	const result: Record<HostDirective, string[]> = { script: [], connect: [], img: [], frame: [] };
	for (const service of declaredServices(declaration)) {
		for (const directive of Object.keys(result) as HostDirective[]) {
			result[directive].push(...(service.hosts[directive] ?? []));
		}
	}
	for (const directive of Object.keys(result) as HostDirective[]) {
		result[directive] = [...new Set(result[directive])].sort();
	}
	return result;
}
