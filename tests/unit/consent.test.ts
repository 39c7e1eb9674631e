import { readFileSync } from 'node:fs';
import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import {
	categoryCookies,
	consentLifetimeDays,
	consentRevision,
	cspServices,
	isTrustworthyRecord as trusts,
	SERVICE_ACCOUNTS,
	type ConsentDeclaration,
} from '../../src/lib/consent/declaration.ts';
import { autoClearCookies, consentConfig, serviceHosts as hostsOf } from '../support/consent.ts';
import {
	cookieRows,
	escapeHtml,
	formatLifetime,
	gpcRefusedCategories,
	type WidgetSource,
} from '../../src/lib/consent/config.ts';
import { widgetSource } from '../../src/lib/consent/history.ts';
import { cspConfig } from '../../src/lib/site/csp.ts';
import { siteConsent } from '../support/consent.ts';

/**
 * The revision every stored consent carries, and why a returning visitor is asked again. When
 * this test fails, a version that asks every visitor again was added to content/evasteet/:
 * check that it had to (its changes are material), then update both values here deliberately.
 */
const RECORDED = {
	revision: 3769592908,
	changeNote: 'Evästeet ja niiden käyttötarkoitukset on nyt kuvattu tällä sivustolla.',
};

// The cookie information in force on the published site.
const history = siteConsent('published');
const source: WidgetSource = widgetSource(history);
const CONSENT = source.declaration;
const { texts } = source;
const CONSENT_LIFETIME_DAYS = consentLifetimeDays(CONSENT);
const consentRevisionNow = () => source.revision;
const serviceHosts = () => hostsOf(CONSENT);
const CONSENT_SERVICES = cspServices(CONSENT);
const isTrustworthyRecord = (value: unknown, now: number) =>
	trusts(value, now, {
		declaration: CONSENT,
		revision: source.revision,
		versions: history.agreeable.map((version) => version.date),
	});
const seed = readFileSync('content/tietosuojaseloste/2018-03-11.mdx', 'utf8');
type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };
const copy = () => structuredClone(CONSENT) as DeepMutable<ConsentDeclaration>;
const byId = <D extends ConsentDeclaration | DeepMutable<ConsentDeclaration>>(declaration: D, id: string) =>
	(declaration.categories as D['categories'][number][]).find((c) => c.id === id)!;

describe('the consent revision', () => {
	it('is the recorded one, with the recorded change note', () => {
		expect({ revision: consentRevisionNow(), changeNote: source.changeNote }).toEqual(RECORDED);
	});

	it('is that of the declaration in force, which asked everyone when it was published', () => {
		expect(consentRevision(CONSENT)).toBe(RECORDED.revision);
		expect(history.current.reasked).toBe(true);
	});

	it.each<[string, (declaration: DeepMutable<ConsentDeclaration>) => void]>([
		['a category purpose', (d) => void (byId(d, 'analytics').purpose += ' Lisäksi.')],
		['a category name', (d) => void (byId(d, 'marketing').name = 'Mainonta')],
		['whether a category can be refused', (d) => void (byId(d, 'analytics').refusable = false)],
		['a consent mode signal', (d) => void (byId(d, 'analytics').consentMode = [])],
		['a service script', (d) => void (byId(d, 'analytics').services[0]!.script += '&x=1')],
		['a service provider', (d) => void (byId(d, 'marketing').services[0]!.provider = 'Meta Platforms, Inc.')],
		['a service host', (d) => void (byId(d, 'marketing').services[0]!.hosts.img = ['https://example.com'])],
		['a cookie lifetime', (d) => void (byId(d, 'analytics').services[0]!.cookies[0]!.lifetimeDays = 730)],
		['a cookie purpose', (d) => void (byId(d, 'marketing').services[0]!.cookies[0]!.purpose = 'Muu.')],
		[
			'a new cookie',
			(d) => void byId(d, 'necessary').cookies.push({ name: 'x', prefix: false, lifetimeDays: 1, purpose: 'x' }),
		],
		[
			'a new service',
			(d) => void byId(d, 'analytics').services.push({ ...byId(d, 'analytics').services[0]!, id: 'other' }),
		],
		['the consent cookie', (d) => void (d.consentCookie = 'other')],
	])('of a declaration changes when %s changes', (_, change) => {
		const changed = copy();
		change(changed);
		expect(consentRevision(changed)).not.toBe(consentRevision(CONSENT));
	});

	it('is a non-negative 32-bit number, as the widget requires', () => {
		expect(Number.isInteger(consentRevisionNow())).toBe(true);
		expect(consentRevisionNow()).toBeGreaterThanOrEqual(0);
		expect(consentRevisionNow()).toBeLessThan(2 ** 32);
	});
});

describe('the declaration', () => {
	it.each(CONSENT.categories.map((category) => [category.id, category] as const))(
		'%s quotes the notice word for word, from the section it names',
		(_, category) => {
			// The seed's sections by the ids their headings get on the page.
			const sections = new Map(
				seed
					.split(/^## /m)
					.slice(1)
					.map((section) => {
						const [heading = '', ...body] = section.split('\n');
						return [slug(heading.trim()), body.join('\n')] as const;
					}),
			);
			expect(sections.get(category.noticeSection)).toContain(category.noticeQuote);
		},
	);

	it('keeps necessary to the consent record alone, unrefusable and without third parties', () => {
		const necessary = byId(CONSENT, 'necessary');
		expect(necessary.refusable).toBe(false);
		expect(necessary.services).toEqual([]);
		expect(categoryCookies(necessary).map((cookie) => cookie.name)).toEqual([CONSENT.consentCookie]);
		expect(necessary.cookies[0]!.lifetimeDays).toBe(CONSENT_LIFETIME_DAYS);
	});

	it('keeps the consent record to six months at most', () => {
		expect(CONSENT_LIFETIME_DAYS).toBeLessThanOrEqual(183);
	});

	it('lets GPC refuse marketing only', () => {
		expect(gpcRefusedCategories(true, CONSENT).map((category) => category.id)).toEqual(['marketing']);
		expect(gpcRefusedCategories(false, CONSENT)).toEqual([]);
	});

	it('configures GA4 with the account its script and cookie name carry', () => {
		const ga4 = byId(CONSENT, 'analytics').services.find((service) => service.id === 'ga4')!;
		expect(new URL(ga4.script).searchParams.get('id')).toBe(SERVICE_ACCOUNTS.ga4);
		expect(ga4.cookies.map((cookie) => cookie.name)).toContain(`_ga_${SERVICE_ACCOUNTS.ga4.slice(2)}`);
	});
});

describe('derived: the widget configuration', () => {
	const config = consentConfig(source, { gpc: false });
	const fi = config.language.translations['fi'] as Exclude<
		(typeof config.language.translations)[string],
		string | (() => unknown)
	>;

	it('asks first, shows itself to automated browsers too, and keeps the page usable', () => {
		expect(config).toMatchObject({
			mode: 'opt-in',
			revision: RECORDED.revision,
			hideFromBots: false,
			disablePageInteraction: false,
			autoClearCookies: false,
			manageScriptTags: false,
		});
	});

	it('stores the choice in a first-party Lax cookie, Secure on https, for six months at most', () => {
		expect(config.cookie).toEqual({
			name: 'cc_cookie',
			sameSite: 'Lax',
			secure: true,
			expiresAfterDays: CONSENT_LIFETIME_DAYS,
		});
	});

	it('has one toggle per category, necessary locked on, the rest off', () => {
		expect(config.categories).toEqual({
			necessary: { enabled: true, readOnly: true },
			analytics: {},
			marketing: {},
		});
		expect(fi.preferencesModal.sections.map((section) => section.linkedCategory)).toEqual([
			undefined,
			'necessary',
			'analytics',
			'marketing',
		]);
	});

	it('offers accept all, reject all and settings on the first layer, and a ✕ that is necessary only', () => {
		expect(fi.consentModal).toMatchObject({
			acceptAllBtn: 'Hyväksy kaikki',
			acceptNecessaryBtn: 'Hylkää kaikki',
			showPreferencesBtn: 'Asetukset',
			closeIconLabel: 'Sulje: vain välttämättömät',
		});
		expect(config.guiOptions?.consentModal?.equalWeightButtons).toBe(true);
	});

	it('names every optional category and service in the banner, and the change note on a new revision', () => {
		expect(fi.consentModal.description).toContain('Analytiikka (Google Analytics 4), Markkinointi (Meta-pikseli)');
		expect(fi.consentModal.description).toContain('{{revisionMessage}}');
		expect(fi.consentModal.revisionMessage).toBe(
			`Evästeilmoitus on muuttunut: ${RECORDED.changeNote} Siksi kysymme valintaasi uudelleen.`,
		);
		expect(fi.consentModal.description).not.toContain('Global Privacy Control');
	});

	it('says in the banner and the marketing section when GPC refuses marketing', () => {
		const gpc = consentConfig(source, { gpc: true }).language.translations['fi'] as typeof fi;
		expect(gpc.consentModal.description).toContain(
			'Global Privacy Control (GPC) -signaalin, joten seuraavat on hylätty, vaikka valitsisit Hyväksy kaikki: Markkinointi.',
		);
		const [, necessary, analytics, marketing] = gpc.preferencesModal.sections;
		expect(marketing!.description).toContain(texts.preferences.gpcLocked);
		for (const section of [necessary, analytics])
			expect(section!.description).not.toContain(texts.preferences.gpcLocked);
	});

	it('lists in the preferences every cookie with who gets it and for how long', () => {
		const tables = fi.preferencesModal.sections.slice(1).map((section) => section.cookieTable?.body);
		expect(tables).toEqual([
			[{ name: 'cc_cookie', party: 'Solinum Oy', lifetime: '6 kuukautta', purpose: expect.any(String) }],
			[
				{
					name: '_ga',
					party: 'Google Analytics 4 (Google Ireland Limited)',
					lifetime: '13 kuukautta',
					purpose: expect.any(String),
				},
				{
					name: '_ga_5LQ8XK2W7N',
					party: 'Google Analytics 4 (Google Ireland Limited)',
					lifetime: '13 kuukautta',
					purpose: expect.any(String),
				},
			],
			[
				{
					name: '_fbp',
					party: 'Meta-pikseli (Meta Platforms Ireland Limited)',
					lifetime: '3 kuukautta',
					purpose: expect.any(String),
				},
				{
					name: '_fbc',
					party: 'Meta-pikseli (Meta Platforms Ireland Limited)',
					lifetime: '3 kuukautta',
					purpose: expect.any(String),
				},
			],
		]);
		expect(fi.preferencesModal.sections[2]!.description).toContain('https://policies.google.com/privacy?hl=fi');
	});

	it('escapes declared text, since the widget writes it as HTML', () => {
		const declaration = copy();
		declaration.categories[1]!.purpose = 'a <b> & "c"';
		const section = (consentConfig({ ...source, declaration }, { gpc: false }).language.translations['fi'] as typeof fi)
			.preferencesModal.sections[2]!;
		expect(section.description).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
		expect(escapeHtml(`<'>`)).toBe('&lt;&#39;&gt;');
	});
});

describe('derived: autoClear lists, lifetimes, rows and CSP hosts', () => {
	it.each([
		['necessary', ['cc_cookie']],
		['analytics', ['_ga', '_ga_5LQ8XK2W7N']],
		['marketing', ['_fbp', '_fbc']],
	])('%s clears %j', (id, names) => {
		expect(autoClearCookies(byId(CONSENT, id))).toEqual(names.map((name) => ({ name })));
	});

	it('turns a prefix cookie into an anchored pattern', () => {
		const category = {
			...byId(CONSENT, 'analytics'),
			services: [],
			cookies: [{ name: '_gac_', prefix: true, lifetimeDays: 90, purpose: 'x' }],
		};
		const [matcher] = autoClearCookies(category);
		expect(matcher!.name).toEqual(/^_gac_/);
		expect(cookieRows(texts, category)[0]!.name).toBe('_gac_…');
	});

	it.each([
		[1, '1 päivä'],
		[14, '14 päivää'],
		[30, '1 kuukausi'],
		[90, '3 kuukautta'],
		[182, '6 kuukautta'],
		[395, '13 kuukautta'],
	])('writes %i days as "%s"', (days, words) => {
		expect(formatLifetime(texts, days)).toBe(words);
	});

	it('lists each third-party host once per CSP directive', () => {
		expect(serviceHosts()).toEqual({
			script: ['https://connect.facebook.net', 'https://www.googletagmanager.com'],
			connect: [
				'https://analytics.google.com',
				'https://connect.facebook.net',
				'https://region1.analytics.google.com',
				'https://region1.google-analytics.com',
				'https://www.facebook.com',
				'https://www.google-analytics.com',
				'https://www.googletagmanager.com',
			],
			img: ['https://www.facebook.com', 'https://www.google-analytics.com', 'https://www.googletagmanager.com'],
			frame: [],
		});
		expect(CONSENT_SERVICES.map((service) => [service.id, service.category])).toEqual([
			['ga4', 'analytics'],
			['meta-pixel', 'marketing'],
		]);
		// Every script the widget loads is allowed by the CSP derived from the same list.
		const csp = cspConfig(CONSENT_SERVICES);
		for (const service of CONSENT_SERVICES) {
			const origin = new URL(byId(CONSENT, service.category).services.find((s) => s.id === service.id)!.script).origin;
			expect(csp.scriptDirective.resources).toContain(origin);
		}
	});
});

describe('a stored consent record', () => {
	const now = Date.parse('2026-11-25T10:00:00Z');
	const day = 86_400_000;
	const good = {
		categories: ['necessary', 'analytics'],
		revision: RECORDED.revision,
		consentId: '3b241101-e2bb-4255-8caf-4136c566a962',
		consentTimestamp: new Date(now - 10 * day).toISOString(),
		lastConsentTimestamp: new Date(now - 2 * day).toISOString(),
		expirationTime: now - 2 * day + CONSENT_LIFETIME_DAYS * day,
	};

	it('is trusted as the widget writes it', () => {
		expect(isTrustworthyRecord(good, now)).toBe(true);
	});

	it.each<[string, unknown]>([
		['no version (made before versions were kept)', { ...good, data: null }],
		['the version in force', { ...good, data: { version: '2026-11-25', gpc: false } }],
		[
			'a version of an older revision, which the widget then asks about again',
			{ ...good, revision: 1, data: { version: '2001-01-01' } },
		],
	])('is trusted naming %s', (_, value) => {
		expect(isTrustworthyRecord(value, now)).toBe(true);
	});

	it.each<[string, unknown]>([
		['nothing', undefined],
		['a string', 'x'],
		['null', null],
		['categories that are not a list', { ...good, categories: 'analytics' }],
		['an unknown category', { ...good, categories: ['necessary', 'all'] }],
		['a revision that is not a number', { ...good, revision: '1' }],
		['a consent id that is not a UUID', { ...good, consentId: 'abc' }],
		['an unreadable timestamp', { ...good, lastConsentTimestamp: 'yesterday' }],
		['a last consent before the first', { ...good, consentTimestamp: new Date(now).toISOString() }],
		['a consent from the future', { ...good, lastConsentTimestamp: new Date(now + day).toISOString() }],
		[
			'a consent older than its lifetime',
			{
				...good,
				lastConsentTimestamp: new Date(now - 200 * day).toISOString(),
				consentTimestamp: new Date(now - 300 * day).toISOString(),
			},
		],
		['an expiry in the past', { ...good, expirationTime: now - 1 }],
		['an expiry beyond the lifetime', { ...good, expirationTime: now + 400 * day }],
		['a version this revision never had', { ...good, data: { version: '2027-01-01' } }],
		[
			'a Global Privacy Control flag that is not true or false',
			{ ...good, data: { version: '2026-11-25', gpc: 'yes' } },
		],
	])('is not trusted with %s', (_, value) => {
		expect(isTrustworthyRecord(value, now)).toBe(false);
	});
});
