import { cookieMatcher, isTrustworthyRecord as isTrustworthy, type ConsentRecord } from './consent-runtime.ts';

/**
 * The one declaration of what the site may store or load in a visitor's browser, and why.
 * The consent widget's configuration and texts, the scripts it lets run, the cookies it
 * deletes, the cookie page /evasteet/ and the CSP's third-party hosts all derive from it:
 * adding a service means adding it here and nowhere else.
 */

/** The CSP fetch directives a third-party service needs hosts in (see src/lib/csp.ts). */
export type HostDirective = 'script' | 'connect' | 'img' | 'frame';

/** The Consent Mode v2 signals Google's tags read; each belongs to one category. */
export type ConsentModeSignal = 'analytics_storage' | 'ad_storage' | 'ad_user_data' | 'ad_personalization';

/** A cookie a category's services (or the site itself) may set. */
export interface DeclaredCookie {
	/** Its exact name; with `prefix`, the start of every name it may take. */
	name: string;
	/** True when `name` is a prefix (e.g. a name that ends with an account id). */
	prefix?: boolean;
	/** How long it stays, in days: the cookie page and the services' settings use it. */
	lifetimeDays: number;
	/** What it is for, in Finnish. */
	purpose: string;
}

/** A third party that a category lets run. */
export interface DeclaredService {
	/** A stable key: the widget stores it in the consent record. */
	id: string;
	/** The name a visitor knows it by. */
	name: string;
	/** Who runs it and receives the data. */
	provider: string;
	/** The one script the service loads; nothing of it is requested before consent. */
	script: string;
	/** The provider's privacy policy. */
	privacyPolicy: string;
	/** Third-party origins per CSP directive, exactly as the service reaches them. */
	hosts: Partial<Record<HostDirective, readonly string[]>>;
	/** The cookies it sets on our domain. */
	cookies: readonly DeclaredCookie[];
}

/** A purpose a visitor can accept or refuse as a whole. */
export interface DeclaredCategory {
	/** A stable key: the widget stores it in the consent record. */
	id: 'necessary' | 'analytics' | 'marketing';
	/** Its Finnish name. */
	name: string;
	/** What it is for, in our own words. */
	purpose: string;
	/** The notice's own words for this purpose, verbatim (a unit test checks them against the seed). */
	noticeQuote: string;
	/** The notice section the quote is from (its heading's id). */
	noticeSection: string;
	/** False only for what the site cannot work without; such a category is never asked. */
	refusable: boolean;
	/** Refused by default when the browser sends Global Privacy Control. */
	refusedByGpc: boolean;
	/** Consent Mode signals that follow this category. */
	consentMode: readonly ConsentModeSignal[];
	/** The third parties it lets run. */
	services: readonly DeclaredService[];
	/** Cookies of the site itself in this category (the services' cookies are listed with them). */
	cookies: readonly DeclaredCookie[];
}

/** The whole declaration. */
export interface ConsentDeclaration {
	/** The cookie that records the visitor's choice. */
	consentCookie: string;
	/**
	 * What changed since the previous declaration, shown to returning visitors when they are
	 * asked again. Rewrite it whenever the revision changes.
	 */
	changeNote: string;
	categories: readonly DeclaredCategory[];
}

// Placeholders until Solinum Oy gives its own: the formats are the services' real ones.
const GA_MEASUREMENT_ID = 'G-5LQ8XK2W7N';
const META_PIXEL_ID = '718293640512837';

/** Days the consent record is kept: six months at most, as the regulators expect. */
export const CONSENT_LIFETIME_DAYS = 182;

/** The first-party cookie that holds the consent record (the widget's own). */
export const CONSENT_COOKIE = 'cc_cookie';

/** The declaration itself. */
export const CONSENT: ConsentDeclaration = {
	consentCookie: CONSENT_COOKIE,
	changeNote: 'Evästeet ja niiden käyttötarkoitukset on nyt kuvattu tällä sivustolla.',
	categories: [
		{
			id: 'necessary',
			name: 'Välttämättömät',
			purpose:
				'Sivusto toimii ja pysyy turvallisena. Palvelimemme kirjaa pyyntöjen tiedot lokiin väärinkäytösten havaitsemiseksi; selaimeesi tallennetaan vain tämä evästevalintasi.',
			noticeQuote:
				'URL-osoitteet, IP-osoitteet ja kellonajat, joita keräämme mahdollisten väärinkäyttöyritysten toteamiseksi ja tietoturvan parantamiseksi.',
			noticeSection: 'muiden-kuin-henkilökohtaisten-tietojen-kerääminen-ja-käyttö',
			refusable: false,
			refusedByGpc: false,
			consentMode: [],
			services: [],
			cookies: [
				{
					name: CONSENT_COOKIE,
					lifetimeDays: CONSENT_LIFETIME_DAYS,
					purpose:
						'Tallentaa evästevalintasi, sen ajankohdan ja tunnisteen, jotta emme kysy uudelleen ja voimme osoittaa, mitä valitsit.',
				},
			],
		},
		{
			id: 'analytics',
			name: 'Analytiikka',
			purpose:
				'Mittaamme, miten sivustoa käytetään ja millaisilla selaimilla, kehittääksemme sivustoa ja palveluitamme.',
			noticeQuote:
				'Tuotteittemme ja palvelujemme käyttötavat, joita keräämme tuotteiden ja palvelujen kehittämiseksi.',
			noticeSection: 'muiden-kuin-henkilökohtaisten-tietojen-kerääminen-ja-käyttö',
			refusable: true,
			refusedByGpc: false,
			consentMode: ['analytics_storage'],
			services: [
				{
					id: 'ga4',
					name: 'Google Analytics 4',
					provider: 'Google Ireland Limited',
					script: `https://www.googletagmanager.com/gtag/js?id=${GA_MEASUREMENT_ID}`,
					privacyPolicy: 'https://policies.google.com/privacy?hl=fi',
					hosts: {
						script: ['https://www.googletagmanager.com'],
						connect: [
							'https://www.google-analytics.com',
							'https://region1.google-analytics.com',
							'https://analytics.google.com',
							'https://region1.analytics.google.com',
							'https://www.googletagmanager.com',
						],
						img: ['https://www.google-analytics.com', 'https://www.googletagmanager.com'],
					},
					cookies: [
						{
							name: '_ga',
							lifetimeDays: 395,
							purpose: 'Erottaa kävijät toisistaan satunnaisella tunnisteella käyntien tilastointia varten.',
						},
						{
							name: `_ga_${GA_MEASUREMENT_ID.slice(2)}`,
							lifetimeDays: 395,
							purpose: 'Pitää kirjaa käynnin tilasta (istunto ja sivujen lukumäärä) käyntien tilastointia varten.',
						},
					],
				},
			],
			cookies: [],
		},
		{
			id: 'marketing',
			name: 'Markkinointi',
			purpose:
				'Kohdennamme markkinointiamme ja mittaamme sen tuloksia kolmannen osapuolen palvelussa (Facebook).',
			noticeQuote:
				'Evästeet ja muut verkkosivustotekniikat, joiden avulla pyrimme parantamaan viestintäämme ja kohdentamaan markkinointiamme.',
			noticeSection: 'muiden-kuin-henkilökohtaisten-tietojen-kerääminen-ja-käyttö',
			refusable: true,
			refusedByGpc: true,
			consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
			services: [
				{
					id: 'meta-pixel',
					name: 'Meta-pikseli',
					provider: 'Meta Platforms Ireland Limited',
					script: 'https://connect.facebook.net/fi_FI/fbevents.js',
					privacyPolicy: 'https://www.facebook.com/privacy/policy/',
					hosts: {
						script: ['https://connect.facebook.net'],
						connect: ['https://www.facebook.com', 'https://connect.facebook.net'],
						img: ['https://www.facebook.com'],
					},
					cookies: [
						{
							name: '_fbp',
							lifetimeDays: 90,
							purpose: 'Tunnistaa selaimen, jotta Meta voi kohdentaa ja mitata mainoksiamme.',
						},
						{
							name: '_fbc',
							lifetimeDays: 90,
							purpose: 'Tallentaa, minkä Facebook-mainoksen kautta tulit sivustolle.',
						},
					],
				},
			],
			cookies: [],
		},
	],
};

/** Ids of the tags the services are configured with (used by the scripts that start them). */
export const SERVICE_ACCOUNTS = { ga4: GA_MEASUREMENT_ID, metaPixel: META_PIXEL_ID } as const;

/** Every cookie a category may set: its own and its services'. */
export function categoryCookies(category: DeclaredCategory): DeclaredCookie[] {
	return [...category.cookies, ...category.services.flatMap((service) => service.cookies)];
}

/** The cookie matchers to delete when a category is refused or withdrawn. */
export function autoClearCookies(category: DeclaredCategory): { name: string | RegExp }[] {
	return categoryCookies(category).map((cookie) => ({ name: cookieMatcher(cookie) }));
}

/** Every declared service, with its category, for the CSP and the script loader. */
export function declaredServices(declaration: ConsentDeclaration = CONSENT): (DeclaredService & { category: DeclaredCategory['id'] })[] {
	return declaration.categories.flatMap((category) =>
		category.services.map((service) => ({ ...service, category: category.id })),
	);
}

/** The services as src/lib/csp.ts takes them: one entry each, with its hosts per directive. */
export const CONSENT_SERVICES = declaredServices().map(({ id, category, hosts }) => ({ id, category, hosts }));

/** The third-party origins the declared services need, per CSP directive, sorted and unique. */
export function serviceHosts(declaration: ConsentDeclaration = CONSENT): Record<HostDirective, string[]> {
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

/**
 * The declaration reduced to what a visitor consents to: categories, services, cookies and
 * their purposes. Code and the change note are left out; key order is fixed by construction.
 */
export function declarationFingerprintSource(declaration: ConsentDeclaration = CONSENT): string {
	return JSON.stringify({
		consentCookie: declaration.consentCookie,
		categories: declaration.categories.map((category) => ({
			id: category.id,
			name: category.name,
			purpose: category.purpose,
			noticeQuote: category.noticeQuote,
			refusable: category.refusable,
			refusedByGpc: category.refusedByGpc,
			consentMode: category.consentMode,
			cookies: category.cookies.map(cookieSource),
			services: category.services.map((service) => ({
				id: service.id,
				name: service.name,
				provider: service.provider,
				script: service.script,
				privacyPolicy: service.privacyPolicy,
				hosts: Object.fromEntries(Object.entries(service.hosts).sort(([a], [b]) => a.localeCompare(b))),
				cookies: service.cookies.map(cookieSource),
			})),
		})),
	});
}

function cookieSource(cookie: DeclaredCookie) {
	return { name: cookie.name, prefix: cookie.prefix ?? false, lifetimeDays: cookie.lifetimeDays, purpose: cookie.purpose };
}

/**
 * The consent revision: a 32-bit FNV-1a hash of the declaration, so that any change to what a
 * visitor agreed to invalidates their consent. FNV-1a is used because it runs synchronously in
 * the browser too (Web Crypto's digest is async) and the widget wants a plain number.
 */
export function consentRevision(declaration: ConsentDeclaration = CONSENT): number {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(declarationFingerprintSource(declaration))) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export type { ConsentRecord } from './consent-runtime.ts';

/**
 * Whether a stored consent record (the parsed cookie value) can be trusted at `now`, judged
 * against the declaration's categories and consent lifetime (see src/lib/consent-runtime.ts).
 */
export function isTrustworthyRecord(
	value: unknown,
	now: number,
	declaration: ConsentDeclaration = CONSENT,
): value is ConsentRecord {
	return isTrustworthy(value, now, {
		categories: declaration.categories.map((category) => category.id),
		lifetimeDays: CONSENT_LIFETIME_DAYS,
	});
}
