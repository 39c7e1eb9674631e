// A consent record as the widget writes it, for browser tests that are not about consent and
// want the page without the banner (and for the consent tests, which spoil it field by field).
import type { BrowserContext } from '@playwright/test';
import { CONSENT, CONSENT_LIFETIME_DAYS, consentRevision } from '../../src/lib/consent.ts';

/** A stored consent record: "necessary only" unless `overrides` say otherwise. */
export function consentRecord(overrides: Record<string, unknown> = {}, now = Date.now()) {
	const at = new Date(now).toISOString();
	return {
		categories: ['necessary'],
		revision: consentRevision(),
		data: null,
		consentTimestamp: at,
		consentId: '3b241101-e2bb-4255-8caf-4136c566a962',
		services: { necessary: [], analytics: [], marketing: [] },
		languageCode: 'fi',
		lastConsentTimestamp: at,
		expirationTime: now + CONSENT_LIFETIME_DAYS * 86_400_000,
		...overrides,
	};
}

/** Stores `value` (a record, or raw text) as the consent cookie for the test sites' host. */
export async function storeConsent(context: BrowserContext, value: unknown = consentRecord()): Promise<void> {
	await context.addCookies([
		{
			name: CONSENT.consentCookie,
			value: typeof value === 'string' ? value : encodeURIComponent(JSON.stringify(value)),
			domain: '127.0.0.1',
			path: '/',
			sameSite: 'Lax',
			expires: Math.floor(Date.now() / 1000) + 86_400,
		},
	]);
}
