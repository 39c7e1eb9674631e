// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// Each revisions folder gets its own content cache, so fixture sites can build side by side.
const contentDir = process.env.NOTICE_CONTENT_DIR;
const cacheDir = contentDir
	? `./node_modules/.astro/sites/${contentDir.replace(/[^\w-]+/g, '_')}`
	: undefined;

// The address the notice itself names; canonical links, the sitemap and the feed use it.
const site = 'https://www.solinum.fi';

export default defineConfig({
	site,
	...(cacheDir ? { cacheDir } : {}),
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [
		mdx(),
		sitemap({ filter: (page) => !page.endsWith('/404/') && page !== `${site}/` }),
	],
	// Full page loads only: the consent widget's listeners do not survive a client-side router.
	prefetch: false,
	devToolbar: { enabled: false },
});
