import type { APIRoute } from 'astro';
import { receiptData, widgetSource } from '../../lib/consent/history.ts';
import { loadConsentHistory } from '../../lib/consent/versions-node.ts';
import { recordTexts, widgetPreferences } from '../../lib/consent/widget.ts';
import { t } from '../../lib/site/i18n.ts';

// The consent preferences' descriptions and cookie tables, and what the record of a choice and
// its receipt show, fetched only when a visitor opens them.
export const GET: APIRoute = ({ site }) => {
	const history = loadConsentHistory({ fresh: import.meta.env.DEV });
	const preferences = widgetPreferences(
		widgetSource(history),
		recordTexts((key) => t(key)),
		receiptData(history, site!),
	);
	return new Response(JSON.stringify(preferences), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
