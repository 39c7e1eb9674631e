// The history at a glance, on the scenarios fixture (tests/fixtures/history-scenarios, built on
// 2026-11-25): 2018-03-11; 2019-05-01 changes only a link's address; 2021-06-01 (in force from
// 2021-07-01) moves a paragraph as it is and a list item with an edit; 2024-02-15 changes one
// table cell; 2026-11-20 is upcoming, in force from 2027-01-01.
import { readdirSync, readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { axeViolations } from '../support/axe.ts';
import { consentRecord, storeConsent } from '../support/consent.ts';
import { INTERFACE_LINES, pageBlocks } from '../support/page-text.ts';
import { siteOutDir, siteUrl, testSite, type TestSiteName } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ context }) => storeConsent(context));

const url = (path: string) => siteUrl('scenarios', path);

const PERIODS = [
	['2018-03-11', 'Voimassa 11.3.2018–30.4.2019', ['2018-03-11', '2019-04-30']],
	['2019-05-01', 'Voimassa 1.5.2019–30.6.2021', ['2019-05-01', '2021-06-30']],
	['2021-06-01', 'Voimassa 1.7.2021–14.2.2024', ['2021-07-01', '2024-02-14']],
	// In force, with its last day known: the next one is already published.
	['2024-02-15', 'Voimassa 15.2.2024–31.12.2026', ['2024-02-15', '2026-12-31']],
	['2026-11-20', 'Voimassa 1.1.2027 alkaen', ['2027-01-01']],
] as const;

test.describe('validity periods', () => {
	test.use({ javaScriptEnabled: false });

	test('every revision page says when it was in force, dates in <time datetime>', async ({ page }) => {
		for (const [published, text, dates] of PERIODS) {
			await page.goto(url(`/tietosuojaseloste/${published}/`));
			const validity = page.locator('.revision-status__validity');
			await expect(validity).toHaveText(text);
			expect(
				await validity.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
			).toEqual(dates);
		}
		await page.goto(url('/tietosuojaseloste/'));
		await expect(page.locator('.revision-status__validity')).toHaveText('Voimassa 15.2.2024–31.12.2026');
	});

	test('the change log gives each entry its period, newest first', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/muutoshistoria/'));
		await expect(page.locator('.change-log__validity')).toHaveText([...PERIODS].reverse().map(([, text]) => text));
	});

	test('versiot.json gives validFrom and validUntil, null while open-ended', async ({ request }) => {
		const { revisions } = await (await request.get(url('/tietosuojaseloste/versiot.json'))).json();
		expect(
			revisions.map((entry: { published: string; validFrom: string; validUntil: string | null }) => [
				entry.published,
				entry.validFrom,
				entry.validUntil,
			]),
		).toEqual(PERIODS.map(([published, , dates]) => [published, dates[0], dates[1] ?? null]));
	});
});

test.describe('which version applied on a date', () => {
	const lookup = (page: import('@playwright/test').Page) =>
		page.getByRole('region', { name: 'Mikä versio oli voimassa?' });

	test.describe('with JavaScript, the answer appears as soon as a date is given', () => {
		for (const [date, answer, href] of [
			['2018-03-10', 'Päivänä 10.3.2018 tietosuojaselostetta ei ollut vielä julkaistu.', undefined],
			['2019-04-30', 'Päivänä 30.4.2019 voimassa oli versio 11.3.2018.', '/tietosuojaseloste/2018-03-11/'],
			// The changeover day belongs to the new revision.
			['2019-05-01', 'Päivänä 1.5.2019 voimassa oli versio 1.5.2019.', '/tietosuojaseloste/2019-05-01/'],
			// Published 1.6.2021, in force from 1.7.2021: until then the one before applies.
			['2021-06-30', 'Päivänä 30.6.2021 voimassa oli versio 1.5.2019.', '/tietosuojaseloste/2019-05-01/'],
			['2021-07-01', 'Päivänä 1.7.2021 voimassa oli versio 1.6.2021.', '/tietosuojaseloste/2021-06-01/'],
			// The upcoming revision's period.
			[
				'2027-06-15',
				'Päivänä 15.6.2027 voimassa on versio 20.11.2026. Se tulee voimaan 1.1.2027.',
				'/tietosuojaseloste/2026-11-20/',
			],
		] as const) {
			test(date, async ({ context, page }) => {
				// The build date: whether a day is past or to come decides "oli" or "on".
				const today = new Date('2026-11-25T12:00:00+02:00');
				await page.clock.setFixedTime(today);
				await storeConsent(context, consentRecord({}, today.getTime()));
				await page.goto(url('/tietosuojaseloste/muutoshistoria/'));
				const field = lookup(page).getByLabel('Päivämäärä');
				await field.fill(date);
				const status = lookup(page).getByRole('status');
				await expect(status).toHaveText(answer);
				await expect(status.locator('time').first()).toHaveAttribute('datetime', date);
				if (href) await expect(status.getByRole('link')).toHaveAttribute('href', href);
				else await expect(status.getByRole('link')).toHaveCount(0);
				// The address keeps the day, so that the answer can be shared.
				await expect(page).toHaveURL(url(`/tietosuojaseloste/muutoshistoria/?pvm=${date}`));
			});
		}

		test('the answer follows each new date, and clears with the field', async ({ page }) => {
			await page.goto(url('/tietosuojaseloste/muutoshistoria/'));
			const field = lookup(page).getByLabel('Päivämäärä');
			const status = lookup(page).getByRole('status');
			await field.fill('2020-01-01');
			await expect(status).toContainText('versio 1.5.2019');
			await field.fill('2025-01-01');
			await expect(status).toContainText('versio 15.2.2024');
			await status.getByRole('link').click();
			await expect(page).toHaveURL(url('/tietosuojaseloste/2024-02-15/'));
			await page.goBack();
			await field.fill('');
			await expect(status).toHaveText('');
		});
	});

	test('as a plain form, the answer is filled in from the address', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/muutoshistoria/?pvm=2021-07-01'));
		await expect(lookup(page).getByLabel('Päivämäärä')).toHaveValue('2021-07-01');
		await expect(lookup(page).getByRole('status')).toHaveText('Päivänä 1.7.2021 voimassa oli versio 1.6.2021.');
		await page.goto(url('/tietosuojaseloste/muutoshistoria/?pvm=2026-02-30'));
		await expect(lookup(page).getByRole('status')).toHaveText('Päivämäärä ei kelpaa. Valitse päivä kentästä.');
	});

	test('its script is on the change log only, and nothing else loads for it', async ({ page }) => {
		const scripts = async (path: string) => {
			const loaded: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') loaded.push(new URL(request.url()).pathname);
			});
			await page.goto(url(path));
			await page.waitForLoadState('networkidle');
			page.removeAllListeners('request');
			return loaded;
		};
		const notice = await scripts('/tietosuojaseloste/');
		const log = await scripts('/tietosuojaseloste/muutoshistoria/');
		// The notice keeps its one module script; the lookup's code comes with the change log alone.
		expect(notice).toHaveLength(1);
		expect(log).toContain(notice[0]);
		expect(log.some((path) => path.includes('DateLookup'))).toBe(true);
		expect(notice.some((path) => path.includes('DateLookup'))).toBe(false);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the form sends the day in the address, and the validity list answers', async ({ page }) => {
			await page.goto(url('/tietosuojaseloste/muutoshistoria/'));
			await lookup(page).getByLabel('Päivämäärä').fill('2021-07-01');
			await lookup(page).getByRole('button', { name: 'Näytä' }).click();
			await expect(page).toHaveURL(url('/tietosuojaseloste/muutoshistoria/?pvm=2021-07-01'));
			const periods = lookup(page).getByRole('listitem');
			await expect(periods).toHaveText(
				PERIODS.map(([published, text]) => `Versio ${published.split('-').map(Number).reverse().join('.')}: ${text}`),
			);
			await expect(periods.nth(2).getByRole('link')).toHaveAttribute('href', '/tietosuojaseloste/2021-06-01/');
		});
	});
});

test.describe("each section's own history", () => {
	test.use({ javaScriptEnabled: false });

	const LINES = [
		['Rekisterinpitäjä', 'Muutettu viimeksi 1.6.2021', '/tietosuojaseloste/2021-06-01/muutokset/#muutos-1'],
		['Miksi käsittelemme tietoja', 'Muutettu viimeksi 1.6.2021', '/tietosuojaseloste/2021-06-01/muutokset/#muutos-2'],
		['Mitä tietoja keräämme', 'Ennallaan ensimmäisestä versiosta', undefined],
		['Säilytysajat', 'Muutettu viimeksi 15.2.2024', '/tietosuojaseloste/2024-02-15/muutokset/#muutos-1'],
		['Tietojen luovuttaminen', 'Muutettu viimeksi 1.5.2019', '/tietosuojaseloste/2019-05-01/muutokset/#muutos-1'],
		['Yhteystiedot', 'Muutettu viimeksi 1.6.2021', '/tietosuojaseloste/2021-06-01/muutokset/#muutos-4'],
	] as const;

	test('every section of the notice says when it last changed, linking to that change', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/'));
		const headings = page.locator('.notice__body h2');
		await expect(headings).toHaveText(LINES.map(([title]) => title));
		for (const [index, [, text, href]] of LINES.entries()) {
			const line = headings.nth(index).locator('+ .section-change');
			await expect(line).toHaveText(text);
			if (href) await expect(line.getByRole('link')).toHaveAttribute('href', href);
			else await expect(line.getByRole('link')).toHaveCount(0);
		}
	});

	test("each link lands on its change, which holds that section's text", async ({ page }) => {
		for (const [title, , href] of LINES) {
			if (!href) continue;
			await page.goto(url('/tietosuojaseloste/'));
			await page.locator('.notice__body h2', { hasText: title }).locator('+ .section-change').getByRole('link').click();
			await expect(page).toHaveURL(url(href));
			const change = page.locator(href.slice(href.indexOf('#')));
			await expect(change).toBeInViewport();
			await expect(change.locator('.diff-change__label')).toHaveText(/^Muutos \d+\/\d+$/);
		}
		// The table cell's change is in the retention section's table; the link's in its paragraph.
		await page.goto(url('/tietosuojaseloste/2024-02-15/muutokset/#muutos-1'));
		await expect(page.locator('#muutos-1 .diff-cell--changed')).toContainText('24 kuukautta');
	});

	test('an upcoming revision credits its own change', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/2026-11-20/'));
		const line = page.locator('.notice__body h2', { hasText: 'Mitä tietoja keräämme' }).locator('+ .section-change');
		await expect(line.getByRole('link', { name: 'Muutettu viimeksi 20.11.2026' })).toHaveAttribute(
			'href',
			'/tietosuojaseloste/2026-11-20/muutokset/#muutos-1',
		);
		await page.goto(url('/tietosuojaseloste/2018-03-11/'));
		await expect(page.locator('.section-change')).toHaveText(Array(5).fill('Ennallaan ensimmäisestä versiosta'));
	});

	test('each change-log entry lists the sections that revision changed, each linking to its change', async ({
		page,
	}) => {
		await page.goto(url('/tietosuojaseloste/muutoshistoria/'));
		const entry = page.locator('.record-log__entry', { has: page.getByRole('heading', { name: /Versio 1\.6\.2021/ }) });
		const parts = entry.locator('.change-log__parts a');
		await expect(parts).toHaveText(['Rekisterinpitäjä', 'Miksi käsittelemme tietoja', 'Yhteystiedot']);
		expect(await parts.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
			'/tietosuojaseloste/2021-06-01/muutokset/#muutos-1',
			'/tietosuojaseloste/2021-06-01/muutokset/#muutos-2',
			'/tietosuojaseloste/2021-06-01/muutokset/#muutos-4',
		]);
		await expect(page.locator('.record-log__entry').last().locator('.change-log__parts')).toHaveCount(0);
	});
});

/** The text of every <ins> or <del> in the diff, without the screen-reader labels. */
function changed(page: import('@playwright/test').Page, tag: 'ins' | 'del') {
	return page.locator(`.diff-document ${tag}`).evaluateAll((elements) =>
		elements.map((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			for (const marker of copy.querySelectorAll('.diff-marker')) marker.remove();
			return (copy.textContent ?? '').trim();
		}),
	);
}

test.describe('moved text shown as moved', () => {
	test.use({ javaScriptEnabled: false });

	test('a moved paragraph and a moved, edited list item: "Siirretty" at both places, no deletion or insertion', async ({
		page,
	}) => {
		await page.goto(url('/tietosuojaseloste/2021-06-01/muutokset/'));
		const moved = page.locator('.diff-row--moved');
		await expect(moved).toHaveCount(4);
		for (const place of await moved.all()) await expect(place.locator('.diff-moved')).toContainText('Siirretty');
		// Nothing removed; only the new heading and the word the moved item gained are inserted.
		expect(await changed(page, 'del')).toEqual([]);
		expect(await changed(page, 'ins')).toEqual(['kaikissa', 'Yhteystiedot']);
		await expect(page.locator('#siirto-2-uusi ins')).toHaveText('Lisätty: kaikissa ');
		await expect(page.locator('#siirto-1-vanha')).toContainText('Tietosuojavastaavan tavoittaa osoitteesta');
		await expect(page.locator('#siirto-1-uusi')).toContainText('Tietosuojavastaavan tavoittaa osoitteesta');
	});

	test('the links between the two places lead from one to the other', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/2021-06-01/muutokset/'));
		await page.locator('#siirto-1-vanha').getByRole('link', { name: 'uuteen paikkaan' }).click();
		await expect(page).toHaveURL(/#siirto-1-uusi$/);
		await expect(page.locator('#siirto-1-uusi')).toBeInViewport();
		await page.locator('#siirto-1-uusi').getByRole('link', { name: 'aiemmasta paikasta' }).click();
		await expect(page).toHaveURL(/#siirto-1-vanha$/);
		await expect(page.locator('#siirto-1-vanha')).toBeInViewport();
	});

	test('a legend above the diff explains the marks, read by screen readers and printed', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/2021-06-01/muutokset/'));
		const legend = page.locator('.diff-legend');
		await expect(legend.getByRole('listitem')).toHaveText([
			'Lisätty teksti on alleviivattu.',
			'Poistettu teksti on yliviivattu.',
			'Siirretty teksti on siirretty toiseen kohtaan; linkki vie sen toiseen paikkaan.',
			'Muuttumattomat kohdat on tiivistetty: Näytä-painike avaa ne.',
			'Ruudunlukija lukee ja tuloste näyttää muutoksen edessä sanan Lisätty, Poistettu tai Siirretty.',
		]);
		expect(
			await legend.evaluate(
				(element) =>
					element.compareDocumentPosition(document.querySelector('.diff-document')!) & Node.DOCUMENT_POSITION_FOLLOWING,
			),
		).toBeTruthy();
		await page.emulateMedia({ media: 'print' });
		await expect(legend).toBeVisible();
		expect(await legend.locator('ins').evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe(
			'underline',
		);
	});
});

test.describe('every change shows', () => {
	test.use({ javaScriptEnabled: false });

	test("a link's new address alone is a change, with the old and the new address", async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/2019-05-01/muutokset/'));
		await expect(page.getByText('Versioiden teksti on sama.')).toHaveCount(0);
		await expect(page.locator('.diff-summary strong')).toHaveText('1 muutettu kohta');
		const note = page.locator('#muutos-1 .diff-link');
		await expect(note).toHaveText(
			'Linkin ”tietosuojasivultamme” osoite: Poistettu: https://www.tietosuoja.fi/ Lisätty: https://www.solinum.fi/tietosuojaseloste/',
		);
		expect(await changed(page, 'del')).toEqual(['https://www.tietosuoja.fi/']);
		expect(await changed(page, 'ins')).toEqual(['https://www.solinum.fi/tietosuojaseloste/']);
	});

	test('a table is a real table on the revision page, and its changed cell is marked on the change page', async ({
		page,
	}) => {
		await page.goto(url('/tietosuojaseloste/2024-02-15/'));
		const table = page.locator('.notice__body').getByRole('table');
		await expect(table.getByRole('columnheader')).toHaveText(['Tieto', 'Säilytysaika']);
		await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Lokitiedot', '24 kuukautta']);
		await page.goto(url('/tietosuojaseloste/2024-02-15/muutokset/'));
		await expect(page.locator('.diff-summary strong')).toHaveText('1 muutettu kohta');
		const cell = page
			.locator('#muutos-1')
			.getByRole('cell')
			.filter({ has: page.locator('ins') });
		await expect(cell).toHaveClass(/diff-cell--changed/);
		expect(await changed(page, 'del')).toEqual(['12']);
		expect(await changed(page, 'ins')).toEqual(['24']);
		await expect(page.locator('#muutos-1').getByRole('cell', { name: 'Lokitiedot' })).not.toHaveClass(/diff-cell/);
	});

	for (const site of ['scenarios', 'three'] as const satisfies readonly TestSiteName[]) {
		test(`on the ${site} site, every built revision page shows exactly the text of its lohkot.json`, async ({
			request,
		}) => {
			const folder = testSite(site).contentDir;
			const dates = readdirSync(folder)
				.filter((name) => name.endsWith('.mdx'))
				.map((name) => name.slice(0, -4));
			for (const date of dates) {
				const html = readFileSync(`${siteOutDir(site)}/tietosuojaseloste/${date}/index.html`, 'utf8');
				const $ = cheerio.load(html);
				const text = $('<article></article>').append(
					$('article.notice h1').clone(),
					$('.notice__body').contents().clone(),
				);
				text.find(INTERFACE_LINES).remove();
				const blocks = await (await request.get(siteUrl(site, `/tietosuojaseloste/${date}/lohkot.json`))).json();
				expect(pageBlocks($, text), date).toEqual(blocks);
			}
		});
	}
});

test.describe('the compare page shares the diff, moves included', () => {
	test('a consecutive pair with moves reads exactly as its change page', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/2021-06-01/muutokset/'));
		const staticHtml = await page.locator('.diff').innerHTML();
		await page.goto(url('/tietosuojaseloste/vertaa/?vanha=2019-05-01&uusi=2021-06-01'));
		await expect(page.getByRole('heading', { level: 2, name: 'Muutokset 1.5.2019 → 1.6.2021' })).toBeVisible();
		expect(await page.locator('[data-compare-diff]').innerHTML()).toBe(staticHtml);
	});

	test('any pair: the first against the upcoming one shows the moves, the link and the cell', async ({ page }) => {
		await page.goto(url('/tietosuojaseloste/vertaa/?vanha=2018-03-11&uusi=2026-11-20'));
		await expect(page.locator('.diff-row--moved')).toHaveCount(4);
		await expect(page.locator('.diff-link')).toContainText('https://www.solinum.fi/tietosuojaseloste/');
		await expect(page.locator('.diff-cell--changed')).toContainText('24');
	});
});

test.describe('accessibility and phones', () => {
	const PAGES = [
		'/tietosuojaseloste/muutoshistoria/?pvm=2021-07-01',
		'/tietosuojaseloste/2021-06-01/muutokset/',
		'/tietosuojaseloste/2024-02-15/muutokset/',
		'/tietosuojaseloste/2019-05-01/muutokset/',
		'/tietosuojaseloste/',
	];
	for (const path of PAGES) {
		test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
			await page.goto(url(path));
			await page
				.locator('details.diff-fold')
				.evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute('open', '')));
			expect(await axeViolations(page, { exclude: '#cc-main' })).toEqual([]);
		});
	}

	test.describe('on a 360 px phone', () => {
		test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		for (const path of PAGES) {
			test(`${path} has no horizontal scroll`, async ({ page }) => {
				await page.goto(url(path));
				await page
					.locator('details.diff-fold')
					.evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute('open', '')));
				expect(
					await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
				).toBe(0);
			});
		}
	});
});
