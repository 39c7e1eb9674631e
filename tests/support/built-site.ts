// Reading a built site from disk the way a static host serves it: for audits that need no
// browser (links, sitemap, feed, HTML validity, reproducible builds).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export { SITE_ORIGIN } from '../../src/lib/site/routes.ts';

/** Every file of a built folder, as paths relative to it with forward slashes, sorted. */
export function builtFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** The HTML pages of a built site (Pagefind's own fragments are not pages). */
export function builtPages(dir: string): string[] {
	return builtFiles(dir).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
}

/** The URL path a built HTML file is served at: `a/index.html` → `/a/`. */
export function pathOfFile(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The file a host serves for a URL path, or undefined when it would answer 404.
 * Directory addresses need their trailing slash, as the site is built with `trailingSlash: 'always'`.
 */
export function fileForPath(dir: string, path: string): string | undefined {
	const decoded = decodeURIComponent(path);
	const candidate = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
	const file = join(dir, candidate);
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** SHA-256 of every file of a built folder, keyed by relative path. */
export function fileHashes(dir: string): Record<string, string> {
	return Object.fromEntries(
		builtFiles(dir).map((file) => [
			file,
			createHash('sha256')
				.update(readFileSync(join(dir, file)))
				.digest('hex'),
		]),
	);
}
