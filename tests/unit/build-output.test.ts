import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER, outputFolderProblem, realPath } from '../../src/lib/site/build-output-node.ts';

/** A project as the build sees it: sources, and a revisions folder that may live elsewhere. */
function project() {
	const root = mkdtempSync(join(tmpdir(), 'project-'));
	for (const folder of ['src', 'content/tietosuojaseloste']) mkdirSync(join(root, folder), { recursive: true });
	writeFileSync(join(root, 'content/tietosuojaseloste/2018-03-11.mdx'), 'revision');
	return { root, sources: [join(root, 'src'), join(root, 'content'), join(root, 'content/tietosuojaseloste')] };
}

describe('where a build may write', () => {
	it('may write a new folder, an empty one, or one an earlier build wrote', () => {
		const { root, sources } = project();
		expect(outputFolderProblem(join(root, 'dist'), sources)).toBeUndefined();
		mkdirSync(join(root, 'empty'));
		expect(outputFolderProblem(join(root, 'empty'), sources)).toBeUndefined();
		mkdirSync(join(root, 'old', 'tietosuojaseloste'), { recursive: true });
		writeFileSync(join(root, 'old', BUILD_MARKER), '{}');
		expect(outputFolderProblem(join(root, 'old'), sources)).toBeUndefined();
	});

	it.each([
		['the project itself', '.'],
		['a source folder', 'src'],
		['inside a source folder', 'src/out'],
		['the revisions folder', 'content/tietosuojaseloste'],
		['a folder holding the sources', '..'],
	])('refuses %s', (_, path) => {
		const { root, sources } = project();
		expect(outputFolderProblem(join(root, path), sources)).toBe('source');
	});

	it('refuses a source folder reached through a symbolic link', () => {
		const { root, sources } = project();
		const link = join(mkdtempSync(join(tmpdir(), 'link-')), 'repo');
		symlinkSync(root, link);
		expect(outputFolderProblem(join(link, 'content'), sources)).toBe('source');
		expect(realPath(join(link, 'content', 'not-yet'))).toBe(join(realPath(root), 'content', 'not-yet'));
	});

	it('refuses the folder that holds a revisions folder kept outside the project', () => {
		const { sources } = project();
		const site = mkdtempSync(join(tmpdir(), 'site-'));
		mkdirSync(join(site, 'tietosuojaseloste'));
		expect(outputFolderProblem(site, [...sources, join(site, 'tietosuojaseloste')])).toBe('source');
	});

	it('refuses a folder of other files, even one with a tietosuojaseloste folder in it, and a file', () => {
		const { root, sources } = project();
		mkdirSync(join(root, 'documents', 'tietosuojaseloste'), { recursive: true });
		expect(outputFolderProblem(join(root, 'documents'), sources)).toBe('foreign');
		writeFileSync(join(root, 'notes.txt'), 'keep');
		expect(outputFolderProblem(join(root, 'notes.txt'), sources)).toBe('foreign');
	});
});
