import { defineConfig, devices } from '@playwright/test';
import { siteOutDir, sitePort, TEST_SITES } from './tests/support/sites.ts';

// Debian's Chromium: Playwright cannot download its own browsers on our machines.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
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
