import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { axeViolations } from '../support/axe.ts';
import { storeConsent } from '../support/consent.ts';
import { siteUrl, testSite } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

// The three-revision fixture, read from its files so that the expectations follow the fixture.
const { contentDir } = testSite('three');
const fixture = readdirSync(contentDir)
	.filter((name) => name.endsWith('.mdx'))
	.sort()
	.map((fileName) => {
		const source = readFileSync(`${contentDir}/${fileName}`, 'utf8');
		const field = (name: string) => new RegExp(`^${name}:\\s*"?(.*?)"?$`, 'm').exec(source)?.[1];
		const published = field('published')!;
		return {
			fileName,
			source,
			published,
			effective: field('effective') ?? published,
			summary: field('summary'),
		};
	});
// These tests are about the history, not consent: a visitor who has already chosen, so no banner takes focus.
test.beforeEach(async ({ context }) => storeConsent(context));

const finnish = (date: string) => date.split('-').map(Number).reverse().join('.');
const newestFirst = [...fixture].reverse();

/** The text of every <ins> or <del> in the diff, without the screen-reader labels. */
function changedTexts(page: Page, tag: 'ins' | 'del'): Promise<string[]> {
	return page.locator(`.diff-document ${tag}`).evaluateAll((elements) =>
		elements.map((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			for (const marker of copy.querySelectorAll('.diff-marker')) marker.remove();
			for (const block of copy.querySelectorAll('h2, h3, p, li')) block.append(' ');
			return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
		}),
	);
}

// The fixture's edits, word for word (tests/fixtures/three-revisions).
const COOKIE_SECTION =
	'Evästeet Käytämme sivustollamme välttämättömiä evästeitä sekä suostumuksellasi analytiikka- ja markkinointievästeitä. Voit muuttaa valintaasi milloin tahansa sivun alalaidan evästeasetuksista.';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the change log lists every revision newest first, with dates, summary and addresses', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/muutoshistoria/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muutoshistoria');
		await expect(
			page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Muutoshistoria' }),
		).toHaveAttribute('aria-current', 'page');
		const entries = page.locator('.record-log__entry');
		await expect(entries).toHaveCount(fixture.length);
		for (const [index, revision] of newestFirst.entries()) {
			const entry = entries.nth(index);
			await expect(entry.getByRole('heading', { level: 2 })).toContainText(`Versio ${finnish(revision.published)}`);
			await expect(entry.locator('h2 time')).toHaveAttribute('datetime', revision.published);
			await expect(entry).toContainText(
				revision.summary ?? 'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio.',
			);
			if (revision.effective !== revision.published) {
				await expect(entry).toContainText(`Voimaantulo${finnish(revision.effective)}`);
			}
			await expect(
				entry.getByRole('link', { name: `https://www.solinum.fi/tietosuojaseloste/${revision.published}/` }),
			).toHaveAttribute('href', `/tietosuojaseloste/${revision.published}/`);
			const changes = entry.getByRole('link', { name: /Muutokset edelliseen versioon/ });
			await expect(changes).toHaveCount(revision === fixture[0] ? 0 : 1);
		}
		await expect(entries.first().locator('.change-log__badge')).toHaveText('Voimassa');
		await expect(entries.nth(1).locator('.change-log__badge')).toHaveText('Aiempi');
		// Its links work without any script.
		await entries
			.nth(1)
			.getByRole('link', { name: /Muutokset edelliseen versioon/ })
			.click();
		await expect(page).toHaveURL(siteUrl('three', `/tietosuojaseloste/${newestFirst[1]!.published}/muutokset/`));
	});

	test('every permanent address carries its status', async ({ page }) => {
		const [first, second, third] = fixture as [(typeof fixture)[0], (typeof fixture)[0], (typeof fixture)[0]];
		// Built on 2026-11-25, the newest revision is in force.
		await page.goto(siteUrl('three', `/tietosuojaseloste/${first.published}/`));
		const status = page.locator('.revision-status');
		await expect(status).toContainText('Tämä ei ole voimassa oleva versio.');
		await expect(status).toContainText(
			`Sen korvasi versio ${finnish(second.published)}, joka tuli voimaan ${finnish(second.effective)}.`,
		);
		await expect(status).toContainText('Tämä on tietosuojaselosteen ensimmäinen julkaistu versio.');
		await expect(status.getByRole('link', { name: 'Lue voimassa oleva tietosuojaseloste' })).toHaveAttribute(
			'href',
			'/tietosuojaseloste/',
		);

		await page.goto(siteUrl('three', `/tietosuojaseloste/${second.published}/`));
		await expect(status).toContainText('Tämä ei ole voimassa oleva versio.');
		await expect(status).toContainText(second.summary!);
		await expect(status.getByRole('link', { name: 'Katso, mitä tässä versiossa muuttui' })).toHaveAttribute(
			'href',
			`/tietosuojaseloste/${second.published}/muutokset/`,
		);

		for (const path of [`/tietosuojaseloste/${third.published}/`, '/tietosuojaseloste/']) {
			await page.goto(siteUrl('three', path));
			await expect(status).not.toContainText('Tämä ei ole voimassa oleva versio.');
			await expect(status.locator('dl')).toHaveText(
				`Julkaistu${finnish(third.published)}Voimaantulo${finnish(third.effective)}Muutos${third.summary}`,
			);
			expect(
				await status.locator('dl time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
			).toEqual([third.published, third.effective]);
			await status.getByRole('link', { name: 'Katso, mitä tässä versiossa muuttui' }).click();
			await expect(page).toHaveURL(siteUrl('three', `/tietosuojaseloste/${third.published}/muutokset/`));
		}
	});

	test('a consecutive diff marks exactly the words the fixture changed', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2020-06-01/muutokset/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muutokset versiossa 1.6.2020');
		await expect(page.getByText('Verrattuna edelliseen versioon 11.3.2018.')).toBeVisible();
		expect(await changedTexts(page, 'ins')).toEqual([
			'noudattaa lakisääteisiä velvoitteitamme',
			'Euroopan talousalueella',
			'1.6.2020',
		]);
		expect(await changedTexts(page, 'del')).toEqual([
			'EU:n alueella',
			'Kehotamme lukemaan ilmoituksen säännöllisesti.',
			'11.3.2018',
		]);
		await expect(page.locator('.diff-summary strong')).toHaveText('4 muutettua kohtaa');
		// The added list item stays a list item, between its neighbours.
		await expect(page.locator('.diff-change li ins')).toHaveText('Lisätty: noudattaa lakisääteisiä velvoitteitamme');
		// Folded, unchanged text is there but closed.
		const folds = page.locator('details.diff-fold');
		expect(await folds.count()).toBeGreaterThan(0);
		await expect(folds.first()).not.toHaveAttribute('open');
		await expect(folds.first().locator('summary')).toHaveText(/^Näytä \d+ muuttumatonta kohtaa$/);
	});

	test('an added section reads as one change, its heading still a heading', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2024-02-15/muutokset/'));
		expect(await changedTexts(page, 'ins')).toEqual([COOKIE_SECTION, '15.2.2024']);
		expect(await changedTexts(page, 'del')).toEqual(['1.6.2020']);
		await expect(page.locator('.diff-summary strong')).toHaveText('2 muutettua kohtaa');
		await expect(page.locator('#muutos-1 ins.diff-block > h2')).toHaveText('Lisätty: Evästeet');
		await expect(page.getByRole('heading', { level: 2, name: 'Lisätty: Evästeet' })).toBeVisible();
	});

	test('jump links lead from one change to the next', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2020-06-01/muutokset/'));
		await page.getByRole('navigation', { name: 'Siirry muutokseen' }).getByRole('link', { name: 'Muutos 2/4' }).click();
		await expect(page).toHaveURL(/#muutos-2$/);
		await expect(page.locator('#muutos-2')).toBeInViewport();
		await page.locator('#muutos-2').getByRole('link', { name: 'Seuraava muutos' }).click();
		await expect(page).toHaveURL(/#muutos-3$/);
		await expect(page.locator('#muutos-3')).toBeInViewport();
		await page.locator('#muutos-3').getByRole('link', { name: 'Edellinen muutos' }).click();
		await expect(page).toHaveURL(/#muutos-2$/);
	});

	test('the first revision says it has no earlier version', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2018-03-11/muutokset/'));
		await expect(
			page.getByText(
				'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio, joten aiempaa versiota, johon sitä voisi verrata, ei ole.',
			),
		).toBeVisible();
		await expect(page.locator('.diff-document')).toHaveCount(0);
	});

	test('the compare form still leads somewhere useful: the consecutive changes', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/'));
		await page.getByRole('button', { name: 'Vertaa' }).click();
		await expect(page).toHaveURL(/\?vanha=2020-06-01&uusi=2024-02-15$/);
		await expect(
			page.getByText('Kahden vapaasti valitun version vertailu tarvitsee JavaScriptin.', { exact: false }),
		).toBeVisible();
		await page.getByText('Kunkin version muutokset edelliseen', { exact: true }).click();
		await page.getByRole('link', { name: '1.6.2020 → 15.2.2024' }).click();
		await expect(page).toHaveURL(siteUrl('three', '/tietosuojaseloste/2024-02-15/muutokset/'));
	});
});

test('the diff styles keep their place in the cascade, above the base styles', async ({ page }) => {
	await page.goto(siteUrl('three', '/tietosuojaseloste/2020-06-01/muutokset/'));
	// Base gives h2 a 2 rem top margin and spaces list items; the diff view tightens both.
	const jumps = await page
		.locator('.diff-jumps li')
		.evaluateAll((items) => items.map((item) => getComputedStyle(item).marginBlockStart));
	expect(new Set(jumps)).toEqual(new Set(['0px']));
	// 1 rem (--space-4), not base's 2 rem.
	expect(
		await page
			.locator('.diff-document h2')
			.first()
			.evaluate((heading) => getComputedStyle(heading).marginBlockStart),
	).toBe('16px');
});

test.describe('inserted and deleted text without colour', () => {
	test('screen readers get a label; print shows it', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2020-06-01/muutokset/'));
		const marker = page.locator('.diff-document ins .diff-marker').first();
		await expect(marker).toHaveText('Lisätty: ');
		expect((await marker.boundingBox())?.width).toBeLessThanOrEqual(1);
		await expect(page.locator('.diff-document del .diff-marker').first()).toHaveText('Poistettu: ');
		await page.emulateMedia({ media: 'print' });
		expect((await marker.boundingBox())?.width).toBeGreaterThan(10);
		const decoration = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((element) => getComputedStyle(element).textDecorationLine);
		expect(await decoration('.diff-document ins')).toBe('underline');
		expect(await decoration('.diff-document del')).toBe('line-through');
	});
});

test.describe('the compare page', () => {
	test('compares a non-consecutive pair from its address', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/'));
		await expect(page.getByText('tarvitsee JavaScriptin', { exact: false })).toHaveCount(0);
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/?vanha=2018-03-11&uusi=2024-02-15'));
		await expect(page.getByRole('heading', { level: 2, name: 'Muutokset 11.3.2018 → 15.2.2024' })).toBeVisible();
		expect(
			await page
				.locator('#vertailu-otsikko time')
				.evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
		).toEqual(['2018-03-11', '2024-02-15']);
		await expect(page.getByLabel('Vanhempi versio')).toHaveValue('2018-03-11');
		await expect(page.getByLabel('Uudempi versio')).toHaveValue('2024-02-15');
		expect(await changedTexts(page, 'ins')).toEqual([
			'noudattaa lakisääteisiä velvoitteitamme',
			COOKIE_SECTION,
			'Euroopan talousalueella',
			'15.2.2024',
		]);
		expect(await changedTexts(page, 'del')).toEqual([
			'EU:n alueella',
			'Kehotamme lukemaan ilmoituksen säännöllisesti.',
			'11.3.2018',
		]);
		await expect(page.locator('.diff-summary strong')).toHaveText('5 muutettua kohtaa');
		// Only the two revisions' blocks were fetched: nothing was built per pair.
		expect(requests.filter((path) => path.endsWith('.json')).sort()).toEqual([
			'/tietosuojaseloste/2018-03-11/lohkot.json',
			'/tietosuojaseloste/2024-02-15/lohkot.json',
		]);
	});

	test('renders a consecutive pair exactly as its static change page', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/2020-06-01/muutokset/'));
		const staticHtml = await page.locator('.diff').innerHTML();
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/'));
		await page.getByLabel('Vanhempi versio').selectOption('2018-03-11');
		await page.getByLabel('Uudempi versio').selectOption('2020-06-01');
		await page.getByRole('button', { name: 'Vertaa' }).click();
		await expect(page).toHaveURL(/\?vanha=2018-03-11&uusi=2020-06-01$/);
		await expect(page.getByRole('heading', { level: 2, name: 'Muutokset 11.3.2018 → 1.6.2020' })).toBeFocused();
		expect(await page.locator('[data-compare-diff]').innerHTML()).toBe(staticHtml);
		// Back returns to the previous comparison's address and clears it.
		await page.goBack();
		await expect(page.locator('[data-compare-result]')).toBeHidden();
	});

	test('puts a reversed pair in order and refuses a pair of one', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/?vanha=2024-02-15&uusi=2020-06-01'));
		await expect(page.getByRole('heading', { level: 2, name: 'Muutokset 1.6.2020 → 15.2.2024' })).toBeVisible();
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/?vanha=2020-06-01&uusi=2020-06-01'));
		await expect(page.getByRole('status')).toHaveText('Valitse kaksi eri versiota.');
		await page.goto(siteUrl('three', '/tietosuojaseloste/vertaa/?vanha=1999-01-01&uusi=2020-06-01'));
		await expect(page.getByRole('status')).toHaveText('Osoitteessa on päivämäärä, jolla ei ole versiota.');
	});
});

test.describe('an upcoming change', () => {
	test('is announced on the current notice and marked at its own address', async ({ page }) => {
		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/'));
		await expect(page.locator('.notice__updated')).toHaveText('Viimeksi päivitetty 1.6.2020');
		const announcement = page.locator('.revision-status__alert--announce');
		await expect(announcement).toContainText('Tietosuojaseloste muuttuu 1.3.2024');
		await expect(announcement.locator('time')).toHaveAttribute('datetime', '2024-03-01');
		await expect(announcement.getByRole('link', { name: 'katso, mitä muuttuu' })).toHaveAttribute(
			'href',
			'/tietosuojaseloste/2024-02-15/muutokset/',
		);
		await announcement.getByRole('link', { name: 'Lue uusi versio' }).click();
		await expect(page).toHaveURL(siteUrl('upcoming', '/tietosuojaseloste/2024-02-15/'));
		await expect(page.locator('.revision-status')).toContainText('Tämä versio tulee voimaan 1.3.2024.');
		await expect(page.locator('.revision-status')).toContainText('Siihen asti on voimassa versio 1.6.2020.');

		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/muutoshistoria/'));
		await expect(page.locator('.record-log__entry').first().locator('.change-log__badge')).toHaveText('Tulossa');
		await expect(page.locator('.record-log__entry').nth(1).locator('.change-log__badge')).toHaveText('Voimassa');

		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/vertaa/'));
		await expect(page.getByLabel('Uudempi versio').locator('option')).toHaveText([
			'15.2.2024 (tulossa)',
			'1.6.2020 (voimassa)',
			'11.3.2018',
		]);
	});

	test('is not announced once in force', async ({ page }) => {
		await page.goto(siteUrl('three', '/tietosuojaseloste/'));
		await expect(page.locator('.revision-status__alert--announce')).toHaveCount(0);
	});
});

test('the feed has one entry per revision, newest first, titled by what changed, and every page links it', async ({
	page,
	request,
}) => {
	const response = await request.get(siteUrl('three', '/tietosuojaseloste/feed.xml'));
	expect(response.status()).toBe(200);
	const xml = await response.text();
	// Well-formed, by the browser's strict XML parser.
	const errors = await page.evaluate(
		(text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length,
		xml,
	);
	expect(errors).toBe(0);
	const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
	const channel = parsed.rss.channel;
	expect(parsed.rss['@_version']).toBe('2.0');
	expect(channel.title).toBe('Solinum Oy:n tietosuojaselosteen muutokset');
	expect(channel.language).toBe('fi');
	expect(channel['atom:link']['@_href']).toBe('https://www.solinum.fi/tietosuojaseloste/feed.xml');
	// The newest revision's date, never the clock's: rebuilding the same revisions gives the same feed.
	expect(channel.lastBuildDate).toBe(new Date(`${newestFirst[0]!.published}T00:00:00Z`).toUTCString());
	const items = [channel.item].flat();
	expect(items).toHaveLength(fixture.length);
	for (const [index, revision] of newestFirst.entries()) {
		const item = items[index];
		const url = `https://www.solinum.fi/tietosuojaseloste/${revision.published}/`;
		expect(item.title).toBe(`${finnish(revision.published)}: ${revision.summary ?? 'Ensimmäinen julkaistu versio.'}`);
		expect(item.link).toBe(url);
		expect(item.guid['#text']).toBe(url);
		expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(revision.published);
		expect(item.description).toContain(revision.summary ?? 'Ensimmäinen julkaistu versio.');
		if (revision.effective !== revision.published)
			expect(item.description).toContain(`Voimaan ${finnish(revision.effective)}.`);
		expect(item['content:encoded']).toContain(`href="${url}"`);
		expect(item['content:encoded'].includes(`href="${url}muutokset/"`)).toBe(revision !== fixture[0]);
	}
	for (const path of [
		'/tietosuojaseloste/',
		'/tietosuojaseloste/muutoshistoria/',
		'/tietosuojaseloste/2018-03-11/muutokset/',
		'/tietosuojaseloste/vertaa/',
	]) {
		await page.goto(siteUrl('three', path));
		await expect(page.locator('link[rel=alternate][type="application/rss+xml"]')).toHaveAttribute(
			'href',
			'/tietosuojaseloste/feed.xml',
		);
	}
});

test('versiot.json gives each revision its dates, addresses and the SHA-256 of its file, published to check', async ({
	request,
}) => {
	const body = await (await request.get(siteUrl('three', '/tietosuojaseloste/versiot.json'))).json();
	expect(body.current).toBe(fixture.at(-1)!.published);
	expect(body.revisions).toHaveLength(fixture.length);
	for (const [index, revision] of fixture.entries()) {
		const entry = body.revisions[index];
		expect(entry.published).toBe(revision.published);
		expect(entry.effective).toBe(revision.effective);
		expect(entry.summary).toBe(revision.summary ?? null);
		expect(entry.url).toBe(`https://www.solinum.fi/tietosuojaseloste/${revision.published}/`);
		// The first revision's too: its changes page is built, and says there is nothing earlier.
		expect(entry.changesUrl).toBe(`https://www.solinum.fi/tietosuojaseloste/${revision.published}/muutokset/`);
		expect(
			(
				await request.get(entry.changesUrl.replace('https://www.solinum.fi', siteUrl('three', '/').slice(0, -1)))
			).status(),
		).toBe(200);
		expect(entry.sha256).toBe(
			createHash('sha256')
				.update(readFileSync(`${contentDir}/${revision.fileName}`))
				.digest('hex'),
		);
		// Anyone can fetch the published source and check it against the fingerprint.
		const source = await request.get(
			entry.sourceUrl.replace('https://www.solinum.fi', siteUrl('three', '/').slice(0, -1)),
		);
		expect(
			createHash('sha256')
				.update(await source.body())
				.digest('hex'),
		).toBe(entry.sha256);
	}
});

test.describe('the one-revision site looks deliberate', () => {
	test('its change log, changes page, notice and compare page say it is the first version', async ({ page }) => {
		await page.goto(siteUrl('published', '/tietosuojaseloste/muutoshistoria/'));
		await expect(page.locator('.record-log__entry')).toHaveCount(1);
		await expect(
			page.getByText('Tietosuojaselosteesta on julkaistu toistaiseksi yksi versio.', { exact: false }),
		).toBeVisible();
		await expect(page.locator('.record-log__entry')).toContainText(
			'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio.',
		);
		await expect(page.getByRole('link', { name: 'Vertaa mitä tahansa kahta versiota' })).toHaveCount(0);

		await page.goto(siteUrl('published', '/tietosuojaseloste/2018-03-11/muutokset/'));
		await expect(page.getByText('aiempaa versiota, johon sitä voisi verrata, ei ole', { exact: false })).toBeVisible();

		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await expect(page.locator('.revision-status')).toContainText(
			'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio.',
		);
		await expect(page.locator('.revision-status__alert')).toHaveCount(0);

		await page.goto(siteUrl('published', '/tietosuojaseloste/vertaa/'));
		await expect(page.locator('form')).toHaveCount(0);
	});
});

test.describe('accessibility of the history pages', () => {
	for (const path of [
		'/tietosuojaseloste/muutoshistoria/',
		'/tietosuojaseloste/2020-06-01/muutokset/',
		'/tietosuojaseloste/vertaa/?vanha=2018-03-11&uusi=2024-02-15',
		'/tietosuojaseloste/2018-03-11/',
	]) {
		test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
			await page.goto(siteUrl('three', path));
			await page
				.locator('details.diff-fold')
				.evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute('open', '')));
			// The consent dialog is audited by its own tests; caught mid fade-in, its title fails contrast.
			expect(await axeViolations(page, { exclude: '#cc-main' })).toEqual([]);
		});
	}
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
	for (const path of [
		'/tietosuojaseloste/muutoshistoria/',
		'/tietosuojaseloste/2020-06-01/muutokset/',
		'/tietosuojaseloste/vertaa/?vanha=2018-03-11&uusi=2024-02-15',
		'/tietosuojaseloste/2018-03-11/',
	]) {
		test(`${path} has no horizontal scroll`, async ({ page }) => {
			await page.goto(siteUrl('three', path));
			await page
				.locator('details.diff-fold')
				.evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute('open', '')));
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
			);
			expect(overflow).toBe(0);
		});
	}
});
