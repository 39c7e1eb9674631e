// The consent widget on every page: asks before anything non-essential runs, starts exactly
// the services of the granted categories, and undoes a withdrawn one. Everything it knows
// about categories, services and cookies comes from src/lib/consent.ts.
import {
	acceptCategory,
	acceptedCategory,
	eraseCookies,
	getCookie,
	getUserPreferences,
	hide,
	hidePreferences,
	loadScript,
	run,
	validConsent,
} from 'vanilla-cookieconsent';
import baseCss from 'vanilla-cookieconsent/dist/css-components/base.css?inline';
import bannerCss from 'vanilla-cookieconsent/dist/css-components/consent-modal.css?inline';
import schemeCss from 'vanilla-cookieconsent/dist/css-components/light-scheme.css?inline';
import preferencesCssUrl from 'vanilla-cookieconsent/dist/css-components/preferences-modal.css?url';
import {
	CONSENT,
	SERVICE_ACCOUNTS,
	autoClearCookies,
	isTrustworthyRecord,
	type ConsentModeSignal,
	type DeclaredCategory,
	type DeclaredService,
} from '../lib/consent.ts';
import { consentConfig, fill, gpcRefusedCategories, type ConsentTexts } from '../lib/consent-config.ts';
import themeCss from '../styles/consent.css?inline';

declare global {
	interface Navigator {
		globalPrivacyControl?: boolean;
	}
	interface Window {
		dataLayer?: unknown[];
		fbq?: FacebookPixel;
		_fbq?: FacebookPixel;
	}
}

interface FacebookPixel {
	(...args: unknown[]): void;
	callMethod?: (...args: unknown[]) => void;
	queue: unknown[];
	push: FacebookPixel;
	loaded: boolean;
	version: string;
}

// Google's tag reads its commands as `arguments` objects, not arrays.
function gtag(..._args: unknown[]): void {
	(window.dataLayer ??= []).push(arguments);
}

const ALL_SIGNALS: ConsentModeSignal[] = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'];

function signals(categories: readonly DeclaredCategory[], value: 'granted' | 'denied') {
	return Object.fromEntries(categories.flatMap((category) => category.consentMode.map((signal) => [signal, value])));
}

// Consent Mode v2 defaults go first, before any Google tag could load.
gtag('consent', 'default', Object.fromEntries(ALL_SIGNALS.map((signal) => [signal, 'denied'])));
gtag('set', 'ads_data_redaction', true);

/** Per-service set-up that the service's own script expects before it loads, and its off switch. */
const SERVICE_CODE: Record<string, { start?: (service: DeclaredService) => void; revoke?: () => void }> = {
	ga4: {
		start: (service) => {
			gtag('js', new Date());
			// The cookies live no longer than the declaration says (13 months, as CNIL recommends).
			const lifetimeDays = Math.max(...service.cookies.map((cookie) => cookie.lifetimeDays));
			gtag('config', SERVICE_ACCOUNTS.ga4, { cookie_expires: lifetimeDays * 86_400 });
		},
	},
	'meta-pixel': {
		start: () => {
			// Meta's documented queue, so that calls made before fbevents.js arrives are kept.
			if (!window.fbq) {
				const fbq = function (...args: unknown[]) {
					if (fbq.callMethod) fbq.callMethod(...args);
					else fbq.queue.push(args);
				} as FacebookPixel;
				fbq.push = fbq;
				fbq.loaded = true;
				fbq.version = '2.0';
				fbq.queue = [];
				window.fbq = window._fbq = fbq;
			}
			window.fbq('consent', 'grant');
			window.fbq('init', SERVICE_ACCOUNTS.metaPixel);
			window.fbq('track', 'PageView');
		},
		revoke: () => window.fbq?.('consent', 'revoke'),
	},
};

const gpc = navigator.globalPrivacyControl === true;
const gpcRefused = new Set<string>(gpcRefusedCategories(gpc).map((category) => category.id));
const started = new Set<string>();

/** A category runs only when the visitor granted it and GPC does not refuse it. */
function granted(category: DeclaredCategory): boolean {
	return !category.refusable || (acceptedCategory(category.id) && !gpcRefused.has(category.id));
}

function eraseCategoryCookies(category: DeclaredCategory): void {
	const names = autoClearCookies(category).map((cookie) => cookie.name);
	if (names.length) eraseCookies(names);
}

/** Starts every service of the granted categories; deletes what refused ones left behind. */
function applyConsent(): void {
	const grantedCategories = CONSENT.categories.filter(granted);
	if (grantedCategories.some((category) => category.consentMode.length)) {
		gtag('consent', 'update', signals(grantedCategories, 'granted'));
	}
	for (const category of CONSENT.categories) {
		if (!granted(category)) {
			eraseCategoryCookies(category);
			continue;
		}
		for (const service of category.services) {
			if (started.has(service.id)) continue;
			started.add(service.id);
			SERVICE_CODE[service.id]?.start?.(service);
			void loadScript(service.script, { async: '' });
		}
	}
}

/** Undoes a withdrawn category: tell the services first, then delete their cookies, then reload. */
function withdraw(categories: readonly DeclaredCategory[]): void {
	gtag('consent', 'update', signals(categories, 'denied'));
	for (const category of categories) {
		for (const service of category.services) SERVICE_CODE[service.id]?.revoke?.();
	}
	for (const category of categories) eraseCategoryCookies(category);
	// A script that has run cannot be unloaded; a fresh page is the only clean stop.
	if (categories.some((category) => category.services.some((service) => started.has(service.id)))) {
		location.reload();
	}
}

/** Keeps the stored record honest when GPC refuses a category the record still grants. */
function dropGpcRefused(): boolean {
	const accepted = getUserPreferences().acceptedCategories;
	if (!accepted.some((id) => gpcRefused.has(id))) return false;
	acceptCategory(accepted.filter((id) => !gpcRefused.has(id)));
	return true;
}

/** Deletes a stored consent record that the widget wrote differently or that has run out. */
function discardUntrustworthyRecord(): void {
	const raw = document.cookie.match(new RegExp(`(?:^|;\\s*)${CONSENT.consentCookie}=([^;]*)`))?.[1];
	if (raw === undefined) return;
	let value: unknown;
	try {
		value = JSON.parse(decodeURIComponent(raw));
	} catch {
		value = undefined;
	}
	if (isTrustworthyRecord(value, Date.now())) return;
	const expired = `${CONSENT.consentCookie}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; SameSite=Lax`;
	document.cookie = expired;
	document.cookie = `${expired}; Domain=${location.hostname}`;
}

/** Adds a stylesheet to the page. The library's go in `consent.library`, below our theme's `consent.theme`. */
function adopt(css: string): void {
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(css);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

let styled = false;
// Built at first use, so a returning visitor's page does no style work for the widget. A
// constructed sheet is no <link>: nothing waits for it, and it needs no CSP exception.
function applyStyles(): void {
	if (styled) return;
	styled = true;
	adopt(`@layer consent.library{${baseCss}${schemeCss}${bannerCss}}${themeCss}`);
}

let preferencesStyled: Promise<void> | undefined;
// The preferences' styles are the larger half and most visitors never open them: they load
// when the dialog is first built (on hover or focus of a link to it, or on opening it), and
// the dialog stays hidden (src/styles/consent.css) until they are in.
function applyPreferencesStyles(modal: HTMLElement): Promise<void> {
	// Fetched as text rather than linked, so that it joins the same layer as the rest.
	preferencesStyled ??= fetch(preferencesCssUrl)
		.then((response) => response.text())
		.then((css) => {
			adopt(`@layer consent.library{${css}}`);
			document.getElementById('cc-main')?.setAttribute('data-preferences-styled', '');
			// The widget focuses the dialog 100 ms after opening it; if it was still hidden then, do it now.
			if (document.documentElement.classList.contains('show--preferences') && !modal.contains(document.activeElement)) {
				modal.querySelector<HTMLElement>(':scope > [tabindex="-1"]')?.focus();
			}
		});
	return preferencesStyled;
}

const dateFormat = new Intl.DateTimeFormat('fi-FI', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Helsinki',
});

/** Shows in the preferences when and what was chosen, with the consent id. */
function renderRecord(texts: ConsentTexts, container: HTMLElement): void {
	const lines: string[] = [];
	if (validConsent()) {
		const cookie = getCookie();
		const names = CONSENT.categories.filter(granted).map((category) => category.name);
		lines.push(
			fill(texts['consent.record.choice'], { categories: names.join(', ') }),
			fill(texts['consent.record.dates'], {
				first: dateFormat.format(new Date(cookie.consentTimestamp)),
				last: dateFormat.format(new Date(cookie.lastConsentTimestamp)),
			}),
			fill(texts['consent.record.id'], { id: cookie.consentId }),
		);
	} else {
		lines.push(texts['consent.record.none']);
	}
	container.replaceChildren(
		...lines.map((line) => {
			const paragraph = document.createElement('p');
			paragraph.className = 'section__desc';
			paragraph.textContent = line;
			return paragraph;
		}),
	);
}

function readTexts(): ConsentTexts | undefined {
	const data = document.getElementById('consent-texts')?.textContent;
	return data ? (JSON.parse(data) as ConsentTexts) : undefined;
}

const texts = readTexts();
if (texts) {
	discardUntrustworthyRecord();

	let record: HTMLElement | undefined;

	// With GPC, "accept all" accepts everything GPC does not refuse; the widget's own handler
	// would accept all, so this one runs first (capture) and stops it.
	if (gpcRefused.size) {
		document.addEventListener(
			'click',
			(event) => {
				if (!(event.target instanceof Element) || !event.target.closest('#cc-main [data-role="all"]')) return;
				event.stopPropagation();
				event.preventDefault();
				acceptCategory('all', [...gpcRefused]);
				hidePreferences();
				hide();
			},
			true,
		);
	}

	void run({
		...consentConfig(texts, { gpc }),
		onConsent: () => {
			if (!dropGpcRefused()) applyConsent();
		},
		onChange: ({ changedCategories }) => {
			const withdrawn = CONSENT.categories.filter(
				(category) => changedCategories.includes(category.id) && !granted(category),
			);
			if (withdrawn.length) withdraw(withdrawn);
			applyConsent();
		},
		onModalReady: ({ modalName, modal }) => {
			applyStyles();
			// The banner leaves the page usable, so it must not tell screen readers the page is inert.
			if (modalName === 'consentModal') modal.setAttribute('aria-modal', 'false');
			if (modalName !== 'preferencesModal') return;
			void applyPreferencesStyles(modal);
			for (const id of gpcRefused) {
				const toggle = modal.querySelector<HTMLInputElement>(`input.section__toggle[value="${id}"]`);
				if (toggle) {
					toggle.checked = false;
					toggle.disabled = true;
				}
			}
			const section = document.createElement('div');
			section.className = 'pm__section cc-record';
			const title = document.createElement('div');
			title.className = 'pm__section-title';
			title.setAttribute('role', 'heading');
			title.setAttribute('aria-level', '3');
			title.textContent = texts['consent.record.title'];
			record = document.createElement('div');
			section.append(title, record);
			modal.querySelector('.pm__body')?.append(section);
			renderRecord(texts, record);
		},
		onModalShow: ({ modalName }) => {
			if (modalName === 'preferencesModal' && record) renderRecord(texts, record);
		},
		onModalHide: ({ modalName }) => {
			// Closing the preferences without a choice (✕, Esc, a click beside) means necessary only.
			if (modalName === 'preferencesModal' && !validConsent()) {
				acceptCategory([]);
				hide();
			}
		},
	});
}
