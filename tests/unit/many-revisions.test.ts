import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRevisionFolder } from '../../src/lib/notice/check-node.ts';
import type { SealManifest } from '../../src/lib/record/seal-node.ts';
import { writeManyRevisions } from '../fixtures/many-revisions.ts';

const root = mkdtempSync(join(tmpdir(), 'many-revisions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([1, 2, 9, 200])('a generated history of %i revisions', (count) => {
	const folder = join(root, String(count));
	const written = writeManyRevisions(folder, count);
	const files = readdirSync(folder)
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.map((fileName) => ({ fileName, bytes: readFileSync(join(folder, fileName)) }));
	const sealed = JSON.parse(readFileSync(join(folder, 'sealed.json'), 'utf8')) as SealManifest;

	it('passes every revision check, sealed', () => {
		const result = checkRevisionFolder(files, { sealed, buildDate: '2026-12-02' });
		expect(result.problems).toEqual([]);
		expect(result.unsealed).toEqual([]);
		expect(result.revisions).toHaveLength(count);
	});

	it('dates its revisions apart and summarises all but the first', () => {
		expect(written.map((revision) => revision.fileName)).toEqual(files.map((file) => file.fileName));
		expect(written[0]?.summary).toBeUndefined();
		expect(written.slice(1).every((revision) => revision.summary !== undefined)).toBe(true);
		expect(new Set(written.map((revision) => revision.published)).size).toBe(count);
	});
});

it('keeps each edit small: consecutive revisions differ in a few lines only', () => {
	const folder = join(root, 'small');
	writeManyRevisions(folder, 40);
	const bodies = readdirSync(folder)
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.map((name) => readFileSync(join(folder, name), 'utf8').split('\n---\n')[1]!.split('\n'));
	for (let index = 1; index < bodies.length; index += 1) {
		const before = new Set(bodies[index - 1]);
		const changed = bodies[index]!.filter((line) => !before.has(line));
		expect(changed.length).toBeGreaterThan(0);
		expect(changed.length).toBeLessThanOrEqual(4);
	}
});
