import type { Translation } from 'vanilla-cookieconsent';
import { describe, expect, it } from 'vitest';
import { SERVICE_ACCOUNTS } from '../../src/lib/consent/declaration.ts';
import { autoClearCookies, consentConfig } from '../support/consent.ts';
import { receiptData, widgetSource, widgetVersions } from '../../src/lib/consent/history.ts';
import { browserConfig } from '../../src/lib/consent/runtime.ts';
import { recordTexts, widgetBoot, widgetPreferences } from '../../src/lib/consent/widget.ts';
import { t } from '../../src/lib/site/i18n.ts';
import { siteConsent } from '../support/consent.ts';

const history = siteConsent('published');
const source = widgetSource(history);
const CONSENT = source.declaration;
const fi = (gpc: boolean) => consentConfig(source, { gpc }).language.translations['fi'] as Translation;

describe('what a first visit gets of the cookie information', () => {
	const boot = widgetBoot(source, widgetVersions(history));

	const preferences = widgetPreferences(
		source,
		recordTexts((key) => t(key)),
		receiptData(history, 'https://www.solinum.fi'),
	);
	// What the browser runs the widget with, once the sections it fetches are in.
	const inBrowser = (gpc: boolean) => browserConfig(boot, gpc, gpc ? preferences.gpc : preferences.plain);

	it('with the fetched sections, is the whole configuration for a browser without and with GPC', () => {
		expect(inBrowser(false)).toEqual(consentConfig(source, { gpc: false }));
		expect(inBrowser(true)).toEqual(consentConfig(source, { gpc: true }));
	});

	it('words the banner for the browser: a GPC browser is told what GPC refuses, before any change note', () => {
		const banner = (gpc: boolean) => (inBrowser(gpc).language.translations['fi'] as Translation).consentModal;
		expect(banner(false).description).toBe(fi(false).consentModal.description);
		expect(banner(true).description?.replace(banner(false).description!.split(' {{')[0]!, '…')).toMatchInlineSnapshot(
			`"… <strong>Selaimesi lähettää Global Privacy Control (GPC) -signaalin, joten seuraavat on hylätty, vaikka valitsisit Hyväksy kaikki: Markkinointi.</strong> {{revisionMessage}}"`,
		);
	});

	it('holds no preferences section: not one text of the categories beyond their names', () => {
		expect(JSON.stringify(boot)).not.toContain(CONSENT.categories[1]!.noticeQuote);
		expect(JSON.stringify(boot)).not.toContain(CONSENT.categories[1]!.purpose);
		expect(boot.preferencesFrame).not.toHaveProperty('sections');
	});

	it('carries what enforcement needs, derived from the declaration', () => {
		expect(
			boot.categories.map((category) => [category.id, category.services.map((service) => service.script)]),
		).toEqual(CONSENT.categories.map((category) => [category.id, category.services.map((service) => service.script)]));
		expect(boot.categories.map((category) => category.clear.map((cookie) => cookie.name))).toEqual(
			CONSENT.categories.map((category) => autoClearCookies(category).map((cookie) => String(cookie.name))),
		);
		expect(boot.accounts).toEqual(SERVICE_ACCOUNTS);
		expect(boot.categories.find((category) => category.id === 'analytics')?.services[0]?.cookieDays).toBe(395);
		expect(boot.options.cookie).toMatchObject({ name: 'cc_cookie', expiresAfterDays: 182 });
	});

	it('names the version a choice made now is recorded under, and those a record may name', () => {
		expect({ version: boot.version, versions: boot.versions }).toEqual({
			version: '2026-11-25',
			versions: ['2026-11-25'],
		});
	});
});

describe('the preferences, fetched when first reached for', () => {
	const preferences = widgetPreferences(
		source,
		recordTexts((key) => t(key)),
		receiptData(history, 'https://www.solinum.fi'),
	);

	it('hold the sections the configuration has, without and with GPC', () => {
		expect(preferences.plain).toEqual(fi(false).preferencesModal.sections);
		expect(preferences.gpc).toEqual(fi(true).preferencesModal.sections);
		expect(preferences.record['consent.record.title']).toBe(t('consent.record.title'));
		expect(preferences.record['consent.record.receipt']).toBe('Lataa kuitti');
	});

	it('hold what the record and its receipt name: each version a record may name, with its fingerprint, and the services', () => {
		expect(preferences.receipt).toEqual({
			site: 'https://www.solinum.fi/',
			versions: {
				'2026-11-25': {
					label: '25.11.2026',
					path: '/evasteet/2026-11-25/',
					url: 'https://www.solinum.fi/evasteet/2026-11-25/',
					sourceUrl: 'https://www.solinum.fi/evasteet/2026-11-25/2026-11-25.yaml',
					sha256: history.current.sha256,
				},
			},
			services: {
				ga4: { name: 'Google Analytics 4', provider: 'Google Ireland Limited' },
				'meta-pixel': { name: 'Meta-pikseli', provider: 'Meta Platforms Ireland Limited' },
			},
		});
	});
});
