// The sitemap: Astro's integration lists every built page; this adds when each page of the notice
// last changed. The dates come from the built versiot.json, the published list of revisions, so
// that the sitemap and versiot.json cannot disagree.
import { readFile } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { IsoDate } from '../lib/site/dates.ts';
import type { RevisionDates } from '../lib/notice/revisions.ts';
import { buildDate } from '../lib/site/settings-node.ts';
import { pageLastChanged, SITEMAP_NAME } from '../lib/notice/sitemap.ts';
import { VERSIONS_PATH } from '../lib/site/routes.ts';

/** The sitemap integrations, in the order their build hooks must run. */
export default function noticeSitemap(): AstroIntegration[] {
	let lastChanged = new Map<string, IsoDate>();
	const dates: AstroIntegration = {
		name: 'solinum:sitemap-dates',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const versions = JSON.parse(await readFile(new URL(`.${VERSIONS_PATH}`, dir), 'utf8')) as {
					revisions: RevisionDates[];
				};
				lastChanged = pageLastChanged(versions.revisions, buildDate());
			},
		},
	};
	return [
		dates,
		sitemap({
			filenameBase: SITEMAP_NAME,
			// Not the 404 page, nor the root, which only redirects to the notice.
			filter: (page) => !['/', '/404/'].includes(new URL(page).pathname),
			serialize: (item) => {
				const lastmod = lastChanged.get(new URL(item.url).pathname);
				return lastmod ? { ...item, lastmod } : item;
			},
		}),
	];
}
