import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';
import { siteOutDir, sitePort, TEST_SITES } from './tests/support/sites.ts';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: process.env['TEST_RESULTS_DIR'] ?? 'test-results',
	forbidOnly: !!process.env['CI'],
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: process.env['CI'] ? 'line' : 'list',
	use: {
		...devices['Desktop Chrome'],
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		// Every test site is served on loopback; nothing may reach the internet.
		serviceWorkers: 'block',
	},
	// The sites are built by `npm test` before Playwright runs (tests/support/build-sites.ts).
	webServer: TEST_SITES.map((site) => ({
		command: `node tests/support/serve.ts ${siteOutDir(site.name)} ${sitePort(site)}`,
		url: `http://127.0.0.1:${sitePort(site)}/tietosuojaseloste/`,
		reuseExistingServer: !process.env['CI'],
		stdout: 'ignore' as const,
	})),
});
