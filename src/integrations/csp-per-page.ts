// Trims each built page's CSP <meta> to the hashes of that page's own inline scripts and styles
// (see keepPageHashes in src/lib/site/csp.ts). Runs after the build; nothing else changes in a page.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineCode, keepPageHashes } from '../lib/site/csp.ts';

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** The Astro integration that trims the CSP of every built page. */
export default function cspPerPage(): AstroIntegration {
	return {
		name: 'solinum:csp-per-page',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
				let trimmed = 0;
				for (const page of pages) {
					const file = join(root, page);
					const html = await readFile(file, 'utf8');
					const meta = CSP_META.exec(html);
					if (!meta) continue;
					const hashes = new Set(
						inlineCode(html).map((code) => `sha256-${createHash('sha256').update(code).digest('base64')}`),
					);
					const policy = keepPageHashes(meta[2] ?? '', hashes);
					if (policy === meta[2]) continue;
					await writeFile(file, html.replace(CSP_META, `$1${policy}$3`));
					trimmed += 1;
				}
				logger.info(`Trimmed the CSP of ${trimmed} pages to their own hashes.`);
			},
		},
	};
}
