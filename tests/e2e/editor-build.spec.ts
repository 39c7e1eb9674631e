import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { acquireBuildLock, buildSite } from '../support/build-sites.ts';

const BROKEN = 'tests/fixtures/broken-revision';
// The editor's working day: the broken revision is published today, so it may still be unsealed.
const TODAY = '2020-06-01';
// Cookie information that was in force on that day (content/evasteet/ begins in 2026).
const CONSENT = 'tests/fixtures/consent-versions';
const EXPECTED = `${BROKEN}/2020-06-01.mdx: the front matter has an unknown field "sumary".\n  Fix: use only these fields: title, published, effective, summary. Check the spelling of "sumary".`;

test('the real build refuses a broken revision: non-zero exit, the message, and no site written', async () => {
	test.setTimeout(60_000);
	const outDir = join(mkdtempSync(join(tmpdir(), 'broken-build-')), 'dist');
	const { status, output } = buildSite({ contentDir: BROKEN, consentDir: CONSENT, buildDate: TODAY }, outDir);
	expect(status).not.toBe(0);
	expect(output).toContain(`1 mistake in ${BROKEN}:\n\n${EXPECTED}`);
	expect(output).toContain('Nothing was published.');
	// Nothing but the editor's message: no stack trace, no path into the project's own code.
	expect(output).not.toContain('Stack trace');
	expect(output).not.toMatch(/src\/(lib|cli)\//);
	expect(output).not.toMatch(/\n\s+at /);
	expect(existsSync(outDir)).toBe(false);
});

test('npm run dev shows the same refusal in the error overlay, and the page once it is fixed', async ({ page }) => {
	test.setTimeout(90_000);
	const folder = join(mkdtempSync(join(tmpdir(), 'dev-content-')), 'tietosuojaseloste');
	cpSync(BROKEN, folder, { recursive: true });
	// A revision scheduled after the editor's day: dev shows it, marked as not yet published.
	const scheduled = readFileSync(join(BROKEN, '2018-03-11.mdx'), 'utf8')
		.replace('published: 2018-03-11', 'published: 2020-09-01\nsummary: "Ajastettu."')
		.concat('\nAjastettu kappale.\n');
	writeFileSync(join(folder, '2020-09-01.mdx'), scheduled);
	const port = 4490 + Number(process.env['TEST_PORT_OFFSET'] ?? 0);
	// A dev server writes the content modules that builds write: one at a time.
	const release = acquireBuildLock();
	const server = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		env: {
			...process.env,
			NOTICE_CONTENT_DIR: folder,
			CONSENT_CONTENT_DIR: CONSENT,
			NOTICE_BUILD_DATE: TODAY,
			NOTICE_CACHE_DIR: `${folder}.cache`,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('astro dev did not start')), 60_000);
			server.stdout.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes(`${port}`)) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		const url = `http://127.0.0.1:${port}/tietosuojaseloste/`;
		// Wait for the overlay, not for the load event: on a cold start the dev server may reload a page
		// that shows an error (after the browser's request for /favicon.ico fails the same way), and a
		// reload before the load event aborts page.goto.
		await page.goto(url, { waitUntil: 'commit' });
		const overlay = page.locator('vite-error-overlay');
		// Time for a cold dev server: the Vite client, a possible reload, a second render.
		await expect(overlay).toContainText('the front matter has an unknown field "sumary"', { timeout: 30_000 });
		await expect(overlay).toContainText('2020-06-01.mdx');
		// "Open in editor" opens the revision, not our loader.
		await expect(overlay.locator('#code header h2')).toHaveText(/tietosuojaseloste\/2020-06-01\.mdx(:\d+)*$/);

		const path = join(folder, '2020-06-01.mdx');
		writeFileSync(path, readFileSync(path, 'utf8').replace('sumary:', 'summary:'));
		await expect(async () => {
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solinum Oy Tietosuojaseloste', {
				timeout: 1_000,
			});
		}).toPass({ timeout: 20_000 });
		await expect(overlay).toHaveCount(0);
		await page.goto(`http://127.0.0.1:${port}/tietosuojaseloste/2020-09-01/`, { waitUntil: 'commit' });
		await expect(
			page.getByRole('note').filter({ hasText: 'Esikatselu: tätä versiota ei ole vielä julkaistu.' }),
		).toContainText('Se julkaistaan 1.9.2020.');
	} finally {
		if (server.pid) process.kill(-server.pid);
		release();
	}
});
