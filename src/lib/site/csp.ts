/**
 * The Content-Security-Policy of the site, as plain data. Astro's `security.csp` puts it in a
 * `<meta>` on every page with the hashes of that page's scripts and styles; the third-party
 * hosts it allows come only from the services the consent module declares.
 */

import type { AstroUserConfig } from 'astro';
// The directives a third-party service may need hosts in: those its version file can declare.
import type { HostDirective } from '../consent/schema.ts';

/** A directive line as Astro's `security.csp.directives` accepts it. */
type AstroCspDirective = NonNullable<
	Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>['directives']
>[number];

/** A third-party service as the consent module declares it: only its hosts matter here. */
export interface ServiceHosts {
	/** Origins per directive, e.g. `{ script: ['https://stats.example'] }`. */
	hosts?: { [directive in HostDirective]?: readonly string[] | undefined } | undefined;
}

/** What Astro's `security.csp` option takes, minus the hashes Astro computes itself. */
export interface CspConfig {
	algorithm: 'SHA-256';
	directives: AstroCspDirective[];
	scriptDirective: { resources: string[] };
	styleDirective: { resources: string[] };
}

/** The origins of every service for one directive, sorted and without repeats. */
export function serviceOrigins(services: readonly ServiceHosts[], directive: HostDirective): string[] {
	const origins = services.flatMap((service) => service.hosts?.[directive] ?? []);
	for (const origin of origins) {
		// A CSP source that is not a bare https origin would open more than the one service.
		if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) {
			throw new Error(
				`The consent module declares the host "${origin}", which is not an https origin. ` +
					'Write it as https://host.example (no path, no wildcard).',
			);
		}
	}
	return [...new Set(origins)].sort();
}

/** A directive line: the name followed by its sources. */
function directive(name: string, sources: readonly string[]): AstroCspDirective {
	return [name, ...sources].join(' ') as AstroCspDirective;
}

/**
 * The site's CSP for `security.csp`, allowing our own origin plus the declared services.
 * Scripts need no 'unsafe-inline': Astro hashes every inline script and style.
 */
export function cspConfig(services: readonly ServiceHosts[]): CspConfig {
	const self = ["'self'"];
	return {
		algorithm: 'SHA-256',
		directives: [
			"default-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"object-src 'none'",
			"manifest-src 'self'",
			directive('img-src', [...self, 'data:', ...serviceOrigins(services, 'img')]),
			directive('font-src', self),
			// Pagefind fetches its index and fragments from our own origin.
			directive('connect-src', [...self, ...serviceOrigins(services, 'connect')]),
			directive('frame-src', serviceOrigins(services, 'frame').length ? serviceOrigins(services, 'frame') : ["'none'"]),
			"worker-src 'self'",
		],
		scriptDirective: {
			// 'self' for chunks loaded with import(); Pagefind compiles its WebAssembly search index.
			resources: [...self, "'wasm-unsafe-eval'", ...serviceOrigins(services, 'script')],
		},
		styleDirective: { resources: self },
	};
}

/** The contents of a page's inline scripts that run and its inline styles (raw text, as hashed). */
export function inlineCode(html: string): string[] {
	// Raw text elements end at the first closing tag, so a pattern reads them exactly.
	const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
		.filter(([, attributes = '']) => !/\stype="?application\/(ld\+)?json/i.test(attributes))
		.map(([, , text = '']) => text);
	const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map(([, text = '']) => text);
	return [...scripts, ...styles];
}

/**
 * The policy with only the hashes this page's own inline code needs. Astro lists the hashes of
 * every script and style of the whole site on every page, bundled files included, which 'self'
 * already allows: about 0.7 KB gzip per page that a visitor downloads for nothing.
 */
export function keepPageHashes(policy: string, pageHashes: ReadonlySet<string>): string {
	return policy.replace(/\s*'sha(256|384|512)-[A-Za-z0-9+/=]+'/g, (source) =>
		pageHashes.has(source.trim().slice(1, -1)) ? source : '',
	);
}
