// The Playwright `test` every browser spec imports: any Content-Security-Policy violation on a
// page fails the test, so a script, style or host the policy does not allow is caught where it
// happens instead of breaking silently for visitors.
import { test as base, expect } from '@playwright/test';

/** Words Chromium uses when it reports a blocked resource in the console. */
const CSP_CONSOLE =
	/Content Security Policy|Content-Security-Policy|Refused to (load|execute|apply|connect|frame|evaluate|compile)/i;

export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ page }, use, testInfo) => {
			const violations: string[] = [];
			// Reported by the page itself: covers what the console wording might miss.
			await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
					report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`);
				});
			});
			page.on('console', (message) => {
				if (message.type() === 'error' && CSP_CONSOLE.test(message.text())) violations.push(message.text());
			});
			await use(violations);
			expect(violations, `CSP violations in "${testInfo.title}"`).toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };
