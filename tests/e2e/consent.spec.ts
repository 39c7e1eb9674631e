// The consent widget as a visitor meets it: every request and cookie is recorded, every
// third-party address is stubbed (and any other one fails the test), and each promise of the
// cookie notice is checked against what the browser actually did.
import { existsSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { consentLifetimeDays, declaredServices } from '../../src/lib/consent/declaration.ts';
import { axeViolations } from '../support/axe.ts';
import { consentRecord, siteConsent, storeConsent } from '../support/consent.ts';
import { siteOutDir, siteUrl } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

const notice = siteUrl('published', '/tietosuojaseloste/');
// The cookie information in force on the published site (content/evasteet/).
const published = siteConsent('published');
const CONSENT = published.current.declaration;
const CONSENT_LIFETIME_DAYS = consentLifetimeDays(CONSENT);
const services = declaredServices(CONSENT);
const scriptOf = (id: string) => services.find((service) => service.id === id)!.script;
const GA = scriptOf('ga4');
const PIXEL = scriptOf('meta-pixel');
const cookieNamesOf = (categoryId: string) =>
	CONSENT.categories
		.find((category) => category.id === categoryId)!
		.services.flatMap((service) => service.cookies.map((cookie) => cookie.name));

interface Traffic {
	/** Every address the page asked for. */
	requests: string[];
	/** Addresses off 127.0.0.1 that no stub answers: must stay empty. */
	unstubbed: string[];
	/** Uncaught errors on the page. */
	errors: string[];
	/** Requests asked for and not yet answered or failed. */
	pending: number;
}

/**
 * Records every request; answers each declared service's script with a stand-in that sets the
 * cookies the declaration says the service sets, and refuses anything else off our server.
 */
async function watch(page: Page): Promise<Traffic> {
	const traffic: Traffic = { requests: [], unstubbed: [], errors: [], pending: 0 };
	page.on('pageerror', (error) => traffic.errors.push(error.message));
	page.context().on('request', () => traffic.pending++);
	page.context().on('requestfinished', () => traffic.pending--);
	page.context().on('requestfailed', () => traffic.pending--);
	await page.context().route('**/*', async (route) => {
		const url = route.request().url();
		traffic.requests.push(url);
		if (new URL(url).hostname === '127.0.0.1') return route.continue();
		const service = services.find((candidate) => candidate.script === url);
		if (!service) {
			traffic.unstubbed.push(url);
			return route.abort('blockedbyclient');
		}
		const body = service.cookies
			.map(
				(cookie) =>
					`document.cookie = ${JSON.stringify(`${cookie.name}=stub; path=/; max-age=${cookie.lifetimeDays * 86400}`)};`,
			)
			.join('\n');
		return route.fulfill({ status: 200, contentType: 'text/javascript', body });
	});
	return traffic;
}

/**
 * Waits until the page has done all that its last load or click set off: the page loaded, two
 * frames drawn (whatever a click handler started has run) and no request in flight. Only then
 * does "nothing was requested" mean something.
 */
async function settled(page: Page, traffic: Traffic): Promise<void> {
	await page.waitForLoadState('load');
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	await expect.poll(() => traffic.pending).toBe(0);
}

/** Waits until no transition or animation runs: the widget's dialogs have faded in or out. */
async function transitionsDone(page: Page): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length),
		)
		.toBe(0);
}

const offSite = (traffic: Traffic) => traffic.requests.filter((url) => new URL(url).hostname !== '127.0.0.1');

/** Cookies the analytics and marketing services set, as an earlier visit with their consent would have left them. */
async function storeServiceCookies(context: BrowserContext): Promise<void> {
	const names = [...cookieNamesOf('analytics'), ...cookieNamesOf('marketing')];
	await context.addCookies(
		names.map((name) => ({
			name,
			value: 'GA1.1.123.456',
			domain: '127.0.0.1',
			path: '/',
			sameSite: 'Lax' as const,
			expires: Math.floor(Date.now() / 1000) + 86_400,
		})),
	);
}

async function cookieNames(context: BrowserContext): Promise<string[]> {
	return (await context.cookies()).map((cookie) => cookie.name).sort();
}

async function readConsent(context: BrowserContext) {
	const cookie = (await context.cookies()).find((candidate) => candidate.name === CONSENT.consentCookie);
	return cookie ? { cookie, value: JSON.parse(decodeURIComponent(cookie.value)) } : undefined;
}

/** A record as the widget writes it, granting analytics, which a test can spoil one field at a time. */
const storedRecord = (overrides: Record<string, unknown> = {}, now = Date.now()) =>
	consentRecord({ categories: ['necessary', 'analytics'], ...overrides }, now);
const storeRecord = storeConsent;

const banner = (page: Page) => page.getByRole('dialog', { name: 'Evästeilmoitus' });

/** The banner's three choices: accept, reject and settings. */
const bannerChoices = (page: Page) =>
	['Hyväksy kaikki', 'Hylkää kaikki', 'Asetukset'].map((name) =>
		banner(page).getByRole('button', { name, exact: true }),
	);

/**
 * How each button looks: its size and row, its colours, type and border. Equal looks are an equal
 * choice. Measured once the banner has finished sliding in, all in the same frame.
 */
async function looksOf(buttons: readonly Locator[]) {
	const [first] = buttons;
	await first!.evaluate((element) =>
		Promise.all(
			(element.closest('#cc-main') ?? element)
				.getAnimations({ subtree: true })
				.map((animation) => animation.finished.catch(() => undefined)),
		),
	);
	const elements = await Promise.all(buttons.map((button) => button.elementHandle()));
	return first!.page().evaluate(
		(all) =>
			all.map((element) => {
				const style = getComputedStyle(element!);
				const box = element!.getBoundingClientRect();
				return {
					width: Math.round(box.width),
					height: Math.round(box.height),
					top: Math.round(box.top),
					background: style.backgroundColor,
					color: style.color,
					font: `${style.fontSize} ${style.fontWeight}`,
					border: style.border,
				};
			}),
		elements,
	);
}
const preferences = (page: Page) => page.getByRole('dialog', { name: 'Evästeasetukset' });
const toggle = (page: Page, name: string) => preferences(page).getByRole('checkbox', { name, exact: true });

test('first visit: the banner asks, and nothing non-essential is stored or requested', async ({ page, context }) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await expect(banner(page)).toBeVisible();
	const buttons = bannerChoices(page);
	for (const button of buttons) await expect(button).toBeVisible();
	// Accept, reject and settings stand level: same size, colours, type and row.
	const looks = await looksOf(buttons);
	expect(looks[1]).toEqual(looks[0]);
	expect(looks[2]).toEqual(looks[0]);
	// The notice stays readable and usable: no overlay, no scroll lock.
	await page.mouse.wheel(0, 600);
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
	await page.getByRole('link', { name: 'Henkilökohtaiset tiedot', exact: true }).first().click();
	await expect(page).toHaveURL(/#henkil/);
	// Consent Mode defaults were set before anything could load.
	const first = await page.evaluate(() => Array.from((window.dataLayer as IArguments[])[0]!));
	expect(first).toEqual([
		'consent',
		'default',
		{ analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
	]);
	// Going on to another page is no choice either: the banner asks again there.
	await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Muutoshistoria' }).click();
	await expect(page).toHaveURL(/muutoshistoria/);
	await expect(banner(page)).toBeVisible();
	await settled(page, traffic);
	expect(offSite(traffic)).toEqual([]);
	expect(await cookieNames(context)).toEqual([]);
	expect(traffic.errors).toEqual([]);
});

test('the banner overlays the notice without shifting it, and its styles block nothing', async ({ page }) => {
	await watch(page);
	// Where the notice's text was at the moment the widget added itself to the page.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!document.getElementById('cc-main')) return;
			const top = document.querySelector('main')!.getBoundingClientRect().top + window.scrollY;
			(window as unknown as { before: number }).before = top;
			observer.disconnect();
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto(notice);
	await expect(banner(page)).toBeVisible();
	await transitionsDone(page);
	const { before, after } = await page.evaluate(() => ({
		before: (window as unknown as { before: number }).before,
		after: document.querySelector('main')!.getBoundingClientRect().top + window.scrollY,
	}));
	expect(before).toBeGreaterThan(0);
	expect(after).toBe(before);
	expect(await page.locator('#cc-main .cm').evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
	// Only the site's own stylesheet may block rendering; the widget's comes with its module script.
	const blocking = await page.evaluate(() =>
		[
			...document.querySelectorAll('link[rel=stylesheet], script:not([type=module]):not([type="application/json"])'),
		].map((element) => element.outerHTML),
	);
	expect(blocking.filter((html) => /cookieconsent|consent/i.test(html))).toEqual([]);
});

test('reject all: still nothing, and after a reload no banner', async ({ page, context }) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Hylkää kaikki' }).click();
	await expect(banner(page)).toBeHidden();
	const stored = await readConsent(context);
	expect(stored?.value.categories).toEqual(['necessary']);
	expect(stored?.cookie.sameSite).toBe('Lax');
	expect(stored!.cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(CONSENT_LIFETIME_DAYS * 86_400_000 + 60_000);
	await page.reload();
	await settled(page, traffic);
	await expect(page.locator('#cc-main .cm')).toBeHidden();
	expect(offSite(traffic)).toEqual([]);
	expect(await cookieNames(context)).toEqual([CONSENT.consentCookie]);
});

test('closing the banner with ✕ is "necessary only", never consent', async ({ page, context }) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Sulje: vain välttämättömät' }).click();
	await expect(banner(page)).toBeHidden();
	expect((await readConsent(context))?.value.categories).toEqual(['necessary']);
	await settled(page, traffic);
	expect(offSite(traffic)).toEqual([]);
});

test('closing the preferences without a choice (Esc) is "necessary only" too', async ({ page, context }) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Asetukset' }).click();
	await expect(preferences(page).locator(':focus')).toHaveCount(1);
	await page.keyboard.press('Escape');
	await expect(preferences(page)).toBeHidden();
	await expect(banner(page)).toBeHidden();
	expect((await readConsent(context))?.value.categories).toEqual(['necessary']);
	await settled(page, traffic);
	expect(offSite(traffic)).toEqual([]);
});

test('accept all: each configured service script is requested', async ({ page, context }) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
	await expect.poll(() => traffic.requests).toEqual(expect.arrayContaining(services.map((service) => service.script)));
	await expect
		.poll(() => cookieNames(context))
		.toEqual([CONSENT.consentCookie, ...cookieNamesOf('analytics'), ...cookieNamesOf('marketing')].sort());
	expect((await readConsent(context))?.value.categories).toEqual(['necessary', 'analytics', 'marketing']);
	const updates = await page.evaluate(() =>
		(window.dataLayer as IArguments[]).map((entry) => Array.from(entry)).filter((entry) => entry[1] === 'update'),
	);
	expect(updates).toContainEqual([
		'consent',
		'update',
		{ analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
	]);
	expect(traffic.unstubbed).toEqual([]);
});

test('preferences start all off, list services and cookies, and "analytics only" loads analytics only', async ({
	page,
	context,
}) => {
	const traffic = await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Asetukset' }).click();
	await expect(preferences(page)).toBeVisible();
	await expect(toggle(page, 'Välttämättömät')).toBeChecked();
	await expect(toggle(page, 'Välttämättömät')).toBeDisabled();
	await expect(toggle(page, 'Analytiikka')).not.toBeChecked();
	await expect(toggle(page, 'Markkinointi')).not.toBeChecked();
	await expect(preferences(page)).toContainText('Et ole vielä tehnyt valintaa');
	// Before any choice the visitor sees what each category lets in, and who gets access.
	for (const service of services) {
		await expect(preferences(page)).toContainText(service.provider);
		for (const cookie of service.cookies) await expect(preferences(page)).toContainText(cookie.name);
	}
	await toggle(page, 'Analytiikka').check({ force: true });
	await preferences(page).getByRole('button', { name: 'Tallenna valinnat' }).click();
	await expect(preferences(page)).toBeHidden();
	await expect(banner(page)).toBeHidden();
	await expect.poll(() => traffic.requests).toContain(GA);
	expect(traffic.requests).not.toContain(PIXEL);
	await expect.poll(() => cookieNames(context)).toEqual([CONSENT.consentCookie, ...cookieNamesOf('analytics')].sort());
	await page.goto(siteUrl('published', '/evasteet/'));
	await settled(page, traffic);
	expect(traffic.requests).not.toContain(PIXEL);
	expect(traffic.unstubbed).toEqual([]);
});

test('the preferences show when and what was chosen, with the consent id, each fact on a line of its own', async ({
	page,
	context,
}) => {
	await watch(page);
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
	const { value } = (await readConsent(context))!;
	await page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' }).click();
	await expect(preferences(page)).toContainText(`Suostumuksen tunniste: ${value.consentId}`);
	await expect(preferences(page)).toContainText('Sallittu: Välttämättömät, Analytiikka, Markkinointi.');
	const year = new Date(value.consentTimestamp).getFullYear();
	await expect(preferences(page)).toContainText(new RegExp(`Annettu \\d+\\. \\p{L}+ ${year}`, 'u'));
	// Each fact starts a line of its own, below the one before, as does any fact added to the
	// record later: a <span> is inline by nature, and the record still gives it its own line.
	const record = preferences(page).locator('.cc-record');
	const lines = () =>
		record.evaluate((section) => {
			const facts = [...section.querySelectorAll(':scope > div:last-child > *')];
			const boxes = facts.map((fact) => fact.getBoundingClientRect());
			return {
				facts: facts.map((fact) => fact.textContent),
				ownLines: boxes.every((box, at) => at === 0 || box.top >= boxes[at - 1]!.bottom),
				sameStart: new Set(boxes.map((box) => Math.round(box.left))).size === 1,
				text: (section as HTMLElement).innerText.split(/\n+/),
			};
		});
	const shown = await lines();
	expect(shown.facts).toEqual([
		'Sallittu: Välttämättömät, Analytiikka, Markkinointi.',
		expect.stringMatching(/^Annettu .+, viimeksi muutettu .+\.$/),
		'Valintasi perustuu evästetietojen versioon 25.11.2026.',
		`Suostumuksen tunniste: ${value.consentId}`,
		'Lataa kuitti Kuitti on selaimessasi tehty JSON-tiedosto valinnastasi ja sen evästetietojen versiosta. Mitään ei lähetetä minnekään.',
	]);
	expect(shown).toEqual(expect.objectContaining({ ownLines: true, sameStart: true }));
	expect(shown.text).toEqual(['Tallennettu valintasi', ...shown.facts]);
	await record.evaluate((section) =>
		section
			.querySelector(':scope > div:last-child')!
			.append(Object.assign(document.createElement('span'), { textContent: 'Lisätty tieto' })),
	);
	expect((await lines()).ownLines).toBe(true);
});

test('withdraw: the service is told first, its cookies go, and its script stays away', async ({ page, context }) => {
	const traffic = await watch(page);
	// Logs, across reloads, each Consent Mode command and each cookie deletion, in order.
	await page.addInitScript(() => {
		const log = (entry: string) =>
			sessionStorage.setItem('log', JSON.stringify([...JSON.parse(sessionStorage.getItem('log') ?? '[]'), entry]));
		const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
		Object.defineProperty(document, 'cookie', {
			configurable: true,
			get: () => cookie.get!.call(document),
			set: (value: string) => {
				if (/expires=Thu, 01 Jan 1970/i.test(value)) log(`erase ${value.split('=')[0]}`);
				cookie.set!.call(document, value);
			},
		});
		const dataLayer: unknown[] = [];
		dataLayer.push = function (...entries: unknown[]) {
			for (const entry of entries) {
				const args = Array.from(entry as IArguments);
				if (args[0] === 'consent') log(`consent ${String(args[1])} ${JSON.stringify(args[2])}`);
			}
			return Array.prototype.push.apply(this, entries);
		};
		(window as unknown as { dataLayer: unknown[] }).dataLayer = dataLayer;
	});
	await page.goto(notice);
	await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
	await expect.poll(() => cookieNames(context)).toContain('_fbp');

	await page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' }).click();
	await expect(toggle(page, 'Markkinointi')).toBeChecked();
	await toggle(page, 'Markkinointi').uncheck({ force: true });
	const reloaded = page.waitForEvent('load');
	await preferences(page).getByRole('button', { name: 'Tallenna valinnat' }).click();
	await reloaded;
	await expect.poll(() => cookieNames(context)).toEqual([CONSENT.consentCookie, ...cookieNamesOf('analytics')].sort());
	expect((await readConsent(context))?.value.categories).toEqual(['necessary', 'analytics']);

	const log: string[] = await page.evaluate(() => JSON.parse(sessionStorage.getItem('log') ?? '[]'));
	const denied = log.indexOf(
		'consent update {"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied"}',
	);
	const erased = log.indexOf('erase _fbp');
	expect(denied).toBeGreaterThan(-1);
	expect(erased).toBeGreaterThan(denied);

	const before = traffic.requests.length;
	await page.goto(siteUrl('published', '/evasteet/'));
	await expect.poll(() => traffic.requests.slice(before)).toContain(GA);
	expect(traffic.requests.slice(before)).not.toContain(PIXEL);
	expect(await cookieNames(context)).not.toContain('_fbp');
	expect(traffic.unstubbed).toEqual([]);
});

test.describe('a stored choice', () => {
	test('that is valid is kept: no banner, the granted service runs', async ({ page, context }) => {
		const traffic = await watch(page);
		await storeRecord(context, storedRecord());
		await page.goto(notice);
		await expect.poll(() => traffic.requests).toContain(GA);
		await expect(page.locator('#cc-main .cm')).toHaveCount(0);
		expect(traffic.requests).not.toContain(PIXEL);
	});

	test('from an older consent revision asks again, saying what changed, and keeps nothing of it meanwhile', async ({
		page,
		context,
	}) => {
		const traffic = await watch(page);
		await storeRecord(
			context,
			storedRecord({ revision: published.current.revision - 1, categories: ['necessary', 'analytics', 'marketing'] }),
		);
		await storeServiceCookies(context);
		await page.goto(notice);
		await expect(banner(page)).toBeVisible();
		await expect(banner(page)).toContainText(`Evästeilmoitus on muuttunut: ${published.current.summary}`);
		await settled(page, traffic);
		expect(offSite(traffic)).toEqual([]);
		// The old consent no longer holds: what its services left is deleted until the visitor chooses again.
		await expect.poll(() => cookieNames(context)).toEqual([CONSENT.consentCookie]);
	});

	const spoilt: [string, string | Record<string, unknown>][] = [
		['garbage', '%%%garbage{'],
		['not JSON', 'hello'],
		['a tampered category list', storedRecord({ categories: 'analytics' })],
		['an unknown category', storedRecord({ categories: ['necessary', 'everything'] })],
		['a tampered consent id', storedRecord({ consentId: '<script>' })],
		['an expired record', storedRecord({}, Date.now() - (CONSENT_LIFETIME_DAYS + 1) * 86_400_000)],
		['a record from the future', storedRecord({}, Date.now() + 10 * 86_400_000)],
	];
	for (const [what, value] of spoilt) {
		test(`that is ${what} counts as none: the banner shows, nothing runs or throws`, async ({ page, context }) => {
			const traffic = await watch(page);
			await storeRecord(context, value);
			await storeServiceCookies(context);
			await page.goto(notice);
			await expect(banner(page)).toBeVisible();
			await settled(page, traffic);
			expect(offSite(traffic)).toEqual([]);
			expect(traffic.errors).toEqual([]);
			// Neither the record nor what services left under it survives.
			await expect.poll(() => cookieNames(context)).toEqual([]);
		});
	}
});

test.describe('with Global Privacy Control', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true });
		});
	});

	test('marketing is refused, the banner says so, and "accept all" cannot grant it', async ({ page, context }) => {
		const traffic = await watch(page);
		await page.goto(notice);
		await expect(banner(page)).toContainText('Global Privacy Control');
		await expect(banner(page)).toContainText('Markkinointi');
		await banner(page).getByRole('button', { name: 'Hyväksy kaikki' }).click();
		await expect.poll(() => traffic.requests).toContain(GA);
		await settled(page, traffic);
		expect(traffic.requests).not.toContain(PIXEL);
		expect((await readConsent(context))?.value.categories).toEqual(['necessary', 'analytics']);
		await page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' }).click();
		await expect(toggle(page, 'Markkinointi')).not.toBeChecked();
		await expect(toggle(page, 'Markkinointi')).toBeDisabled();
	});

	test('a stored consent to marketing is reduced, never used', async ({ page, context }) => {
		const traffic = await watch(page);
		await storeRecord(context, storedRecord({ categories: ['necessary', 'analytics', 'marketing'] }));
		await page.goto(notice);
		await expect.poll(() => traffic.requests).toContain(GA);
		await settled(page, traffic);
		expect(traffic.requests).not.toContain(PIXEL);
		expect((await readConsent(context))?.value.categories).toEqual(['necessary', 'analytics']);
	});
});

/** One page of each kind the site has, as far as this build has them. */
const kindsOfPage = [
	'/tietosuojaseloste/',
	'/tietosuojaseloste/2018-03-11/',
	'/tietosuojaseloste/muutoshistoria/',
	'/tietosuojaseloste/2018-03-11/muutokset/',
	'/tietosuojaseloste/vertaa/',
	'/evasteet/',
	'/ei-ole-olemassa/',
].filter((path) => path === '/ei-ole-olemassa/' || existsSync(`${siteOutDir('published')}${path}index.html`));

for (const path of kindsOfPage) {
	test(`the footer link reopens the preferences on ${path}, by mouse and by keyboard`, async ({ page, context }) => {
		await watch(page);
		await storeRecord(context, storedRecord({ categories: ['necessary'] }));
		await page.goto(siteUrl('published', path));
		const link = page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' });
		await link.click();
		await expect(preferences(page)).toBeVisible();
		await expect(page).toHaveURL(siteUrl('published', path));
		// Focus moves into the dialog; Esc closes it and gives focus back to the link.
		await expect(preferences(page).locator(':focus')).toHaveCount(1);
		await page.keyboard.press('Escape');
		await expect(preferences(page)).toBeHidden();
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(preferences(page)).toBeVisible();
		await expect(preferences(page).locator(':focus')).toHaveCount(1);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the footer link leads to the cookie page, which declares every cookie by category', async ({ page }) => {
		await watch(page);
		await page.goto(notice);
		await page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' }).click();
		await expect(page).toHaveURL(siteUrl('published', '/evasteet/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evästeet');
		// The sentence links the word it names, and reads as one sentence.
		const change = page.getByRole('paragraph').filter({ hasText: 'Voit antaa tai perua' });
		expect(await change.evaluate((paragraph) => paragraph.textContent)).toBe(
			'Voit antaa tai perua suostumuksesi evästeasetuksista.',
		);
		await expect(change.getByRole('link')).toHaveText('evästeasetuksista');
		await expect(change.getByRole('link')).toHaveAttribute('href', '/evasteet/');
		for (const category of CONSENT.categories) {
			const table = page.getByRole('table', { name: `Evästeet: ${category.name}` });
			const names = [...category.cookies, ...category.services.flatMap((service) => service.cookies)].map(
				(cookie) => cookie.name,
			);
			await expect(table.locator('tbody th')).toHaveText(names);
		}
	});
});

test.describe('keyboard and screen reader', () => {
	test('axe finds nothing with the banner open, nor with the preferences open', async ({ page }) => {
		await watch(page);
		await page.goto(notice);
		await expect(banner(page)).toBeVisible();
		await transitionsDone(page);
		expect(await axeViolations(page)).toEqual([]);
		await banner(page).getByRole('button', { name: 'Asetukset' }).click();
		await expect(preferences(page)).toBeVisible();
		await transitionsDone(page);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('Tab goes on from the banner to the page: it does not hold the keyboard', async ({ page }) => {
		await watch(page);
		await page.goto(notice);
		await expect(banner(page)).toBeVisible();
		await expect.poll(() => banner(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
		const outside = () =>
			page.evaluate(
				() =>
					!document.getElementById('cc-main')?.contains(document.activeElement) &&
					document.activeElement !== document.body,
			);
		let left = false;
		for (let i = 0; i < 12 && !left; i++) {
			await page.keyboard.press('Tab');
			left = await outside();
		}
		expect(left).toBe(true);
		// And the notice is reachable from there, with the banner still open.
		await expect(banner(page)).toBeVisible();
		await page.getByRole('link', { name: 'Siirry sisältöön' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#sisalto')).toBeFocused();
	});

	test('on a 360 × 780 phone the banner covers at most two fifths of the screen, its three choices level, the page readable and reachable behind it', async ({
		page,
	}) => {
		await watch(page);
		await page.setViewportSize({ width: 360, height: 780 });
		await page.goto(siteUrl('three', '/tietosuojaseloste/'));
		await expect(banner(page)).toBeVisible();
		await expect(banner(page)).toHaveCSS('opacity', '1');
		const covered = await banner(page).evaluate((element) => {
			const box = element.getBoundingClientRect();
			const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
			const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
			return (Math.max(0, width) * Math.max(0, height)) / (innerWidth * innerHeight);
		});
		expect(covered).toBeGreaterThan(0.2);
		expect(covered).toBeLessThanOrEqual(0.4);
		// Accept, reject and settings side by side in one row, each the same size and colours.
		const looks = await looksOf(bannerChoices(page));
		expect(looks[1]).toEqual(looks[0]);
		expect(looks[2]).toEqual(looks[0]);
		expect(looks[0]!.height).toBeGreaterThanOrEqual(24);
		// The page's very end scrolls clear of the banner: its last paragraph and the footer's link
		// can be read above it, and the link answers a tap.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		const bannerTop = await banner(page).evaluate((element) => element.getBoundingClientRect().top);
		const lastParagraph = page.locator('main p').last();
		const footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Evästeasetukset' });
		for (const element of [lastParagraph, footerLink]) {
			const box = (await element.boundingBox())!;
			expect(box.y + box.height).toBeLessThanOrEqual(bannerTop);
		}
		const tapped = await footerLink.evaluate((link) => {
			const box = link.getBoundingClientRect();
			return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === link;
		});
		expect(tapped).toBe(true);
		await footerLink.click();
		await expect(preferences(page)).toBeVisible();
	});

	test('with the banner open on a phone, nothing the keyboard reaches on the page hides behind it', async ({
		page,
	}) => {
		await watch(page);
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(siteUrl('three', '/tietosuojaseloste/'));
		await expect(banner(page)).toBeVisible();
		const covered: string[] = [];
		let reached = 0;
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const hiddenBy = await page.evaluate(() => {
				const active = document.activeElement;
				if (!active || active === document.body || document.getElementById('cc-main')?.contains(active))
					return undefined;
				const box = active.getBoundingClientRect();
				const hit = document.elementFromPoint(
					box.left + box.width / 2,
					Math.min(box.top + box.height / 2, innerHeight - 1),
				);
				return hit?.closest('#cc-main') ? (active.textContent ?? active.tagName).trim() : '';
			});
			if (hiddenBy === undefined) continue;
			reached += 1;
			if (hiddenBy) covered.push(hiddenBy);
		}
		expect(reached).toBeGreaterThan(20);
		expect(covered).toEqual([]);
	});

	test('the banner and preferences work from the keyboard alone', async ({ page, context }) => {
		await watch(page);
		await page.goto(notice);
		await expect(banner(page)).toBeVisible();
		// The banner takes focus when it appears, so its choices are the next Tab stops.
		await expect.poll(() => banner(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
		const settings = banner(page).getByRole('button', { name: 'Asetukset' });
		for (let i = 0; i < 8 && !(await settings.evaluate((element) => element === document.activeElement)); i++) {
			await page.keyboard.press('Tab');
		}
		await expect(settings).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(preferences(page)).toBeVisible();
		// Focus moves into the dialog when it opens, and stays inside while it is open.
		await expect(preferences(page).locator(':focus')).toHaveCount(1);
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			expect(await preferences(page).evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
		}
		const save = preferences(page).getByRole('button', { name: 'Tallenna valinnat' });
		await save.focus();
		await page.keyboard.press('Enter');
		await expect(preferences(page)).toBeHidden();
		expect((await readConsent(context))?.value.categories).toEqual(['necessary']);
	});
});
