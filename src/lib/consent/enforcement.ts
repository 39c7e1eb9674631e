/**
 * What a choice does in the browser: Google Consent Mode, the third-party services that start
 * only after consent, the cookies of refused categories, and Global Privacy Control. Browser-safe
 * and given everything it acts on, so that unit tests drive it without a browser; the wiring to
 * vanilla-cookieconsent is src/scripts/consent.ts.
 */
import { cookieMatcher, isRefusedByGpc } from './runtime.ts';
import type { ConsentModeSignal } from './declaration.ts';
import type { WidgetCategory, WidgetService } from './widget.ts';

/** Google's tag command queue (`gtag`). */
export type Gtag = (...args: unknown[]) => void;

/** Google's `gtag` on a page's `dataLayer`: it reads its commands as `arguments` objects, not arrays. */
export function googleTag(host: { dataLayer?: unknown[] }): Gtag {
	return function gtag() {
		// eslint-disable-next-line prefer-rest-params -- see above: an array would not be read
		(host.dataLayer ??= []).push(arguments);
	};
}

const ALL_SIGNALS: ConsentModeSignal[] = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'];

/** Consent Mode v2 defaults: every signal denied, ad data redacted. Sent before any Google tag could load. */
export function denyByDefault(gtag: Gtag): void {
	gtag('consent', 'default', Object.fromEntries(ALL_SIGNALS.map((signal) => [signal, 'denied'])));
	gtag('set', 'ads_data_redaction', true);
}

/** A service's set-up that its own script expects before it loads, and its off switch. */
export interface ServiceCode {
	start?: (service: WidgetService) => void;
	revoke?: () => void;
}

/** What enforcement acts on. */
export interface EnforcementSinks {
	gtag: Gtag;
	/** Adds a third-party script to the page. */
	loadScript: (src: string) => void;
	/** Deletes the browser's cookies that match (exact names or patterns). */
	eraseCookies: (cookies: (string | RegExp)[]) => void;
	/** Reloads the page: a script that has run cannot be unloaded. */
	reload: () => void;
	/** Each service's start and revoke code, by id. */
	services: Readonly<Record<string, ServiceCode>>;
}

/** The enforcement of one page's choices. */
export interface Enforcement {
	/** The categories that Global Privacy Control refuses in this browser. */
	readonly gpcRefused: ReadonlySet<string>;
	/** The categories that run, given those the visitor accepted. */
	granted(accepted: readonly string[]): WidgetCategory[];
	/** The accepted categories without those GPC refuses, or undefined when GPC refuses none of them. */
	withoutGpcRefused(accepted: readonly string[]): string[] | undefined;
	/** Starts every service of the granted categories (once a page); deletes what refused ones left behind. */
	apply(accepted: readonly string[]): void;
	/** A changed choice: withdraws the changed categories no longer granted, then applies the choice. */
	change(accepted: readonly string[], changed: readonly string[]): void;
	/** No valid choice: deletes the cookies of every category that can be refused. */
	clearRefusable(): void;
}

function signals(categories: readonly WidgetCategory[], value: 'granted' | 'denied') {
	return Object.fromEntries(categories.flatMap((category) => category.consentMode.map((signal) => [signal, value])));
}

/** The enforcement of `categories` in a browser that does (or does not) send GPC. */
export function enforcement(categories: readonly WidgetCategory[], gpc: boolean, sinks: EnforcementSinks): Enforcement {
	const gpcRefused = new Set(
		categories.filter((category) => isRefusedByGpc(category, gpc)).map((category) => category.id),
	);
	const started = new Set<string>();
	const runs = (category: WidgetCategory, accepted: readonly string[]) =>
		!category.refusable || (accepted.includes(category.id) && !gpcRefused.has(category.id));
	const erase = (category: WidgetCategory) => {
		if (category.clear.length) sinks.eraseCookies(category.clear.map(cookieMatcher));
	};

	const granted = (accepted: readonly string[]) => categories.filter((category) => runs(category, accepted));

	const apply = (accepted: readonly string[]) => {
		const running = granted(accepted);
		if (running.some((category) => category.consentMode.length))
			sinks.gtag('consent', 'update', signals(running, 'granted'));
		for (const category of categories) {
			if (!runs(category, accepted)) {
				erase(category);
				continue;
			}
			for (const service of category.services) {
				if (started.has(service.id)) continue;
				started.add(service.id);
				sinks.services[service.id]?.start?.(service);
				sinks.loadScript(service.script);
			}
		}
	};

	// Tell the services first, then delete their cookies, then reload if any of them ran.
	const withdraw = (withdrawn: readonly WidgetCategory[]) => {
		sinks.gtag('consent', 'update', signals(withdrawn, 'denied'));
		for (const category of withdrawn) {
			for (const service of category.services) sinks.services[service.id]?.revoke?.();
		}
		for (const category of withdrawn) erase(category);
		if (withdrawn.some((category) => category.services.some((service) => started.has(service.id)))) sinks.reload();
	};

	return {
		gpcRefused,
		granted,
		withoutGpcRefused: (accepted) =>
			accepted.some((id) => gpcRefused.has(id)) ? accepted.filter((id) => !gpcRefused.has(id)) : undefined,
		apply,
		change: (accepted, changed) => {
			const withdrawn = categories.filter((category) => changed.includes(category.id) && !runs(category, accepted));
			if (withdrawn.length) withdraw(withdrawn);
			apply(accepted);
		},
		clearRefusable: () => {
			for (const category of categories) if (category.refusable) erase(category);
		},
	};
}
