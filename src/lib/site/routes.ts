// Every address of the site, written once: the pages, their links, the feed, the sitemap and the
// tests all take their paths from here. Browser-safe.
import type { RevisionInfo } from '../notice/revisions.ts';

/** The origin the site is published at, the one the notice itself names: astro.config.mjs's `site`, for canonical links, the sitemap and the feed. */
export const SITE_ORIGIN = 'https://www.solinum.fi';

// The notice.
/** The URL base of the notice. */
export const NOTICE_PATH = '/tietosuojaseloste/';

/** The permanent address of a revision: `/tietosuojaseloste/YYYY-MM-DD/`. */
export function revisionPath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${NOTICE_PATH}${revision.published}/`;
}

/** The address of what changed in a revision against its predecessor. */
export function changesPath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${revisionPath(revision)}muutokset/`;
}

/** Where a revision's source file is published, byte for byte, so that its SHA-256 can be checked. */
export function sourcePath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${revisionPath(revision)}${revision.published}.mdx`;
}

/** Where a revision's diff blocks are published for the compare page. */
export function blocksPath(revision: Pick<RevisionInfo, 'published'>): string {
	return `${revisionPath(revision)}lohkot.json`;
}

/** The change log. */
export const HISTORY_PATH = `${NOTICE_PATH}muutoshistoria/`;

/** The page that compares any two revisions. */
export const COMPARE_PATH = `${NOTICE_PATH}vertaa/`;

/** The RSS feed of revisions. */
export const FEED_PATH = `${NOTICE_PATH}feed.xml`;

/** The machine-readable list of revisions with their SHA-256. */
export const VERSIONS_PATH = `${NOTICE_PATH}versiot.json`;

// The cookie information.
/** Where the cookie page lives: the version in force. */
export const COOKIES_PATH = '/evasteet/';

/** The list of every version of the cookie information. */
export const CONSENT_HISTORY_PATH = `${COOKIES_PATH}versiot/`;

/** The same list, machine-readable, with each version's SHA-256. */
export const CONSENT_VERSIONS_JSON_PATH = `${COOKIES_PATH}versiot.json`;

/** The permanent address of a version: `/evasteet/YYYY-MM-DD/`. */
export function consentVersionPath(version: { date: string }): string {
	return `${COOKIES_PATH}${version.date}/`;
}

/** Where a version's file is published byte for byte: `/evasteet/YYYY-MM-DD/YYYY-MM-DD.yaml`. */
export function consentSourcePath(version: { date: string; fileName: string }): string {
	return `${consentVersionPath(version)}${version.fileName}`;
}

/** Where the preferences' sections are published (src/pages/evasteet/asetukset.json.ts). */
export const PREFERENCES_PATH = '/evasteet/asetukset.json';
