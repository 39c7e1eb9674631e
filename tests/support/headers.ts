// Reads a `_headers` file the way Netlify and Cloudflare Pages do, so the local server and the
// tests see the same response headers as the deployed site.

/** One rule of a `_headers` file: a path pattern and the headers it sets. */
export interface HeaderRule {
	pattern: string;
	headers: [name: string, value: string][];
}

/** Parses `_headers`: an unindented path line, then indented `Name: value` lines; `#` comments. */
export function parseHeaders(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const rule = rules.at(-1);
		const match = /^\s+([^:\s]+):\s*(.+)$/.exec(line);
		if (!rule || !match) throw new Error(`_headers line ${index + 1} is not "  Name: value" under a path: ${line}`);
		rule.headers.push([match[1]!, match[2]!.trim()]);
	}
	return rules;
}

/** Whether a URL path matches a pattern, where `*` stands for any run of characters. */
export function matchesPattern(pattern: string, path: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`).test(path);
}

/** The headers for a path: every matching rule applies, and a header set twice is joined by ", ". */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const rule of rules) {
		if (!matchesPattern(rule.pattern, path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			const existing = headers.get(key);
			headers.set(key, existing ? `${existing}, ${value}` : value);
		}
	}
	return headers;
}
