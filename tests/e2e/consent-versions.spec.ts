// Proof of consent, as a visitor, an auditor and a returning visitor meet it: the record names the
// version agreed to and the preferences link it; the receipt is made in the browser; every
// version is published as it was shown, with its source byte for byte; a version that changes
// only wording keeps a returning visitor's choice, one that changes what they agree to asks again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { declaredServices } from '../../src/lib/consent/declaration.ts';
import { consentRecord, siteConsent, storeConsent } from '../support/consent.ts';
import { siteUrl, type TestSiteName } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

const published = siteConsent('published');
const upcoming = siteConsent('upcoming');

/** Answers each declared service's script with an empty stand-in; anything else off 127.0.0.1 is refused and recorded. */
async function stubServices(page: Page, site: TestSiteName): Promise<string[]> {
	const scripts = new Set(declaredServices(siteConsent(site).current.declaration).map((service) => service.script));
	const offSite: string[] = [];
	await page.context().route('**/*', async (route) => {
		const url = route.request().url();
		if (new URL(url).hostname === '127.0.0.1') return route.continue();
		offSite.push(url);
		if (scripts.has(url)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
		return route.abort('blockedbyclient');
	});
	return offSite;
}

async function readRecord(context: BrowserContext) {
	const cookie = (await context.cookies()).find((candidate) => candidate.name === 'cc_cookie');
	return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : undefined;
}

const banner = (page: Page) => page.getByRole('dialog', { name: 'Evästeilmoitus' });
const preferences = (page: Page) => page.getByRole('dialog', { name: 'Evästeasetukset' });
const openPreferences = (page: Page) =>
	page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' }).click();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test.describe('the record of a choice', () => {
	test('names the version agreed to, and the preferences link it', async ({ page, context }) => {
		await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
		await expect.poll(async () => (await readRecord(context))?.data).toEqual({ version: '2026-11-25', gpc: false });
		expect((await readRecord(context)).revision).toBe(published.current.revision);

		await openPreferences(page);
		const record = preferences(page).getByRole('heading', { name: 'Tallennettu valintasi' }).locator('..');
		await expect(record).toContainText('Valintasi perustuu evästetietojen versioon 25.11.2026.');
		const link = record.getByRole('link', { name: '25.11.2026' });
		await expect(link).toHaveAttribute('href', '/evasteet/2026-11-25/');
		await link.click();
		await expect(page).toHaveURL(siteUrl('published', '/evasteet/2026-11-25/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evästeet 25.11.2026');
	});

	test("a receipt downloads, made in the browser, with the record's facts and the version's fingerprint", async ({
		page,
		context,
		request,
	}) => {
		const offSite = await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await banner(page).getByRole('button', { name: 'Asetukset' }).click();
		await preferences(page).getByRole('checkbox', { name: 'Analytiikka', exact: true }).check({ force: true });
		await preferences(page).getByRole('button', { name: 'Tallenna valinnat' }).click();
		await expect.poll(async () => (await readRecord(context))?.data?.version).toBe('2026-11-25');
		const stored = await readRecord(context);

		await openPreferences(page);
		const requests: string[] = [];
		page.on('request', (sent) => requests.push(sent.url()));
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			preferences(page).getByRole('button', { name: 'Lataa kuitti' }).click(),
		]);
		expect(download.suggestedFilename()).toBe(`evastekuitti-${stored.consentId}.json`);
		const receipt = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		const versions = await (await request.get(siteUrl('published', '/evasteet/versiot.json'))).json();
		const source = await (await request.get(siteUrl('published', '/evasteet/2026-11-25/2026-11-25.yaml'))).body();
		expect(receipt).toEqual({
			site: 'https://www.solinum.fi/',
			consentId: stored.consentId,
			consentTimestamp: stored.consentTimestamp,
			lastConsentTimestamp: stored.lastConsentTimestamp,
			acceptedCategories: ['necessary', 'analytics'],
			acceptedServices: [
				{ id: 'ga4', category: 'analytics', name: 'Google Analytics 4', provider: 'Google Ireland Limited' },
			],
			globalPrivacyControl: false,
			version: {
				date: '2026-11-25',
				sha256: versions.versions[0].sha256,
				url: 'https://www.solinum.fi/evasteet/2026-11-25/',
				sourceUrl: 'https://www.solinum.fi/evasteet/2026-11-25/2026-11-25.yaml',
			},
			revision: published.current.revision,
			receiptCreated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		});
		// The fingerprint is what sha256sum prints for the published source, and the one sealed.
		expect(receipt.version.sha256).toBe(sha256(source));
		expect(receipt.version.sha256).toBe(
			JSON.parse(readFileSync('content/evasteet/sealed.json', 'utf8'))['2026-11-25.yaml'],
		);
		// Nothing is sent anywhere to make it.
		expect(requests.filter((url) => !url.startsWith('blob:'))).toEqual([]);
		expect(offSite.every((url) => url.startsWith('https://www.googletagmanager.com/'))).toBe(true);
	});

	test('with Global Privacy Control, the record and the receipt say it applied', async ({ page, context }) => {
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
		});
		await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
		await expect.poll(async () => (await readRecord(context))?.data).toEqual({ version: '2026-11-25', gpc: true });
		await openPreferences(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			preferences(page).getByRole('button', { name: 'Lataa kuitti' }).click(),
		]);
		const receipt = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(receipt).toMatchObject({ globalPrivacyControl: true, acceptedCategories: ['necessary', 'analytics'] });
		expect(receipt.acceptedServices.map((service: { id: string }) => service.id)).toEqual(['ga4']);
	});

	test('made before versions were kept, names the first version of its revision', async ({ page, context }) => {
		await stubServices(page, 'published');
		await storeConsent(context, consentRecord({ categories: ['necessary'] }));
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await openPreferences(page);
		await expect(preferences(page)).toContainText('Valintasi perustuu evästetietojen versioon 25.11.2026.');
		// Showing it is no new choice: the stored record is left as it was.
		expect((await readRecord(context)).data).toBeNull();
	});

	test('without a choice, shows no version and offers no receipt', async ({ page }) => {
		await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await banner(page).getByRole('button', { name: 'Asetukset' }).click();
		await expect(preferences(page)).toContainText('Et ole vielä tehnyt valintaa');
		await expect(preferences(page).getByRole('button', { name: 'Lataa kuitti' })).toHaveCount(0);
	});
});

test.describe('every version, as it was shown', () => {
	test("the version page holds the live banner's and preferences' texts and every cookie of /evasteet/", async ({
		page,
	}) => {
		await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		await expect(banner(page)).toBeVisible();
		const live: string[] = [];
		const dialog = banner(page);
		live.push(await dialog.getByRole('heading').innerText(), await page.locator('#cm__desc').innerText());
		for (const button of await dialog.getByRole('button').all()) {
			live.push((await button.getAttribute('aria-label')) ?? (await button.innerText()));
		}
		live.push(...(await dialog.getByRole('link').allInnerTexts()));

		await dialog.getByRole('button', { name: 'Asetukset' }).click();
		await expect(preferences(page)).toBeVisible();
		const prefs = preferences(page);
		live.push(await prefs.getByRole('heading', { level: 2 }).innerText());
		// Every section's title and description, the collapsed ones included, and every cell of every table.
		live.push(
			...(await prefs
				.locator('.pm__section-title')
				.evaluateAll((titles) => titles.map((title) => title.textContent ?? ''))),
		);
		live.push(
			...(await prefs.locator('.pm__section-desc').evaluateAll((texts) => texts.map((text) => text.textContent ?? ''))),
		);
		live.push(
			...(await prefs
				.locator('table caption, table th, table td')
				.evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''))),
		);
		for (const button of await prefs.getByRole('button').all()) {
			const label = (await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '';
			if (label && !(await button.evaluate((element) => element.closest('.pm__section')))) live.push(label);
		}

		await page.goto(siteUrl('published', '/evasteet/'));
		const cookies = await page.locator('main table tbody th').allInnerTexts();
		expect(cookies).toEqual(['cc_cookie', '_ga', '_ga_5LQ8XK2W7N', '_fbp', '_fbc']);

		await page.goto(siteUrl('published', '/evasteet/2026-11-25/'));
		const shown = squash(await page.getByRole('main').innerText());
		// Texts of our own that the widget adds to the dialog are not part of the version.
		const ours = ['Tallennettu valintasi', 'Et ole vielä tehnyt valintaa: vain välttämätön on käytössä.'];
		const expected = [...new Set(live.map(squash))].filter((text) => text && !ours.includes(text));
		expect(expected.length).toBeGreaterThan(40);
		expect(expected.filter((text) => !shown.includes(text))).toEqual([]);
		for (const name of cookies) expect(shown).toContain(name);
	});

	test('with Global Privacy Control, what the banner and preferences add is on the version page too', async ({
		page,
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
		});
		await stubServices(page, 'published');
		await page.goto(siteUrl('published', '/tietosuojaseloste/'));
		const note = await banner(page).locator('#cm__desc strong').innerText();
		await banner(page).getByRole('button', { name: 'Asetukset' }).click();
		const locked = await preferences(page).locator('.pm__section-desc strong').first().textContent();
		await page.goto(siteUrl('published', '/evasteet/2026-11-25/'));
		const shown = squash(await page.getByRole('main').innerText());
		expect(shown).toContain(squash(note));
		expect(shown).toContain(squash(locked ?? ''));
		expect(shown).toContain('Global Privacy Control -signaali hylkää: Markkinointi.');
	});

	test('versiot.json lists each version with its fingerprint, and its source is published byte for byte', async ({
		request,
	}) => {
		const body = await (await request.get(siteUrl('published', '/evasteet/versiot.json'))).json();
		expect(body).toEqual({
			current: '2026-11-25',
			versions: [
				{
					date: '2026-11-25',
					from: '2026-11-25',
					until: null,
					reasked: true,
					revision: published.current.revision,
					summary: 'Evästeet ja niiden käyttötarkoitukset on nyt kuvattu tällä sivustolla.',
					url: 'https://www.solinum.fi/evasteet/2026-11-25/',
					sourceUrl: 'https://www.solinum.fi/evasteet/2026-11-25/2026-11-25.yaml',
					sha256: sha256(readFileSync('content/evasteet/2026-11-25.yaml')),
				},
			],
		});
		const source = await request.get(siteUrl('published', '/evasteet/2026-11-25/2026-11-25.yaml'));
		expect(Buffer.compare(await source.body(), readFileSync('content/evasteet/2026-11-25.yaml'))).toBe(0);
	});

	test('/evasteet/ shows the version in force and links every version', async ({ page }) => {
		await storeConsent(page.context());
		await page.goto(siteUrl('published', '/evasteet/'));
		await expect(page.getByRole('main')).toContainText('Evästetietojen voimassa oleva versio: 25.11.2026.');
		await page.getByRole('link', { name: 'Kaikki evästetietojen versiot' }).click();
		await expect(page).toHaveURL(siteUrl('published', '/evasteet/versiot/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evästetietojen versiot');
		await expect(
			page
				.getByRole('main')
				.getByRole('definition')
				.filter({ hasText: /^[0-9a-f]{64}$/ }),
		).toHaveText(published.current.sha256);
	});

	test('the list says when each version was in force and which asked visitors again', async ({ page }) => {
		await storeConsent(page.context());
		await page.goto(siteUrl('upcoming', '/evasteet/versiot/'));
		const entries = page.getByRole('main').getByRole('listitem');
		await expect(entries).toHaveCount(3);
		// Each entry: its heading, then its facts (in force; asked again?; what changed; SHA-256; source).
		const facts = (index: number) => entries.nth(index).getByRole('definition');
		await expect(entries.nth(0).getByRole('heading')).toHaveText('Versio 15.1.2024 voimassa oleva');
		await expect(facts(0).nth(0)).toHaveText('15.1.2024 alkaen');
		await expect(facts(0).nth(1)).toHaveText('Ei: vain sanamuotoja muutettiin, annetut valinnat pysyivät voimassa.');
		await expect(facts(1).nth(0)).toHaveText('1.6.2023–15.1.2024');
		await expect(facts(1).nth(1)).toHaveText('Kyllä: kaikilta kysyttiin uudelleen.');
		await expect(facts(2).nth(0)).toHaveText('11.3.2018–1.6.2023');
		await expect(facts(2).nth(1)).toHaveText('Ensimmäinen versio: kysyttiin kaikilta.');
		await expect(facts(2).nth(2)).toHaveText(upcoming.versions[0]!.sha256);
	});

	test("an earlier version's page says what replaced it, and shows its own texts", async ({ page }) => {
		await storeConsent(page.context());
		await page.goto(siteUrl('upcoming', '/evasteet/2023-06-01/'));
		await expect(page.getByRole('main')).toContainText(
			'Tämä versio ei ole enää voimassa. Sen korvasi versio 15.1.2024.',
		);
		await expect(page.getByRole('main')).toContainText('Evästeet ja seuranta');
		await expect(page.getByRole('main')).not.toContainText('Evästeet ja seuranta sivustollamme');
		await page.goto(siteUrl('upcoming', '/evasteet/2024-01-15/'));
		await expect(page.getByRole('main')).toContainText('Evästeet ja seuranta sivustollamme');
	});

	test('nothing of a version dated after the build date is online', async ({ request }) => {
		const scheduled = upcoming.scheduled[0]!;
		expect(scheduled.date).toBe('2024-03-01');
		for (const path of ['/evasteet/2024-03-01/', '/evasteet/2024-03-01/2024-03-01.yaml']) {
			expect((await request.get(siteUrl('upcoming', path))).status()).toBe(404);
		}
		const body = await (await request.get(siteUrl('upcoming', '/evasteet/versiot.json'))).json();
		expect(body.current).toBe('2024-01-15');
		expect(
			body.versions.map((version: { date: string; until: string | null }) => [version.date, version.until]),
		).toEqual([
			['2018-03-11', '2023-06-01'],
			['2023-06-01', '2024-01-15'],
			['2024-01-15', null],
		]);
		for (const path of ['/evasteet/versiot/', '/evasteet/', '/evasteet/asetukset.json', '/sitemap-0.xml']) {
			const text = await (await request.get(siteUrl('upcoming', path))).text();
			expect(text).not.toContain('2024-03-01');
			expect(text).not.toContain('1.3.2024');
			expect(text).not.toContain(scheduled.summary!);
		}
	});
});

test.describe('a returning visitor', () => {
	const [first, asked, wording] = upcoming.versions;

	test('who agreed before a wording-only version keeps their choice, and their record keeps naming that version', async ({
		page,
		context,
	}) => {
		const offSite = await stubServices(page, 'upcoming');
		await storeConsent(
			context,
			consentRecord({
				categories: ['necessary', 'analytics'],
				revision: asked!.revision,
				data: { version: asked!.date, gpc: false },
			}),
		);
		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/'));
		await expect
			.poll(() => offSite)
			.toContain(declaredServices(upcoming.current.declaration).find((service) => service.id === 'ga4')!.script);
		await expect(page.locator('#cc-main .cm')).toHaveCount(0);
		expect(wording!.reasked).toBe(false);

		await openPreferences(page);
		await expect(preferences(page)).toContainText('Valintasi perustuu evästetietojen versioon 1.6.2023.');
		await expect(preferences(page).getByRole('link', { name: '1.6.2023' })).toHaveAttribute(
			'href',
			'/evasteet/2023-06-01/',
		);
		// The preferences themselves are the wording in force now.
		await expect(preferences(page)).toContainText('Markkinointi ja mainonta');
		expect((await readRecord(context)).data).toEqual({ version: '2023-06-01', gpc: false });
	});

	test('who agreed before a material version is asked again, told why, and then agrees to the version in force', async ({
		page,
		context,
	}) => {
		await stubServices(page, 'upcoming');
		await storeConsent(
			context,
			consentRecord({
				categories: ['necessary', 'analytics'],
				revision: first!.revision,
				data: { version: first!.date, gpc: false },
			}),
		);
		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/'));
		await expect(banner(page)).toBeVisible();
		await expect(banner(page)).toContainText(
			`Evästeilmoitus on muuttunut: ${asked!.summary} Siksi kysymme valintaasi uudelleen.`,
		);
		await expect(banner(page)).toContainText('Evästeet ja seuranta sivustollamme');
		await banner(page).getByRole('button', { name: 'Hylkää kaikki' }).click();
		await expect.poll(async () => (await readRecord(context))?.data).toEqual({ version: wording!.date, gpc: false });
		expect((await readRecord(context)).revision).toBe(asked!.revision);
	});

	test('whose record names a version its revision never had counts as having no choice', async ({ page, context }) => {
		await stubServices(page, 'upcoming');
		await storeConsent(
			context,
			consentRecord({
				categories: ['necessary', 'analytics'],
				revision: asked!.revision,
				data: { version: '2024-03-01' },
			}),
		);
		await page.goto(siteUrl('upcoming', '/tietosuojaseloste/'));
		await expect(banner(page)).toBeVisible();
		await expect.poll(async () => (await context.cookies()).map((cookie) => cookie.name)).toEqual([]);
	});
});
