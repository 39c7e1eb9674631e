/**
 * The sites the tests build and serve: the real content and fixture sets of revisions, each
 * with a fixed build date so that "current" and "upcoming" do not depend on the clock.
 */
export interface TestSite {
	name: string;
	/** NOTICE_CONTENT_DIR for the build. */
	contentDir: string;
	/** CONSENT_CONTENT_DIR for the build; the real content/evasteet when absent. */
	consentDir?: string;
	/** NOTICE_BUILD_DATE for the build. */
	buildDate: string;
	port: number;
}

export const TEST_SITES = [
	{ name: 'published', contentDir: 'content/tietosuojaseloste', buildDate: '2026-11-25', port: 4411 },
	{ name: 'three', contentDir: 'tests/fixtures/three-revisions', buildDate: '2026-11-25', port: 4412 },
	// The same revisions built before 2024-02-15 takes effect (2024-03-01): it is upcoming. Its
	// cookie information has a history too: a first version, a material change that asked
	// everyone again, a wording-only one in force, and one scheduled after the build date. The
	// version that asked holds the same declaration as content/evasteet/, so one stored record
	// (tests/support/consent.ts) is valid on every site.
	{
		name: 'upcoming',
		contentDir: 'tests/fixtures/three-revisions',
		consentDir: 'tests/fixtures/consent-versions',
		buildDate: '2024-02-20',
		port: 4413,
	},
	// Five revisions that move text, change only a link's address and a table cell, one taking
	// effect a month after publication and one still upcoming (2027-01-01). Its short notice has
	// sections of its own: its cookie information (the published one but for the section its
	// quotes link to) names one of them.
	{
		name: 'scenarios',
		contentDir: 'tests/fixtures/history-scenarios',
		consentDir: 'tests/fixtures/history-scenarios-cookies',
		buildDate: '2026-11-25',
		port: 4414,
	},
] as const satisfies readonly TestSite[];

export type TestSiteName = (typeof TEST_SITES)[number]['name'];

// TEST_SITES_DIR and TEST_PORT_OFFSET let two checkouts' test runs share one machine.
const sitesDir = process.env['TEST_SITES_DIR'] ?? '.test-sites';
const portOffset = Number(process.env['TEST_PORT_OFFSET'] ?? 0);

/** Where a test site's build is written, relative to the project root. */
export function siteOutDir(name: string): string {
	return `${sitesDir}/${name}`;
}

/** The port a test site is served on. */
export function sitePort(site: Pick<TestSite, 'port'>): number {
	return site.port + portOffset;
}

/** A test site by name. */
export function testSite(name: TestSiteName): TestSite {
	const site = TEST_SITES.find((candidate) => candidate.name === name);
	if (!site) throw new Error(`No test site named ${name}`);
	return site;
}

/** The address a test site is served at. */
export function siteUrl(name: TestSiteName, path = '/'): string {
	return new URL(path, `http://127.0.0.1:${sitePort(testSite(name))}`).href;
}
