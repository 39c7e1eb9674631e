import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { acquireBuildLock } from '../support/build-sites.ts';
import { siteUrl, testSite } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

const offset = Number(process.env['TEST_PORT_OFFSET'] ?? 0);

/** The search field, as a visitor finds it: by its Finnish label. */
const field = (page: Page) => page.getByRole('searchbox', { name: 'Hae tietosuojaselosteesta' });
const results = (page: Page) => page.getByRole('list', { name: 'Hakutulokset' });
const history = (page: Page) => page.getByRole('checkbox', { name: 'Hae myös aiemmista ja tulevista versioista' });
const status = (page: Page) => page.getByRole('status');

/**
 * Opens `url` and answers the consent banner as a visitor would first: it takes the focus when
 * it appears on a first visit, which would close the search panel.
 */
async function visit(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('#cc-main').getByRole('button', { name: 'Hylkää kaikki' }).click();
}

/** Types `query` and waits until the status says how the search came out. */
async function search(page: Page, query: string): Promise<void> {
	await field(page).fill(query);
	await expect(status(page)).toContainText(`haulle ”${query}”`);
}

/** The result rows' links as [accessible text, decoded href path with hash]. */
async function hitLinks(page: Page): Promise<[string, string][]> {
	return results(page)
		.getByRole('link')
		.evaluateAll((links) =>
			links.map((link) => {
				const url = new URL((link as HTMLAnchorElement).href);
				return [link.textContent?.replace(/\s+/g, ' ').trim() ?? '', decodeURIComponent(url.pathname + url.hash)];
			}),
		) as Promise<[string, string][]>;
}

const notice = siteUrl('three', '/tietosuojaseloste/');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('no search field is offered', async ({ page }) => {
		await page.goto(notice);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(field(page)).toBeHidden();
		await expect(page.locator('site-search')).toBeHidden();
	});
});

test('the field appears without shifting the page', async ({ page }) => {
	await page.addInitScript(() => {
		const shifts: number[] = [];
		Object.assign(window, { layoutShifts: shifts });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(notice, { waitUntil: 'networkidle' });
	await expect(field(page)).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)).toEqual([]);
});

test('nothing of the search is fetched until the visitor focuses the field', async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	await page.goto(notice, { waitUntil: 'networkidle' });
	await page.locator('#cc-main').getByRole('button', { name: 'Hylkää kaikki' }).click();
	await page.mouse.wheel(0, 2000);
	await page.getByRole('link', { name: 'Evästeet' }).first().focus();
	// Whatever the scroll and the focus set off has run: two frames drawn, the network quiet.
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	await page.waitForLoadState('networkidle');
	expect(requested.filter((path) => path.startsWith('/pagefind/') || path.includes('site-search.'))).toEqual([]);
	await expect(field(page)).toBeVisible();

	const pagefindScript = page.waitForRequest((request) => new URL(request.url()).pathname === '/pagefind/pagefind.js');
	await field(page).focus();
	await pagefindScript;
});

test.describe('an inflected Finnish word finds the section and links straight to it', () => {
	for (const query of ['evästeitä', 'evästeiden', 'Evästeet']) {
		test(query, async ({ page }) => {
			await visit(page, siteUrl('three', '/tietosuojaseloste/2018-03-11/'));
			await search(page, query);
			const hit = results(page).getByRole('link', { name: 'Evästeet', exact: true });
			await expect(hit).toHaveAttribute('href', encodeURI('/tietosuojaseloste/#evästeet'));
			// The snippet shows the match highlighted.
			await expect(
				results(page)
					.getByRole('listitem')
					.filter({ has: page.getByRole('link', { name: 'Evästeet', exact: true }) })
					.locator('mark')
					.first(),
			).toHaveText(/^eväste/i);
			await hit.click();
			await expect(page).toHaveURL(`${notice}#ev%C3%A4steet`);
			await expect(page.locator('#evästeet')).toHaveText('Evästeet');
			await expect(page.locator('#evästeet')).toBeInViewport();
		});
	}
});

// Snowball's Finnish stemmer takes "poistaminen" and "poistamista" to one stem; "poistamme" keeps
// another, so stemming does not reach it.
test('"poistaminen" finds "poistamista" in the published notice', async ({ page }) => {
	await visit(page, siteUrl('published', '/tietosuojaseloste/'));
	await search(page, 'poistaminen');
	const row = results(page)
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: 'Henkilökohtaisten tietojen säilytys', exact: true }) });
	const marks = await row.locator('mark').allTextContents();
	expect(marks.map((mark) => mark.toLowerCase().replace(/\W+$/, ''))).toContain('poistamista');
});

test('a search covers the revision in force; the filter adds earlier text, labelled with its date', async ({
	page,
}) => {
	await visit(page, notice);
	await search(page, 'EU:n alueella');
	await expect(status(page)).toHaveText('Ei tuloksia haulle ”EU:n alueella”.');
	await expect(results(page)).toBeHidden();

	await history(page).check();
	await expect(status(page)).toHaveText('1 osuma haulle ”EU:n alueella”.');
	expect(await hitLinks(page)).toEqual([
		[
			'Henkilökohtaisten tietojen säilytys Aiempi versio 11.3.2018',
			'/tietosuojaseloste/2018-03-11/#henkilökohtaisten-tietojen-säilytys',
		],
	]);
	await results(page).getByRole('link').click();
	await expect(page).toHaveURL(/\/tietosuojaseloste\/2018-03-11\/#/);
	// The section's first paragraph, after the line that says when the section last changed.
	await expect(page.locator('#henkilökohtaisten-tietojen-säilytys + .section-change + p')).toContainText(
		'EU:n alueella',
	);
});

test('text that several revisions share comes back once, from the revision in force', async ({ page }) => {
	await visit(page, notice);
	await field(page).focus();
	await history(page).check();
	// In 2020-06-01 and 2024-02-15 word for word.
	await search(page, 'Euroopan talousalueella');
	expect(await hitLinks(page)).toEqual([
		[
			'Henkilökohtaisten tietojen säilytys Voimassa oleva versio',
			'/tietosuojaseloste/#henkilökohtaisten-tietojen-säilytys',
		],
	]);
	// In every revision: only the current one answers.
	await search(page, 'Facebook');
	const notices = (await hitLinks(page))
		.map(([, href]) => href)
		.filter((href) => href.startsWith('/tietosuojaseloste/'));
	expect(notices).toEqual(['/tietosuojaseloste/#soveltamislaajuus-ja-hyväksyminen']);
});

test('the change log and change pages are not searched', async ({ page }) => {
	await visit(page, notice);
	await field(page).focus();
	await history(page).check();
	// "Vertaa" is on the change log and the compare page, and in no revision.
	for (const path of ['/tietosuojaseloste/muutoshistoria/', '/tietosuojaseloste/vertaa/']) {
		expect(await (await page.request.get(siteUrl('three', path))).text()).toContain('Vertaa');
	}
	await search(page, 'Vertaa');
	await expect(status(page)).toHaveText('Ei tuloksia haulle ”Vertaa”.');
	// The index holds the notice in force, the two earlier revisions and the cookie page, nothing else.
	const entry = (await (await page.request.get(siteUrl('three', '/pagefind/pagefind-entry.json'))).json()) as {
		languages: Record<string, { page_count: number }>;
	};
	expect(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count])).toEqual([
		['fi', 4],
	]);
});

test('a click on a snippet keeps the results open; a click outside closes them', async ({ page }) => {
	await visit(page, notice);
	await search(page, 'Facebook');
	await results(page).locator('mark').first().click();
	await expect(results(page)).toBeVisible();
	// Left of the centred column: off the panel, on the page.
	await page.mouse.click(5, 600);
	await expect(results(page)).toBeHidden();
});

test('the cookie page is searched by default, with a link to its section', async ({ page }) => {
	await visit(page, notice);
	await search(page, 'Google Analytics');
	await expect(results(page).getByRole('link', { name: 'Analytiikka Evästeet', exact: true })).toHaveAttribute(
		'href',
		'/evasteet/#evasteet-analytics',
	);
});

test("a cookie table's hit reads cell by cell, caption apart, and links its section", async ({ page }) => {
	await visit(page, notice);
	await search(page, 'cc_cookie');
	const hit = results(page)
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: 'Välttämättömät Evästeet', exact: true }) });
	await expect(hit.getByRole('link')).toHaveAttribute('href', '/evasteet/#evasteet-necessary');
	await expect(hit.locator('mark')).toHaveText('cc_cookie');
	// Caption, column heads and the row's cells each keep their words apart.
	await expect(hit.locator('.site-search__excerpt')).toContainText(
		'Evästeet: Välttämättömät Eväste Kenelle Säilyy Tarkoitus cc_cookie Solinum Oy',
	);
	await expect(hit.locator('.site-search__excerpt')).toContainText('6 kuukautta');
});

test('text before the first section links to where it begins, on the notice and on the cookie page', async ({
	page,
}) => {
	await visit(page, siteUrl('three', '/evasteet/'));
	// Only in the notice's opening paragraph.
	await search(page, 'laatineet');
	expect(await hitLinks(page)).toEqual([['Solinum Oy Tietosuojaseloste', '/tietosuojaseloste/#teksti']]);
	await search(page, 'jokainen eväste');
	const links = await hitLinks(page);
	expect(links[0]).toEqual(['Evästeet Evästeet', '/evasteet/#evasteet']);
	expect(links.every(([, href]) => href.includes('#'))).toBe(true);
	await results(page).getByRole('link', { name: 'Evästeet Evästeet', exact: true }).click();
	await expect(page).toHaveURL(siteUrl('three', '/evasteet/#evasteet'));
	await expect(page.getByRole('heading', { level: 1, name: 'Evästeet' })).toBeInViewport();

	await page.goto(siteUrl('three', '/tietosuojaseloste/#teksti'));
	await expect(page.locator('#teksti > p').first()).toBeInViewport();
	await expect(page.locator('#teksti > p').first()).toContainText('Olemme laatineet');
});

test('keyboard only: tab to the field, type, arrow to a result, Enter', async ({ page }) => {
	await visit(page, siteUrl('three', '/tietosuojaseloste/2020-06-01/'));
	for (let step = 0; step < 20; step++) {
		await page.keyboard.press('Tab');
		if (await field(page).evaluate((input) => input === document.activeElement)) break;
	}
	await expect(field(page)).toBeFocused();
	await page.keyboard.type('evästeiden');
	await expect(status(page)).toContainText('haulle ”evästeiden”');
	const links = results(page).getByRole('link');
	await page.keyboard.press('ArrowDown');
	await expect(links.nth(0)).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(links.nth(1)).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(field(page)).toBeFocused();
	// Escape closes the results and leaves the visitor in the field; ArrowDown brings them back.
	await page.keyboard.press('Escape');
	await expect(results(page)).toBeHidden();
	await expect(field(page)).toBeFocused();
	await expect(field(page)).toHaveValue('evästeiden');
	await page.keyboard.press('ArrowDown');
	await expect(links.nth(0)).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(history(page)).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(field(page)).toBeFocused();
	// Tab reaches the filter, then the results; arrows walk down to the notice's cookie section.
	await page.keyboard.press('Tab');
	await expect(history(page)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(links.nth(0)).toBeFocused();
	const target = encodeURI('/tietosuojaseloste/#evästeet');
	const count = await links.count();
	for (let step = 0; step < count; step++) {
		if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === target) break;
		await page.keyboard.press('ArrowDown');
	}
	await expect(results(page).getByRole('link', { name: 'Evästeet', exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`${notice}#ev%C3%A4steet`);
	await expect(page.locator('#evästeet')).toBeInViewport();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} scheme`, () => {
		test.use({ colorScheme });
		test('axe finds no WCAG 2.2 A/AA violation with the search open', async ({ page }) => {
			// A full axe run over the notice takes over 20 s on a busy machine.
			test.setTimeout(60_000);
			await visit(page, notice);
			await field(page).focus();
			await history(page).check();
			await search(page, 'evästeitä');
			await expect(results(page).getByRole('link').first()).toBeVisible();
			// The panel takes the scheme's colours, like the page behind it.
			const background = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
			await expect(page.locator('.site-search__panel')).toHaveCSS('background-color', background);
			expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 25, 30)' : 'rgb(255, 255, 255)');
			expect(await axeViolations(page)).toEqual([]);
		});
	});
}

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	test('the open search causes no horizontal scroll', async ({ page }) => {
		await visit(page, notice);
		await search(page, 'evästeitä');
		const panel = await results(page).boundingBox();
		expect(panel?.x).toBeGreaterThanOrEqual(0);
		expect((panel?.x ?? 0) + (panel?.width ?? Infinity)).toBeLessThanOrEqual(360);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBe(0);
	});
});

test('a revision announced but not yet in force is searched only with the filter, labelled as upcoming', async ({
	page,
}) => {
	// The 'upcoming' site: on 2024-02-20, 2024-02-15 is published but in force only from 1.3.2024.
	await visit(page, siteUrl('upcoming', '/tietosuojaseloste/'));
	await search(page, 'evästeitä');
	const notices = (await hitLinks(page))
		.map(([, href]) => href)
		.filter((href) => href.startsWith('/tietosuojaseloste/'));
	expect(notices).toEqual(['/tietosuojaseloste/#muiden-kuin-henkilökohtaisten-tietojen-kerääminen-ja-käyttö']);
	await history(page).check();
	await expect(
		results(page).getByRole('link', { name: 'Evästeet Tuleva versio, voimassa 1.3.2024 alkaen' }),
	).toHaveAttribute('href', encodeURI('/tietosuojaseloste/2024-02-15/#evästeet'));
});

test('npm run dev explains that search needs a build', async ({ page }) => {
	test.setTimeout(90_000);
	const port = 4481 + offset;
	// A dev server writes the content modules that builds write: one at a time.
	const release = acquireBuildLock();
	const server = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		env: {
			...process.env,
			NOTICE_CONTENT_DIR: testSite('three').contentDir,
			NOTICE_CACHE_DIR: join(mkdtempSync(join(tmpdir(), 'search-dev-')), 'cache'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let log = '';
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 60_000);
			server.stdout.on('data', (chunk: Buffer) => {
				log += chunk.toString();
				if (log.includes(`${port}`) && log.includes('npm run build')) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		expect(log).toContain('Site search needs the index that only a build writes');
		await page.goto(`http://127.0.0.1:${port}/tietosuojaseloste/`);
		// Vite may reload the page once while it optimises dependencies on first use: retry.
		await expect(async () => {
			await field(page).fill('evästeitä');
			await expect(page.locator('.site-search__status')).toHaveText(
				'Hakuhakemisto syntyy vasta käännöksessä. Kokeile hakua ajamalla npm run build ja sitten npm run preview.',
				{ timeout: 3_000 },
			);
		}).toPass({ timeout: 60_000 });
	} finally {
		if (server.pid) process.kill(-server.pid);
		release();
	}
});
