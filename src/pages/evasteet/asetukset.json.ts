import type { APIRoute } from 'astro';
import { widgetTexts } from '../../lib/consent-config.ts';
import { widgetPreferences } from '../../lib/consent-widget.ts';
import { t } from '../../lib/i18n.ts';

// The consent preferences' descriptions and cookie tables, fetched only when a visitor opens them.
export const GET: APIRoute = () =>
	new Response(JSON.stringify(widgetPreferences(widgetTexts((key) => t(key)))), {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
