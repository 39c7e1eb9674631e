// The consent widget on every page: asks before anything non-essential runs, starts exactly
// the services of the granted categories, and undoes a withdrawn one. Everything it knows
// about categories, services and cookies comes from the version of the cookie information in
// force (content/evasteet/), prepared at build time (src/lib/consent/widget.ts): the page
// carries what a first visit needs, and the preferences' longer texts are fetched when a visitor
// first reaches for them. A choice is recorded with the version it was made under.
import {
	acceptCategory,
	eraseCookies,
	getUserPreferences,
	hide,
	hidePreferences,
	loadScript,
	run,
	setCookieData,
	showPreferences,
	validConsent,
} from 'vanilla-cookieconsent';
import baseCss from 'vanilla-cookieconsent/dist/css-components/base.css?inline';
import bannerCss from 'vanilla-cookieconsent/dist/css-components/consent-modal.css?inline';
import { denyByDefault, enforcement, googleTag, type ServiceCode } from '../lib/consent/enforcement.ts';
import {
	browserConfig,
	isTrustworthyRecord,
	type PreferencesSections,
	type RecordData,
} from '../lib/consent/runtime.ts';
import type { WidgetBoot, WidgetCategory, WidgetPreferences } from '../lib/consent/widget.ts';
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

const gtag = googleTag(window);
// Consent Mode v2 defaults go first, before any Google tag could load.
denyByDefault(gtag);

/** Per-service set-up that the service's own script expects before it loads, and its off switch. */
const SERVICE_CODE: Record<string, ServiceCode> = {
	ga4: {
		start: (service) => {
			gtag('js', new Date());
			// The cookies live no longer than the declaration says (13 months, as CNIL recommends).
			gtag('config', boot.accounts.ga4, { cookie_expires: service.cookieDays * 86_400 });
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
			window.fbq('init', boot.accounts.metaPixel);
			window.fbq('track', 'PageView');
		},
		revoke: () => window.fbq?.('consent', 'revoke'),
	},
};

/** The data block that src/components/CookieConsent.astro writes beside this script. */
function readBoot(): WidgetBoot {
	const data = document.getElementById('consent-widget')?.textContent;
	if (!data) throw new Error('The consent widget has no #consent-widget data on this page.');
	return JSON.parse(data) as WidgetBoot;
}

const boot = readBoot();
const { categories, options } = boot;
const consentCookie = options.cookie!.name!;
const gpc = navigator.globalPrivacyControl === true;
const enforcer = enforcement(categories, gpc, {
	gtag,
	loadScript: (src) => void loadScript(src, { async: '' }),
	eraseCookies: (cookies) => eraseCookies(cookies),
	reload: () => location.reload(),
	services: SERVICE_CODE,
});
const { gpcRefused } = enforcer;
const accepted = () => getUserPreferences().acceptedCategories;

// While the banner is open, the page can scroll clear of it: the banner's height with its margin
// becomes the page's scroll padding and room below the page's end (src/styles/consent.css), kept
// up to date as the banner's text reflows.
function makeRoomFor(banner: HTMLElement): void {
	const below = parseFloat(getComputedStyle(banner).bottom) || 0;
	document.documentElement.style.setProperty('--cc-banner-block-size', `${banner.offsetHeight + below}px`);
}

// …and a focused element of the page is scrolled clear of it (WCAG 2.4.11), which the browser
// does not do by itself for a fixed banner.
document.addEventListener('focusin', (event) => {
	const banner = document.querySelector<HTMLElement>('#cc-main .cm');
	const target = event.target;
	if (!document.documentElement.classList.contains('show--consent') || !banner || !(target instanceof Element)) return;
	if (banner.contains(target) || target.getBoundingClientRect().bottom <= banner.getBoundingClientRect().top) return;
	makeRoomFor(banner);
	target.scrollIntoView({ block: 'nearest' });
});

// True while the site itself changes a record, which is no choice of the visitor's.
let enforcing = false;

/** Keeps the stored record honest when GPC refuses a category the record still grants. */
function dropGpcRefused(): boolean {
	const allowed = enforcer.withoutGpcRefused(accepted());
	if (!allowed) return false;
	// The visitor chose under the version the record names; GPC only takes something away.
	enforcing = true;
	acceptCategory(allowed);
	enforcing = false;
	return true;
}

/** Records with a choice the visitor just made the version in force and whether GPC applied. */
function stampChoice(): void {
	if (!enforcing) setCookieData({ value: { version: boot.version, gpc } satisfies RecordData });
}

/** Deletes a stored consent record that the widget wrote differently or that has run out. */
function discardUntrustworthyRecord(): void {
	const raw = document.cookie.match(new RegExp(`(?:^|;\\s*)${consentCookie}=([^;]*)`))?.[1];
	if (raw === undefined) return;
	let value: unknown;
	try {
		value = JSON.parse(decodeURIComponent(raw));
	} catch {
		value = undefined;
	}
	const rules = {
		categories: categories.map((category) => category.id),
		lifetimeDays: options.cookie!.expiresAfterDays as number,
		revision: options.revision!,
		versions: boot.versions,
	};
	if (isTrustworthyRecord(value, Date.now(), rules)) return;
	const expired = `${consentCookie}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; SameSite=Lax`;
	document.cookie = expired;
	document.cookie = `${expired}; Domain=${location.hostname}`;
}

/** Adds a stylesheet to the page. The library's go in `consent.library`, below our theme's `consent.theme`. */
function adopt(css: string): void {
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(css);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Runs `make` the first time it is called and returns that result ever after. */
function once<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}

// The preferences' own code (their styles, the record of the choice and its receipt) comes with
// them, when a visitor first reaches for them.
const preferencesCode = once(() => import('./consent-preferences.ts'));

/** If the preferences' texts cannot be fetched, the choice must still be possible: each category with its toggle. */
function fallbackSections(): PreferencesSections {
	return categories.map((category) => ({ title: category.name, linkedCategory: category.id }));
}

/**
 * The preferences' sections, fetched into `sections` (the array the widget's configuration
 * holds) when a visitor first reaches for them, with what the record of a choice shows. The
 * dialog opens once its styles are in too, so that the widget's opening (its transition and the
 * focus it moves into the dialog) runs on a styled dialog, as it would without lazy loading.
 */
function preferencesLoader(sections: PreferencesSections) {
	let fetched: WidgetPreferences | undefined;
	let ready = false;
	const load = once(() =>
		Promise.all([
			fetch(boot.preferencesPath)
				.then((response) => (response.ok ? (response.json() as Promise<WidgetPreferences>) : Promise.reject()))
				.then((arrived) => {
					fetched = arrived;
					return gpc ? arrived.gpc : arrived.plain;
				})
				.catch(fallbackSections),
			preferencesCode()
				.then(({ fetchPreferencesCss }) => fetchPreferencesCss())
				.catch(() => undefined),
		]).then(([arrivedSections]) => {
			sections.push(...arrivedSections);
			ready = true;
		}),
	);
	return {
		load,
		/** Whether the sections are in, so that the widget may build the dialog. */
		ready: () => ready,
		/** What was fetched; undefined before, or when the fetch failed. */
		fetched: () => fetched,
	};
}

// The banner in the browser's wording; the preferences' sections are filled in when they arrive.
const sections: PreferencesSections = [];
const config = browserConfig(boot, gpc, sections);
const preferences = preferencesLoader(sections);
discardUntrustworthyRecord();

let showRecord: ((granted: WidgetCategory[] | undefined) => void) | undefined;
const grantedNow = () => (validConsent() ? enforcer.granted(accepted()) : undefined);

// Until the sections are in, this listener runs first (capture) on every way into the
// preferences (hover, focus or click) and holds the widget back, so that it never builds the
// dialog without them; then the widget takes over as usual.
const waysIn = '[data-cc="show-preferencesModal"], #cc-main .cm [data-role="show"]';
for (const type of ['click', 'mouseenter', 'focus'] as const) {
	document.addEventListener(
		type,
		(event) => {
			if (preferences.ready() || !(event.target instanceof Element) || !event.target.closest(waysIn)) return;
			event.stopImmediatePropagation();
			if (type !== 'click') {
				void preferences.load();
				return;
			}
			event.preventDefault();
			void preferences.load().then(() => showPreferences());
		},
		true,
	);
}

// The banner is not modal: the notice stays usable while it is open. The widget would keep Tab
// cycling inside it; this runs first (capture) and lets Tab go on to the page, as it does from
// any other part of it. The preferences dialog is modal and keeps its trap.
document.addEventListener(
	'keydown',
	(event) => {
		if (event.key !== 'Tab' || !(event.target instanceof Element) || !event.target.closest('#cc-main .cm')) return;
		if (document.documentElement.classList.contains('show--preferences')) return;
		event.stopPropagation();
	},
	true,
);

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

let styled = false;
// Built at first use, so a returning visitor's page does no style work for the widget. A
// constructed sheet is no <link>: nothing waits for it, and it needs no CSP exception. (A plain
// flag rather than once(): the minifier then inlines the stylesheet where it is used, which
// compresses 120 B smaller on every first visit.)
function applyStyles(): void {
	if (styled) return;
	styled = true;
	adopt(`@layer consent.library{${baseCss}${bannerCss}}${themeCss}`);
}

void run({
	...config,
	onFirstConsent: stampChoice,
	onConsent: () => {
		if (!dropGpcRefused()) enforcer.apply(accepted());
	},
	onChange: ({ changedCategories }) => {
		stampChoice();
		enforcer.change(accepted(), changedCategories);
	},
	onModalReady: ({ modalName, modal }) => {
		applyStyles();
		// The banner leaves the page usable, so it must not tell screen readers the page is inert.
		if (modalName === 'consentModal') {
			modal.setAttribute('aria-modal', 'false');
			new ResizeObserver(() => makeRoomFor(modal)).observe(modal);
		}
		if (modalName !== 'preferencesModal') return;
		for (const id of gpcRefused) {
			const toggle = modal.querySelector<HTMLInputElement>(`input.section__toggle[value="${id}"]`);
			if (toggle) {
				toggle.checked = false;
				toggle.disabled = true;
			}
		}
		const fetched = preferences.fetched();
		void preferencesCode().then(({ applyPreferencesStyles, mountRecord }) => {
			applyPreferencesStyles(modal, adopt);
			if (!fetched) return;
			showRecord = mountRecord(modal, fetched, gpc);
			showRecord(grantedNow());
		});
	},
	onModalShow: ({ modalName }) => {
		if (modalName === 'preferencesModal') showRecord?.(grantedNow());
	},
	onModalHide: ({ modalName }) => {
		if (modalName === 'consentModal') document.documentElement.style.removeProperty('--cc-banner-block-size');
		// Closing the preferences without a choice (✕, Esc, a click beside) means necessary only.
		if (modalName === 'preferencesModal' && !validConsent()) {
			acceptCategory([]);
			hide();
		}
	},
}).then(() => {
	// No valid choice (none yet, or one made void by a new revision or a spoilt record): nothing
	// non-essential may stay, so what an earlier consent's services left behind goes now.
	if (!validConsent()) enforcer.clearRefusable();
});
