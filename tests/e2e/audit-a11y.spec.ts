// Accessibility audits on every page of the sitemap plus the 404 page, as a first-time visitor
// sees them: axe-core at WCAG 2.2 AA with the consent banner open and with the preferences open,
// in the light and the dark colour scheme, and a keyboard walk that reaches every interactive
// element with a visible focus indicator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { fileForPath } from '../support/built-site.ts';
import { siteConsent } from '../support/consent.ts';
import { siteOutDir, siteUrl, type TestSiteName } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

/** The paths the sitemap of a built test site lists, plus an address that is not there. */
function auditedPaths(site: TestSiteName): string[] {
	const dir = siteOutDir(site);
	const xml = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });
	const index = xml.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')) as {
		sitemapindex: { sitemap: { loc: string }[] };
	};
	const paths = index.sitemapindex.sitemap.flatMap(({ loc }) => {
		const sitemap = xml.parse(readFileSync(fileForPath(dir, new URL(loc).pathname) ?? '', 'utf8')) as {
			urlset: { url: { loc: string }[] };
		};
		return sitemap.urlset.url.map((url) => new URL(url.loc).pathname);
	});
	return [...paths, '/ei-tallaista-sivua/'];
}

// The banner's buttons as the site's cookie information in force words them.
const { buttons } = siteConsent('three').current.texts;
const banner = (page: Page) => page.locator('#cc-main .cm');
const preferences = (page: Page) => page.locator('#cc-main .pm');

/** The page's own background, as the visitor's colour scheme makes it. */
const PAGE_BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(22, 25, 30)' } as const;

// The three-revision site has every kind of page: revisions, diffs, change log, compare, cookies.
// Both colour schemes: the dark one changes every colour, the consent widget's included.
for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`axe on every page of the sitemap and the 404 page, ${colorScheme} scheme`, () => {
		test.use({ colorScheme });
		for (const path of auditedPaths('three')) {
			test(`${path}, with the consent banner open, then with the preferences open`, async ({ page }) => {
				// Two full axe runs; on the cookie page's tables they take over 20 s on a busy machine.
				test.setTimeout(60_000);
				await page.goto(siteUrl('three', path));
				await expect(banner(page)).toBeVisible();
				await expect(page.locator('body')).toHaveCSS('background-color', PAGE_BACKGROUND[colorScheme]);
				await expect(banner(page)).toHaveCSS('background-color', PAGE_BACKGROUND[colorScheme]);
				expect(await axeViolations(page), 'banner open').toEqual([]);

				await banner(page).getByRole('button', { name: buttons.settings, exact: true }).click();
				await expect(preferences(page)).toBeVisible();
				// The modal fades in; axe reads colours, so wait until it has settled.
				await expect(preferences(page)).toHaveCSS('opacity', '1');
				await expect(preferences(page)).toHaveCSS('background-color', PAGE_BACKGROUND[colorScheme]);
				expect(await axeViolations(page), 'preferences open').toEqual([]);
			});
		}
	});
}

/** Labels the visible interactive elements inside `scope` and describes them, in document order. */
async function interactiveElements(page: Page, scope: string): Promise<string[]> {
	return page.evaluate((scope) => {
		const selector =
			'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
		return [...document.querySelectorAll<HTMLElement>(`:is(${scope}) :is(${selector})`)]
			.filter(
				(element) =>
					element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
					!element.closest('[inert], [aria-hidden=true]'),
			)
			.map((element, index) => {
				element.dataset['walk'] = String(index);
				return `${index}: <${element.localName}> ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}`;
			});
	}, scope);
}

/** The focused element's walk label and whether its focus indicator is visible. */
async function focused(
	page: Page,
): Promise<{ label: string | undefined; visible: boolean; tabbable: boolean; description: string }> {
	return page.evaluate(() => {
		let element = document.activeElement as HTMLElement | null;
		// Custom elements with a shadow root keep focus inside it.
		while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement as HTMLElement;
		if (!element || element === document.body)
			return { label: undefined, visible: false, tabbable: false, description: 'body' };
		const style = getComputedStyle(element);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const ring = style.boxShadow !== 'none';
		return {
			label: element.dataset['walk'],
			visible: outline || ring,
			// Containers focused by script (tabindex -1: the banner, <main> after the skip link) are no Tab stop.
			tabbable: element.tabIndex >= 0,
			description: `<${element.localName} class="${element.className}"> ${(element.textContent ?? '').trim().slice(0, 40)}`,
		};
	});
}

/** Presses Tab through the page; returns the elements of `scope` it never reached and those focused without a visible indicator. */
async function walk(page: Page, scope: string): Promise<{ missed: string[]; invisible: string[] }> {
	const expected = await interactiveElements(page, scope);
	expect(expected.length).toBeGreaterThan(0);
	const reached = new Set<string>();
	const invisible = new Set<string>();
	// Enough presses to pass every element of the page twice: a walk that loops or skips still ends.
	const presses = (await page.locator('a[href], button, input, select, summary, [tabindex]').count()) * 2 + 5;
	for (let press = 0; press < presses && reached.size < expected.length; press += 1) {
		await page.keyboard.press('Tab');
		const { label, visible, tabbable, description } = await focused(page);
		if (label !== undefined) reached.add(label);
		if (tabbable && !visible) invisible.add(description);
	}
	return { missed: expected.filter((entry) => !reached.has(entry.split(':')[0]!)), invisible: [...invisible] };
}

const KEYBOARD_PAGES = [
	'/tietosuojaseloste/',
	'/tietosuojaseloste/2024-02-15/muutokset/',
	'/tietosuojaseloste/muutoshistoria/',
	'/tietosuojaseloste/vertaa/',
	'/evasteet/',
	'/evasteet/2026-11-25/',
	'/ei-tallaista-sivua/',
];

test.describe('a keyboard walk with Tab', () => {
	for (const path of KEYBOARD_PAGES) {
		test(`${path}: every interactive element is reached, with a visible focus indicator`, async ({ page }) => {
			await page.goto(siteUrl('three', path));
			await expect(banner(page)).toBeVisible();
			// A first-time visitor's focus starts in the banner, so its choices are the first Tab
			// stops (Tab then goes on to the page: the banner is not modal). The visitor decides, then
			// walks the page.
			const first = await walk(page, '#cc-main .cm');
			expect(first.missed, 'banner controls not reachable with Tab').toEqual([]);
			expect(first.invisible, 'no visible focus indicator').toEqual([]);
			const reject = banner(page).getByRole('button', { name: buttons.rejectAll, exact: true });
			await reject.focus();
			await page.keyboard.press('Enter');
			await expect(banner(page)).toBeHidden();

			await page.reload();
			await expect(page.locator('#sisalto')).toBeVisible();
			const second = await walk(page, 'body');
			expect(second.missed, 'not reachable with Tab').toEqual([]);
			expect(second.invisible, 'no visible focus indicator').toEqual([]);
		});
	}
});
