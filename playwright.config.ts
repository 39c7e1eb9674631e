import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';
import { sitePort, TEST_SITES } from './tests/support/sites.ts';

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
	// Playwright builds what it serves: the one web server builds every test site, then serves
	// them all (tests/support/serve-sites.ts). Test files read the built sites as they load, after it.
	webServer: {
		command: 'node tests/support/serve-sites.ts',
		// Up once every site is: the last one's notice answers.
		url: `http://127.0.0.1:${sitePort(TEST_SITES.at(-1)!)}/tietosuojaseloste/`,
		// Never a server already running: it may serve another checkout's sites, or older ones.
		reuseExistingServer: false,
		// Four builds on a busy two-core machine.
		timeout: 180_000,
		// Which site was built, and how long it took.
		stdout: 'pipe',
	},
});
