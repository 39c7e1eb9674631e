// Serves a built site as a static host would: files, directory indexes, and 404.html for
// anything else. Used by the browser tests and the benchmark; `npm start` uses astro preview.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

/** Starts a static server for `dir` on 127.0.0.1:`port`. */
export function serve(dir: string, port: number): Promise<Server> {
	const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const notFound = readFileSync(join(dir, '404.html'));
	const server = createServer((request, response) => {
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
