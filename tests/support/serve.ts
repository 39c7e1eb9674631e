// Serves a built site as a static host would: files, directory indexes, and 404.html for
// anything else, with the response headers of public/_headers. Used by the browser tests and the benchmark; `npm start` uses astro preview.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeaders } from './headers.ts';

/** Starts a static server for `dir` on 127.0.0.1:`port`. */
export function serve(dir: string, port: number): Promise<Server> {
	const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const notFound = readFileSync(join(dir, '404.html'));
	// The host reads public/_headers (copied into the build) and never serves it.
	const headersFile = join(dir, '_headers');
	const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		for (const [name, value] of headersFor(rules, path)) response.setHeader(name, value);
		if (path === '/_headers') {
			response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			response.end(notFound);
			return;
		}
		files(request, response, () => {
			response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			response.end(notFound);
		});
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.main) {
	const [dir = 'dist', port = '4321'] = process.argv.slice(2);
	await serve(dir, Number(port));
	console.log(`Serving ${dir} at http://127.0.0.1:${port}/`);
}
