import type { APIRoute } from 'astro';
import { SITEMAP_INDEX_PATH } from '../lib/notice/sitemap.ts';

/** Every page may be crawled; the sitemap lists them with the day each last changed. */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(SITEMAP_INDEX_PATH, site).href}\n`, {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
