import { describe, expect, it } from 'vitest';
import { denyByDefault, enforcement, googleTag, type EnforcementSinks } from '../../src/lib/consent/enforcement.ts';
import { widgetSource, widgetVersions } from '../../src/lib/consent/history.ts';
import { widgetBoot } from '../../src/lib/consent/widget.ts';
import { siteConsent } from '../support/consent.ts';

const history = siteConsent('published');
const { categories } = widgetBoot(widgetSource(history), widgetVersions(history));

/** A page to enforce on: a cookie jar, the scripts loaded and Google's queue, in order. */
function page(initialCookies: string[] = []) {
	const jar = new Set(initialCookies);
	const log: string[] = [];
	const commands: unknown[][] = [];
	const sinks: EnforcementSinks = {
		gtag: (...args) => void commands.push(args),
		loadScript: (src) => void log.push(`load ${src}`),
		eraseCookies: (matchers) => {
			for (const name of [...jar])
				if (matchers.some((m) => (typeof m === 'string' ? m === name : m.test(name)))) jar.delete(name);
			log.push('erase');
		},
		reload: () => void log.push('reload'),
		services: {
			ga4: { start: () => void log.push('start ga4') },
			'meta-pixel': {
				start: () => void log.push('start meta-pixel'),
				revoke: () => void log.push('revoke meta-pixel'),
			},
		},
	};
	return { jar, log, commands, sinks };
}

const GA = 'https://www.googletagmanager.com/gtag/js?id=G-5LQ8XK2W7N';
const PIXEL = 'https://connect.facebook.net/fi_FI/fbevents.js';
const ALL = ['necessary', 'analytics', 'marketing'];

describe('Google Consent Mode', () => {
	it('denies every signal by default and redacts ad data', () => {
		const { commands, sinks } = page();
		denyByDefault(sinks.gtag);
		expect(commands).toEqual([
			[
				'consent',
				'default',
				{ analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
			],
			['set', 'ads_data_redaction', true],
		]);
	});

	it("queues Google's commands as arguments objects, which is all its tag reads", () => {
		const host: { dataLayer?: unknown[] } = {};
		googleTag(host)('consent', 'update', { analytics_storage: 'granted' });
		expect(Object.prototype.toString.call(host.dataLayer?.[0])).toBe('[object Arguments]');
		expect(Array.from(host.dataLayer?.[0] as ArrayLike<unknown>)).toEqual([
			'consent',
			'update',
			{ analytics_storage: 'granted' },
		]);
	});

	it('grants exactly the signals of the granted categories', () => {
		const { commands, sinks } = page();
		enforcement(categories, false, sinks).apply(['necessary', 'analytics']);
		expect(commands).toEqual([['consent', 'update', { analytics_storage: 'granted' }]]);
	});

	it('sends no update when nothing with a signal is granted', () => {
		const { commands, sinks } = page();
		enforcement(categories, false, sinks).apply(['necessary']);
		expect(commands).toEqual([]);
	});
});

describe('the services', () => {
	it('start only with consent: necessary only starts nothing', () => {
		const { log, sinks } = page();
		enforcement(categories, false, sinks).apply(['necessary']);
		expect(log.filter((entry) => !entry.startsWith('erase'))).toEqual([]);
	});

	it('start with their set-up code first, then their script, once a page', () => {
		const { log, sinks } = page();
		const enforcer = enforcement(categories, false, sinks);
		enforcer.apply(ALL);
		enforcer.apply(ALL);
		expect(log).toEqual(['start ga4', `load ${GA}`, 'start meta-pixel', `load ${PIXEL}`]);
	});

	it('with GPC, marketing never starts even when accepted', () => {
		const { log, commands, sinks } = page();
		const enforcer = enforcement(categories, true, sinks);
		enforcer.apply(ALL);
		expect(log).not.toContain(`load ${PIXEL}`);
		expect(log).toContain(`load ${GA}`);
		expect(commands).toEqual([['consent', 'update', { analytics_storage: 'granted' }]]);
		expect([...enforcer.gpcRefused]).toEqual(['marketing']);
		expect(enforcer.granted(ALL).map((category) => category.id)).toEqual(['necessary', 'analytics']);
	});
});

describe('the cookies of refused categories', () => {
	const third = ['_ga', '_ga_5LQ8XK2W7N', '_fbp', '_fbc'];

	it('are deleted when a choice refuses them; the consent record and unrelated cookies stay', () => {
		const { jar, sinks } = page(['cc_cookie', 'other', ...third]);
		enforcement(categories, false, sinks).apply(['necessary', 'analytics']);
		expect([...jar].sort()).toEqual(['_ga', '_ga_5LQ8XK2W7N', 'cc_cookie', 'other']);
	});

	it('are deleted, every refusable one, when there is no valid choice', () => {
		const { jar, sinks } = page(['cc_cookie', ...third]);
		enforcement(categories, false, sinks).clearRefusable();
		expect([...jar]).toEqual(['cc_cookie']);
	});

	it('of a GPC-refused category are deleted even when the record accepts it', () => {
		const { jar, sinks } = page(third);
		enforcement(categories, true, sinks).apply(ALL);
		expect([...jar].sort()).toEqual(['_ga', '_ga_5LQ8XK2W7N']);
	});

	it('match a declared prefix', () => {
		const withPrefix = categories.map((category) =>
			category.id === 'analytics' ? { ...category, clear: [{ name: '_gac_', prefix: true as const }] } : category,
		);
		const { jar, sinks } = page(['_gac_UA1', '_gacx', 'x_gac_']);
		enforcement(withPrefix, false, sinks).apply(['necessary']);
		expect([...jar].sort()).toEqual(['_gacx', 'x_gac_']);
	});
});

describe('a withdrawn category', () => {
	it('tells the services first, then deletes their cookies, then reloads the page if they ran', () => {
		const { jar, log, commands, sinks } = page(['_fbp', '_ga']);
		const enforcer = enforcement(categories, false, sinks);
		enforcer.apply(ALL);
		log.length = 0;
		commands.length = 0;
		enforcer.change(['necessary', 'analytics'], ['marketing']);
		expect(commands[0]).toEqual([
			'consent',
			'update',
			{ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
		]);
		expect(log.slice(0, 3)).toEqual(['revoke meta-pixel', 'erase', 'reload']);
		expect([...jar]).toEqual(['_ga']);
	});

	it('does not reload a page where its services never ran', () => {
		const { log, sinks } = page();
		enforcement(categories, false, sinks).change(['necessary'], ['marketing']);
		expect(log).not.toContain('reload');
	});

	it('starts what the change newly grants', () => {
		const { log, sinks } = page();
		const enforcer = enforcement(categories, false, sinks);
		enforcer.apply(['necessary']);
		enforcer.change(['necessary', 'analytics'], ['analytics']);
		expect(log).toContain(`load ${GA}`);
		expect(log).not.toContain('reload');
	});
});

describe('a stored choice under GPC', () => {
	it('loses only what GPC refuses, and nothing when GPC refuses none of it', () => {
		const enforcer = enforcement(categories, true, page().sinks);
		expect(enforcer.withoutGpcRefused(ALL)).toEqual(['necessary', 'analytics']);
		expect(enforcer.withoutGpcRefused(['necessary', 'analytics'])).toBeUndefined();
		expect(enforcement(categories, false, page().sinks).withoutGpcRefused(ALL)).toBeUndefined();
	});
});
