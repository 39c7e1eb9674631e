// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// The address the notice itself names; canonical links, the sitemap and the feed use it.
const site = 'https://www.solinum.fi';

export default defineConfig({
	site,
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
