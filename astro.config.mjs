// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { cspServices } from './src/lib/consent/declaration.ts';
import { consentHistoryForConfig } from './src/lib/consent/versions-node.ts';
import { cspConfig } from './src/lib/site/csp.ts';
import { SITE_ORIGIN } from './src/lib/site/routes.ts';
import { NOTICE_MARKDOWN_FEATURES, tableCellsWithoutStyle } from './src/lib/notice/markdown-node.ts';
import cspPerPage from './src/integrations/csp-per-page.ts';
import searchIndex from './src/integrations/search-index.ts';
import noticeSitemap from './src/integrations/sitemap.ts';

// Test builds and dev servers run side by side, each with its own content cache and Vite
// dependency cache (tests/support/build-sites.ts, the dev-server tests): shared, they clobber
// each other.
const cacheDir = process.env.NOTICE_CACHE_DIR;

// The cookie information in force (content/evasteet/, or CONSENT_CONTENT_DIR): the CSP allows
// exactly its services' hosts. A mistake in the folder, or a published version that changed
// (CONSENT_PUBLISHED_VERSIONS), stops here with the editor's report.
const consent = await consentHistoryForConfig();

export default defineConfig({
	site: SITE_ORIGIN,
	...(cacheDir ? { cacheDir } : {}),
	trailingSlash: 'always',
	// Styles inlined: one round trip less before the first paint, and the budget counts first visits.
	build: { format: 'directory', inlineStylesheets: 'always' },
	// A revision has no code (the revision check refuses code blocks), so nothing is highlighted,
	// and no highlighter's inline styles meet the CSP.
	markdown: { syntaxHighlight: false },
	integrations: [
		// The revisions' Markdown settings, shared with the blocks the diff compares (src/lib/notice/markdown-node.ts).
		mdx({ processor: satteri({ features: NOTICE_MARKDOWN_FEATURES, hastPlugins: [tableCellsWithoutStyle] }) }),
		noticeSitemap(),
		cspPerPage(),
		// Last: indexes the pages the other integrations have finished writing.
		searchIndex(),
	],
	// Full page loads only: the consent widget's listeners do not survive a client-side router.
	prefetch: false,
	devToolbar: { enabled: false },
	vite: {
		...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
		// Terser's extra passes take 2 % off the page's one script: bytes every first visit pays.
		build: {
			minify: 'terser',
			terserOptions: { compress: { passes: 2 } },
			rolldownOptions: {
				// Astro marks every compiled MDX module "use astro:head-inject", which the bundler
				// reports once per revision; it is Astro's own marker and means nothing to us.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	// Hashes for every script and style, in a <meta> per page; public/_headers adds what a meta cannot.
	// Third-party hosts only for the services of the cookie information in force.
	// (Only `astro dev` goes on without it, showing the refusal on every page; it sends no CSP.)
	security: { csp: cspConfig(consent ? cspServices(consent.current.declaration) : []) },
});
