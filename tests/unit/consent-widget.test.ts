import type { Translation } from 'vanilla-cookieconsent';
import { describe, expect, it } from 'vitest';
import { CONSENT, SERVICE_ACCOUNTS, autoClearCookies } from '../../src/lib/consent.ts';
import { consentConfig, widgetTexts } from '../../src/lib/consent-config.ts';
import { withGpcNote } from '../../src/lib/consent-runtime.ts';
import { widgetBoot, widgetPreferences } from '../../src/lib/consent-widget.ts';
import { t } from '../../src/lib/i18n.ts';

const texts = widgetTexts((key) => t(key));
const fi = (gpc: boolean) => consentConfig(texts, { gpc }).language.translations['fi'] as Translation;

describe('what a first visit gets of the declaration', () => {
	const boot = widgetBoot(texts);

	it('is the full configuration but for the preferences sections, which come later', () => {
		const expected = consentConfig(texts, { gpc: false });
		(expected.language.translations['fi'] as Translation).preferencesModal.sections = [];
		expect(boot.config).toEqual(expected);
		expect(JSON.stringify(boot)).not.toContain(CONSENT.categories[1]!.noticeQuote);
	});

	it('turns the banner into its GPC wording exactly as the configuration for a GPC browser does', () => {
		expect(withGpcNote(fi(false).consentModal.description ?? '', boot.gpcNote)).toBe(fi(true).consentModal.description);
	});

	it('carries what enforcement needs, derived from the declaration', () => {
		expect(boot.categories.map((category) => [category.id, category.services.map((service) => service.script)])).toEqual(
			CONSENT.categories.map((category) => [category.id, category.services.map((service) => service.script)]),
		);
		expect(boot.categories.map((category) => category.clear.map((cookie) => cookie.name))).toEqual(
			CONSENT.categories.map((category) => autoClearCookies(category).map((cookie) => String(cookie.name))),
		);
		expect(boot.accounts).toEqual(SERVICE_ACCOUNTS);
		expect(boot.categories.find((category) => category.id === 'analytics')?.services[0]?.cookieDays).toBe(395);
	});
});

describe('the preferences, fetched when first reached for', () => {
	it('hold the sections the configuration has, without and with GPC', () => {
		const preferences = widgetPreferences(texts);
		expect(preferences.plain).toEqual(fi(false).preferencesModal.sections);
		expect(preferences.gpc).toEqual(fi(true).preferencesModal.sections);
		expect(preferences.record['consent.record.title']).toBe(t('consent.record.title'));
	});
});
