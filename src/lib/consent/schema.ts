import { z } from 'astro/zod';
import { isIsoDate } from '../site/dates.ts';

/**
 * The format of one version of the cookie information: a dated file in `content/evasteet/`
 * (`YYYY-MM-DD.yaml` or `.json`) holding everything a visitor is shown and agrees to. Every
 * field an editor may write is here, with why it exists; any other field is refused, so that a
 * typo cannot silently drop information. Each field's description is also the hint the build
 * prints when the field is wrong (src/lib/consent/check-node.ts).
 *
 * Which fields are *material* (a change asks every visitor again) and which are wording is
 * decided in src/lib/consent/check-node.ts (`materialChanges`); the descriptions say which is which.
 */

const text = (description: string) => z.string().trim().min(1, { error: 'must not be empty' }).describe(description);

const isoDate = z
	.string({ error: 'must be a date written as YYYY-MM-DD' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD', abort: true })
	.refine(isIsoDate, { error: 'is not a real date' });

const slug = (description: string) =>
	z
		.string({ error: 'must be a short key' })
		.regex(/^[a-z][a-z0-9-]*$/, { error: 'must be a short key of lower-case letters, digits and "-"' })
		.describe(description);

const httpsUrl = (description: string) =>
	z
		.string({ error: 'must be an https:// address' })
		.refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
			error: 'must be an https:// address',
		})
		.describe(description);

/** A CSP source that is not a bare https origin would open more than the one service. */
const origin = z.string({ error: 'must be an https origin' }).regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/, {
	error: 'must be an https origin such as https://host.example (no path, no wildcard)',
});

const hostList = (directive: string) =>
	z.array(origin).describe(`the origins the service reaches with ${directive}, each as https://host.example`);

/** The Consent Mode v2 signals Google's tags read. */
export const CONSENT_MODE_SIGNALS = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'] as const;

/** A cookie a category's services (or the site itself) may set. */
const cookieSchema = z.strictObject({
	/**
	 * Its exact name; with `prefix`, the start of every name it may take. Material.
	 * @example name: _ga
	 */
	name: z
		.string({ error: 'must be a cookie name' })
		.regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, { error: 'must be a cookie name (letters, digits and _ - . only)' })
		.describe("the cookie's exact name, as the browser stores it: name: _ga"),
	/**
	 * True when `name` is only the start of the name (a name that ends with an account id). Material.
	 * @example prefix: true
	 */
	prefix: z
		.boolean({ error: 'must be true or false' })
		.default(false)
		.describe("true when the name is only the start of the cookie's name, otherwise leave it out"),
	/**
	 * How long it stays, in whole days. Material.
	 * @example lifetimeDays: 395
	 */
	lifetimeDays: z
		.number({ error: 'must be a number of days' })
		.int({ error: 'must be a whole number of days' })
		.positive({ error: 'must be at least 1' })
		.describe('how long the cookie stays, in whole days: lifetimeDays: 395'),
	/**
	 * What it does, in Finnish, within its category's purpose. Wording.
	 * @example purpose: Erottaa kävijät toisistaan satunnaisella tunnisteella.
	 */
	purpose: text('what the cookie does, in Finnish: purpose: Erottaa kävijät toisistaan.'),
});

/** A third party that a category lets run. */
const serviceSchema = z.strictObject({
	/**
	 * A stable key: the site's start code for the service is found by it. Material.
	 * @example id: ga4
	 */
	id: slug("a short key for the service, as the site's code knows it: id: ga4"),
	/**
	 * The name a visitor knows it by. Wording.
	 * @example name: Google Analytics 4
	 */
	name: text('the name a visitor knows the service by: name: Google Analytics 4'),
	/**
	 * Who runs it and receives the data. Material.
	 * @example provider: Google Ireland Limited
	 */
	provider: text('who runs the service and receives the data: provider: Google Ireland Limited'),
	/**
	 * The one script the service loads after consent; its origin must be in `hosts.script`. Material.
	 * @example script: https://www.googletagmanager.com/gtag/js?id=G-5LQ8XK2W7N
	 */
	script: httpsUrl('the one script the service loads after consent: script: https://…'),
	/**
	 * The provider's privacy policy, linked from the preferences. Wording.
	 * @example privacyPolicy: https://policies.google.com/privacy?hl=fi
	 */
	privacyPolicy: httpsUrl("the provider's privacy policy: privacyPolicy: https://…"),
	/**
	 * The third-party origins the service reaches, per CSP directive; the site's
	 * Content-Security-Policy allows exactly these. Material.
	 * @example hosts: { script: [https://www.googletagmanager.com] }
	 */
	hosts: z
		.strictObject({
			script: hostList('scripts').optional(),
			connect: hostList('fetch and beacons').optional(),
			img: hostList('images (tracking pixels)').optional(),
			frame: hostList('frames').optional(),
		})
		.describe(
			'the origins the service reaches, per kind: script, connect, img, frame, each a list of https://host.example',
		),
	/**
	 * The cookies it sets on our domain. Material (each cookie and its lifetime).
	 */
	cookies: z
		.array(cookieSchema)
		.default([])
		.describe('the cookies the service sets, each with name, lifetimeDays and purpose'),
});

/** A purpose a visitor can accept or refuse as a whole. */
const categorySchema = z.strictObject({
	/**
	 * A stable key: the consent record stores it. Material.
	 * @example id: analytics
	 */
	id: slug('a short key for the category, as the consent record stores it: id: analytics'),
	/**
	 * Its Finnish name. Wording.
	 * @example name: Analytiikka
	 */
	name: text("the category's Finnish name: name: Analytiikka"),
	/**
	 * What a visitor consents to, in our own words. Material: any change asks every visitor again.
	 * @example purpose: Mittaamme, miten sivustoa käytetään.
	 */
	purpose: text('what the visitor consents to, in Finnish: purpose: Mittaamme, miten sivustoa käytetään.'),
	/**
	 * The privacy notice's own words for this purpose, verbatim. Wording.
	 * @example noticeQuote: Tuotteittemme ja palvelujemme käyttötavat, …
	 */
	noticeQuote: text("the notice's own words for this purpose, copied exactly from the notice"),
	/**
	 * The notice section the quote is from: its heading's id on /tietosuojaseloste/. Wording.
	 * @example noticeSection: muiden-kuin-henkilökohtaisten-tietojen-kerääminen-ja-käyttö
	 */
	noticeSection: text('the id of the notice heading the quote is under, as in /tietosuojaseloste/#id'),
	/**
	 * False only for what the site cannot work without: such a category is always on. Material.
	 * @example refusable: true
	 */
	refusable: z
		.boolean({ error: 'must be true or false' })
		.describe('true when a visitor may refuse the category; false only for what the site cannot work without'),
	/**
	 * Refused when the browser sends Global Privacy Control, whatever the visitor clicks. Material.
	 * @example refusedByGpc: true
	 */
	refusedByGpc: z
		.boolean({ error: 'must be true or false' })
		.default(false)
		.describe('true when Global Privacy Control refuses the category; leave it out otherwise'),
	/**
	 * The Consent Mode v2 signals that follow this category. Material.
	 * @example consentMode: [analytics_storage]
	 */
	consentMode: z
		.array(z.enum(CONSENT_MODE_SIGNALS, { error: `must be one of ${CONSENT_MODE_SIGNALS.join(', ')}` }))
		.default([])
		.describe(`the Google Consent Mode signals granted with the category, from ${CONSENT_MODE_SIGNALS.join(', ')}`),
	/** The third parties it lets run. Material. */
	services: z.array(serviceSchema).default([]).describe('the third parties the category lets run'),
	/** Cookies of the site itself in this category (services list their own). Material. */
	cookies: z
		.array(cookieSchema)
		.default([])
		.describe("the site's own cookies in this category, each with name, lifetimeDays and purpose"),
});

/**
 * Every text of the banner and the preferences, as templates: `{name}` placeholders are filled
 * by the site, and only `<a href="{…}">`, `</a>`, `<strong>` and `</strong>` may be written as
 * HTML. All wording: changing a text asks nobody again.
 */
const textsSchema = z.strictObject({
	banner: z
		.strictObject({
			label: text("the banner's name for screen readers: label: Evästeilmoitus"),
			title: text("the banner's heading: title: Evästeet ja seuranta"),
			description: text("the banner's text; {optional} is replaced by the optional categories and their services"),
			changed: text(
				'added for a returning visitor who is asked again; {note} is replaced by the summary of the version that asks',
			),
			gpc: text('added when the browser sends Global Privacy Control; {categories} is replaced by what it refuses'),
			close: text("the name of the banner's ✕ button, which means necessary only"),
			links: text('the links under the banner, with {cookiesPath} and {noticePath} as their addresses'),
		})
		.describe("the banner's texts: label, title, description, changed, gpc, close and links"),
	buttons: z
		.strictObject({
			acceptAll: text('the button that accepts every category: acceptAll: Hyväksy kaikki'),
			rejectAll: text('the button that refuses every optional category: rejectAll: Hylkää kaikki'),
			settings: text("the banner's button that opens the preferences: settings: Asetukset"),
			save: text("the preferences' button that saves the toggles: save: Tallenna valinnat"),
		})
		.describe('the button labels: acceptAll, rejectAll, settings and save'),
	preferences: z
		.strictObject({
			title: text("the preferences' heading: title: Evästeasetukset"),
			intro: text('the text at the top of the preferences'),
			more: text('the links after the intro, with {cookiesPath} and {noticePath} as their addresses'),
			close: text("the name of the preferences' ✕ button: close: Sulje"),
			gpcLocked: text('said in a category that Global Privacy Control refuses'),
			quote: text("how a category quotes the notice; {quote} is the quote and {href} its section's address"),
			services: text("the list of a category's third parties; {services} is replaced by them"),
			noServices: text('said in a category that has no third parties'),
			policy: text("the link text of a service's privacy policy: policy: tietosuojakäytäntö"),
		})
		.describe("the preferences' texts: title, intro, more, close, gpcLocked, quote, services, noServices and policy"),
	cookieTable: z
		.strictObject({
			caption: text("the caption of a category's cookie table; {category} is the category's name"),
			cookie: text('the heading of the cookie name column: cookie: Eväste'),
			party: text('the heading of the column saying who gets the cookie: party: Kenelle'),
			lifetime: text('the heading of the lifetime column: lifetime: Säilyy'),
			purpose: text('the heading of the purpose column: purpose: Tarkoitus'),
			prefix: text('how a name that is only a start is written; {name} is the start: prefix: "{name}…"'),
			firstParty: text("who gets the site's own cookies: firstParty: Solinum Oy"),
		})
		.describe("the cookie tables' texts: caption, cookie, party, lifetime, purpose, prefix and firstParty"),
	lifetimes: z
		.strictObject({
			day: text('one day: day: 1 päivä'),
			days: text('several days; {count} is the number: days: "{count} päivää"'),
			month: text('one month: month: 1 kuukausi'),
			months: text('several months; {count} is the number: months: "{count} kuukautta"'),
		})
		.describe('how lifetimes are written: day, days, month and months'),
});

/** The whole version file. */
export const consentVersionSchema = z.strictObject({
	/**
	 * The day this version is shown from. It is also the file name and the permanent address:
	 * `2026-11-25` lives in `2026-11-25.yaml` at `/evasteet/2026-11-25/`.
	 * @example published: 2026-11-25
	 */
	published: isoDate.describe('the day the version is shown from, the same as the file name: published: 2026-11-25'),
	/**
	 * What changed since the previous version, in plain Finnish; shown in the version list and,
	 * when the change asks visitors again, in the banner. Required on every version after the first.
	 * @example summary: "Lisätty Meta-pikseli markkinoinnin mittaamiseen."
	 */
	summary: text('what changed since the previous version, in plain Finnish, in quotes: summary: "…"').optional(),
	/**
	 * The cookie that holds the consent record: one of the cookies of a category that cannot be
	 * refused. Its lifetime is how long a choice is kept (six months at most). Material.
	 * @example consentCookie: cc_cookie
	 */
	consentCookie: z
		.string({ error: 'must be a cookie name' })
		.min(1, { error: 'must not be empty' })
		.describe('the name of the cookie that holds the consent record: consentCookie: cc_cookie'),
	/** The purposes a visitor can accept or refuse, in the order the preferences show them. */
	categories: z
		.array(categorySchema)
		.min(1, { error: 'must list at least one category' })
		.describe('the categories, each with id, name, purpose, refusable, services and cookies'),
	/** Every text of the banner and the preferences. */
	texts: textsSchema.describe(
		'every text of the banner and the preferences, in the groups banner, buttons, preferences, cookieTable and lifetimes',
	),
});

/** A version file as checked, with the defaults filled in. */
export type ConsentVersionData = z.output<typeof consentVersionSchema>;
/** A category of a version. */
export type DeclaredCategory = ConsentVersionData['categories'][number];
/** A service of a category. */
export type DeclaredService = DeclaredCategory['services'][number];
/** A cookie of a category or service. */
export type DeclaredCookie = DeclaredCategory['cookies'][number];
/** The texts of the banner and the preferences. */
export type ConsentTexts = ConsentVersionData['texts'];
/** The CSP fetch directives a third-party service needs hosts in (see src/lib/site/csp.ts). */
export type HostDirective = keyof DeclaredService['hosts'];
/** A Consent Mode v2 signal. */
export type ConsentModeSignal = (typeof CONSENT_MODE_SIGNALS)[number];

/**
 * What the schema says of the field at `path` (as a zod issue gives it): its description, the
 * hint the build prints for a mistake in it, and the fields an object there may have.
 */
export function fieldAt(path: readonly PropertyKey[]): { description: string | undefined; fields: string[] } {
	let schema: z.ZodType | undefined = consentVersionSchema;
	let description: string | undefined;
	for (const key of path) {
		schema = unwrap(schema);
		if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)];
		else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
		else schema = undefined;
		if (!schema) break;
		description = schema.description ?? unwrap(schema)?.description ?? description;
	}
	const object = unwrap(schema);
	return { description, fields: object instanceof z.ZodObject ? Object.keys(object.shape) : [] };
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
	let current = schema;
	while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
	return current;
}
