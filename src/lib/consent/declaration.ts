// src/lib/consent/: cookie consent. The version files' schema (schema.ts) and checks
// (check-node.ts, read by versions-node.ts), their history (history.ts), what each client gets
// (config.ts, widget.ts, version-view.ts) and the helpers the browser runs (runtime.ts).

/**
 * What a visitor agrees to, and what derives from it. The cookie information itself is content:
 * one dated version file per change in content/evasteet/ (format: src/lib/consent/schema.ts),
 * read and checked by src/lib/consent/versions-node.ts. The widget's configuration and texts, the
 * scripts it lets run, the cookies it deletes, the cookie pages and the CSP's third-party hosts
 * derive from the version in force; this module holds the pure rules they use.
 */
import { isTrustworthyRecord as isTrustworthy, type ConsentRecord } from './runtime.ts';
import type { ConsentVersionData, DeclaredCategory, DeclaredCookie, DeclaredService } from './schema.ts';

export type {
	ConsentModeSignal,
	ConsentTexts,
	DeclaredCategory,
	DeclaredCookie,
	DeclaredService,
	HostDirective,
} from './schema.ts';

/** What a visitor agrees to in a version: the cookie that records the choice, and the categories. */
export type ConsentDeclaration = Pick<ConsentVersionData, 'consentCookie' | 'categories'>;

// Placeholders until Solinum Oy gives its own. They configure the services' start code, as the
// code itself does; the GA4 id is also in its script address, and a unit test holds the two equal.
const GA_MEASUREMENT_ID = 'G-5LQ8XK2W7N';
const META_PIXEL_ID = '718293640512837';

/** Ids of the tags the services are configured with (used by the scripts that start them). */
export const SERVICE_ACCOUNTS = { ga4: GA_MEASUREMENT_ID, metaPixel: META_PIXEL_ID } as const;

/** Every cookie a category may set: its own and its services'. */
export function categoryCookies(category: DeclaredCategory): DeclaredCookie[] {
	return [...category.cookies, ...category.services.flatMap((service) => service.cookies)];
}

/** Every declared service, with its category, for the CSP and the script loader. */
export function declaredServices(
	declaration: ConsentDeclaration,
): (DeclaredService & { category: DeclaredCategory['id'] })[] {
	return declaration.categories.flatMap((category) =>
		category.services.map((service) => ({ ...service, category: category.id })),
	);
}

/** The services as src/lib/site/csp.ts takes them: one entry each, with its hosts per directive. */
export function cspServices(
	declaration: ConsentDeclaration,
): { id: string; category: string; hosts: DeclaredService['hosts'] }[] {
	return declaredServices(declaration).map(({ id, category, hosts }) => ({ id, category, hosts }));
}

/** How long a choice is kept, in days: the consent cookie's declared lifetime. */
export function consentLifetimeDays(declaration: ConsentDeclaration): number {
	const cookie = declaration.categories
		.flatMap((category) => category.cookies)
		.find((candidate) => candidate.name === declaration.consentCookie);
	if (!cookie) throw new Error(`The consent cookie ${declaration.consentCookie} is not declared.`);
	return cookie.lifetimeDays;
}

/**
 * The declaration as the consent revision hashes it: categories, services, cookies and their
 * purposes, with key order fixed by construction. It covers every material field (see
 * `materialChanges` in src/lib/consent/check-node.ts), so a material change changes the revision;
 * and it is the serialization the site hashed before versions were kept, so that a choice made
 * then still matches the first version, which holds the same declaration.
 */
export function declarationFingerprintSource(declaration: ConsentDeclaration): string {
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
	return {
		name: cookie.name,
		prefix: cookie.prefix ?? false,
		lifetimeDays: cookie.lifetimeDays,
		purpose: cookie.purpose,
	};
}

/**
 * The consent revision of a version that asks visitors again: a 32-bit FNV-1a hash of its
 * declaration. The widget asks again whenever the revision changes, so the revision in force is
 * that of the newest version that asked (src/lib/consent/check-node.ts, `publishedHistory`).
 * Written out rather than taken from node:crypto: every visitor's record holds this number, and
 * another function would change it and ask everyone again.
 */
export function consentRevision(declaration: ConsentDeclaration): number {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(declarationFingerprintSource(declaration))) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export type { ConsentRecord } from './runtime.ts';

/**
 * Whether a stored consent record (the parsed cookie value) can be trusted at `now`, judged
 * against the version in force (see src/lib/consent/runtime.ts): its categories, the consent
 * lifetime, and the versions a record of the current revision may name.
 */
export function isTrustworthyRecord(
	value: unknown,
	now: number,
	rules: { declaration: ConsentDeclaration; revision: number; versions: readonly string[] },
): value is ConsentRecord {
	return isTrustworthy(value, now, {
		categories: rules.declaration.categories.map((category) => category.id),
		lifetimeDays: consentLifetimeDays(rules.declaration),
		revision: rules.revision,
		versions: rules.versions,
	});
}
