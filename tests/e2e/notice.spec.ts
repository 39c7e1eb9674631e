import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { mdxWords, noticeWords, seedWords, words } from '../support/page-text.ts';
import { siteUrl, testSite } from '../support/sites.ts';

const notice = siteUrl('published', '/tietosuojaseloste/');

test.describe('the notice without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('renders its title, sections, lists and date', async ({ page }) => {
		await page.goto(notice);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solinum Oy Tietosuojaseloste');
		const sections = page.locator('.notice__body h2');
		await expect(sections).toHaveCount(11);
		await expect(sections.first()).toHaveText(/Soveltamislaajuus ja hyväksyminen/);
		// The seed has four runs of "•" items: 10, 2, 3 and 5 of them.
		await expect(page.locator('.notice__body ul')).toHaveCount(4);
		await expect(page.locator('.notice__body li')).toHaveCount(20);
		await expect(page.getByText('Viimeksi päivitetty 11.3.2018', { exact: true })).toBeVisible();
		await expect(page.locator('.notice__updated time')).toHaveAttribute('datetime', '2018-03-11');
	});

	test('is canonical at /tietosuojaseloste/ and links its own permanent address', async ({ page }) => {
		await page.goto(notice);
		await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
			'href',
			'https://www.solinum.fi/tietosuojaseloste/',
		);
		await page.getByRole('link', { name: 'https://www.solinum.fi/tietosuojaseloste/2018-03-11/' }).click();
		await expect(page).toHaveURL(siteUrl('published', '/tietosuojaseloste/2018-03-11/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solinum Oy Tietosuojaseloste');
		// The same text while it is in force: one canonical address for it.
		await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
			'href',
			'https://www.solinum.fi/tietosuojaseloste/',
		);
	});

	test('a replaced revision is canonical at its own permanent address', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2018-03-11/'));
		await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
			'href',
			'https://www.solinum.fi/tietosuojaseloste/2018-03-11/',
		);
	});
});

test('every section heading has a unique id that the table of contents and a deep link reach', async ({ page }) => {
	await page.goto(notice);
	const ids = await page.locator('.notice__body h2').evaluateAll((headings) => headings.map((h) => h.id));
	expect(ids.every((id) => id.length > 0)).toBe(true);
	expect(new Set(ids).size).toBe(ids.length);
	const allIds = await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id));
	expect(new Set(allIds).size).toBe(allIds.length);
	const tocTargets = await page
		.getByRole('navigation', { name: 'Sisällys' })
		.getByRole('link')
		.evaluateAll((links) =>
			links.map((link) => decodeURIComponent(new URL((link as HTMLAnchorElement).href).hash.slice(1))),
		);
	expect(tocTargets).toEqual(ids);

	await page.goto(`${notice}#henkilökohtaisten-tietojen-suojaus`);
	await expect(page.locator('#henkilökohtaisten-tietojen-suojaus')).toHaveText(/Henkilökohtaisten tietojen suojaus/);
	await expect(page.locator('#henkilökohtaisten-tietojen-suojaus')).toBeInViewport();
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	for (const path of ['/tietosuojaseloste/', '/tietosuojaseloste/2018-03-11/', '/ei-ole/']) {
		test(`${path} has no horizontal scroll`, async ({ page }) => {
			await page.goto(siteUrl('published', path));
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBe(0);
		});
	}
});

test('printed, it shows the notice, its date and its address, and no navigation nor consent banner', async ({
	page,
}) => {
	await page.goto(notice);
	await expect(page.locator('#cc-main .cm')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('#cc-main')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Viimeksi päivitetty 11.3.2018', { exact: true })).toBeVisible();
	await expect(
		page.getByText('Tämän version pysyvä osoite: https://www.solinum.fi/tietosuojaseloste/2018-03-11/'),
	).toBeVisible();
	for (const nav of await page.locator('nav, header.site-header, footer').all()) {
		await expect(nav).toBeHidden();
	}
});

test('in the dark colour scheme the screen is dark, and paper is printed exactly as in the light one: black on white', async ({
	page,
}) => {
	/** The colours of the notice's parts as the page stands. */
	const colours = () =>
		page.evaluate(() =>
			[
				'body',
				'h1',
				'.notice__updated',
				'.notice__permalink',
				'.revision-status',
				'.notice__body p',
				'.notice__body a',
			].map((selector) => {
				const style = getComputedStyle(document.querySelector(selector)!);
				return `${selector}: ${style.color} on ${style.backgroundColor}`;
			}),
		);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(notice);
	await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(22, 25, 30)');
	await expect(page.locator('body')).toHaveCSS('color', 'rgb(231, 234, 238)');
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	const dark = await colours();
	expect(dark[0]).toBe('body: rgb(0, 0, 0) on rgb(255, 255, 255)');
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	expect(await colours()).toEqual(dark);
});

test('/ leads to the notice', async ({ page }) => {
	await page.goto(siteUrl('published', '/'));
	await expect(page).toHaveURL(notice);
});

test('an unknown address gets a Finnish 404 page that leads to the notice', async ({ page }) => {
	const response = await page.goto(siteUrl('published', '/ei-tallaista-sivua/'));
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sivua ei löytynyt');
	await page.getByRole('link', { name: 'Siirry tietosuojaselosteeseen' }).click();
	await expect(page).toHaveURL(notice);
});

test.describe('the first revision is the seed, word for word', () => {
	for (const path of ['/tietosuojaseloste/', '/tietosuojaseloste/2018-03-11/']) {
		test(`${path} shows every word of the seed, in order, and nothing else`, async ({ request }) => {
			const response = await request.get(siteUrl('published', path));
			expect(noticeWords(await response.text())).toEqual(seedWords());
		});
	}
});

test.describe('every fixture revision at its permanent address', () => {
	const { contentDir } = testSite('three');
	const files = readdirSync(contentDir).filter((name) => name.endsWith('.mdx'));
	test('the fixture has several revisions', () => expect(files.length).toBeGreaterThanOrEqual(3));
	for (const fileName of files) {
		const date = fileName.replace('.mdx', '');
		test(`/tietosuojaseloste/${date}/ serves that revision's text`, async ({ request }) => {
			const response = await request.get(siteUrl('three', `/tietosuojaseloste/${date}/`));
			expect(response.status()).toBe(200);
			const expected = mdxWords(readFileSync(`${contentDir}/${fileName}`, 'utf8'));
			expect(noticeWords(await response.text())).toEqual(expected);
		});
	}
});

test('the sitemap lists the notice and every permanent address', async ({ request }) => {
	const sitemap = await (await request.get(siteUrl('three', '/sitemap-0.xml'))).text();
	for (const path of [
		'/tietosuojaseloste/',
		'/tietosuojaseloste/2018-03-11/',
		'/tietosuojaseloste/2020-06-01/',
		'/tietosuojaseloste/2024-02-15/',
	]) {
		expect(sitemap).toContain(`<loc>https://www.solinum.fi${path}</loc>`);
	}
	expect(words(sitemap).join(' ')).not.toContain('404');
});
