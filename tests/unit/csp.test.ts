import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspServices } from '../../src/lib/consent/declaration.ts';
import { serviceHosts as hostsOf } from '../support/consent.ts';
import { cspConfig, inlineCode, keepPageHashes, serviceOrigins } from '../../src/lib/site/csp.ts';
import { siteConsent } from '../support/consent.ts';
import { headersFor, matchesPattern, parseHeaders } from '../support/headers.ts';

const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

// The cookie information in force on the published site (content/evasteet/).
const { declaration } = siteConsent('published').current;
const serviceHosts = () => hostsOf(declaration);

describe('cspConfig', () => {
	const config = cspConfig(cspServices(declaration));

	it("allows scripts from our origin, Pagefind's WebAssembly and the declared script hosts only", () => {
		expect(config.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'", ...serviceHosts().script]);
		expect(config.scriptDirective.resources).not.toContain("'unsafe-inline'");
	});

	it('takes every third-party host from the cookie information in force', () => {
		const hosts = new Set(
			config.directives
				.join(' ')
				.split(/\s+/)
				.filter((source) => source.startsWith('https://')),
		);
		expect([...hosts].sort()).toEqual(
			[...new Set([...serviceHosts().connect, ...serviceHosts().img, ...serviceHosts().frame])].sort(),
		);
	});

	it('refuses everything by default and frames when no service needs one', () => {
		expect(config.directives).toContain("default-src 'none'");
		expect(cspConfig([]).directives).toContain("frame-src 'none'");
		expect(cspConfig([{ hosts: { frame: ['https://video.example'] } }]).directives).toContain(
			'frame-src https://video.example',
		);
	});
});

describe('serviceOrigins', () => {
	const originsOf = (origin: string) => () => serviceOrigins([{ hosts: { script: [origin] } }], 'script');

	it('rejects https://x.example/path, which is not a bare https origin', () => {
		expect(originsOf('https://x.example/path')).toThrowErrorMatchingInlineSnapshot(
			`[Error: The consent module declares the host "https://x.example/path", which is not an https origin. Write it as https://host.example (no path, no wildcard).]`,
		);
	});

	it('rejects http://x.example, which is not a bare https origin', () => {
		expect(originsOf('http://x.example')).toThrowErrorMatchingInlineSnapshot(
			`[Error: The consent module declares the host "http://x.example", which is not an https origin. Write it as https://host.example (no path, no wildcard).]`,
		);
	});

	it('rejects https://*.example, which is not a bare https origin', () => {
		expect(originsOf('https://*.example')).toThrowErrorMatchingInlineSnapshot(
			`[Error: The consent module declares the host "https://*.example", which is not an https origin. Write it as https://host.example (no path, no wildcard).]`,
		);
	});

	it("rejects 'unsafe-inline', which is not a bare https origin", () => {
		expect(originsOf("'unsafe-inline'")).toThrowErrorMatchingInlineSnapshot(
			`[Error: The consent module declares the host "'unsafe-inline'", which is not an https origin. Write it as https://host.example (no path, no wildcard).]`,
		);
	});

	it('sorts and removes repeats', () => {
		const services = [
			{ hosts: { img: ['https://b.example', 'https://a.example'] } },
			{ hosts: { img: ['https://a.example'] } },
		];
		expect(serviceOrigins(services, 'img')).toEqual(['https://a.example', 'https://b.example']);
	});
});

describe('inlineCode and keepPageHashes', () => {
	const html =
		'<head><style>a{color:red}</style><script>run()</script><script type="module" src="/_astro/x.js"></script>' +
		'<script type="application/json" id="d">{"a":1}</script></head>';

	it('finds the inline styles and the scripts that run, not data blocks or external scripts', () => {
		expect(inlineCode(html).sort()).toEqual(['a{color:red}', 'run()']);
	});

	it("keeps the hashes of the page's own code and drops the rest", () => {
		const policy = `script-src 'self' '${hash('run()')}' '${hash('other()')}'; style-src 'self' '${hash('a{color:red}')}' '${hash('b{}')}';`;
		const kept = keepPageHashes(policy, new Set(inlineCode(html).map(hash)));
		expect(kept).toBe(`script-src 'self' '${hash('run()')}'; style-src 'self' '${hash('a{color:red}')}';`);
	});
});

describe('_headers', () => {
	const rules = parseHeaders(
		'# comment\n/*\n  X-A: 1\n  Cache-Control: no-cache\n\n/_astro/*\n  Cache-Control: immutable\n/exact/\n  X-B: 2\n',
	);

	it.each([
		['/*', '/anything/here', true],
		['/_astro/*', '/_astro/a.js', true],
		['/_astro/*', '/tietosuojaseloste/', false],
		['/exact/', '/exact/', true],
		['/exact/', '/exact/more', false],
	])('%s matches %s: %s', (pattern, path, expected) => {
		expect(matchesPattern(pattern, path)).toBe(expected);
	});

	it('applies every matching rule and joins a header set twice, as the hosts do', () => {
		expect(Object.fromEntries(headersFor(rules, '/_astro/a.js'))).toEqual({
			'x-a': '1',
			'cache-control': 'no-cache, immutable',
		});
		expect(Object.fromEntries(headersFor(rules, '/exact/'))).toEqual({
			'x-a': '1',
			'cache-control': 'no-cache',
			'x-b': '2',
		});
	});

	it('refuses a header line outside a path rule', () => {
		expect(() => parseHeaders('  X-A: 1\n')).toThrowErrorMatchingInlineSnapshot(
			`[Error: _headers line 1 is not "  Name: value" under a path:   X-A: 1]`,
		);
	});

	it('the public/_headers file never sets one header in two matching rules', async () => {
		const { readFileSync } = await import('node:fs');
		const own = parseHeaders(readFileSync('public/_headers', 'utf8'));
		for (const path of ['/tietosuojaseloste/', '/_astro/x.js']) {
			const names = own
				.filter((rule) => matchesPattern(rule.pattern, path))
				.flatMap((rule) => rule.headers.map(([name]) => name.toLowerCase()));
			expect(names.length).toBeGreaterThan(3);
			expect(new Set(names).size, path).toBe(names.length);
		}
	});
});
