import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolderOnDisk, describeProblems } from '../../src/lib/revision-folder.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'revisions-'));

describe('8. the revisions folder itself', () => {
	it('refuses a NOTICE_CONTENT_DIR that does not exist', () => {
		const folder = join(scratch(), 'ei-ole');
		expect(describeProblems(folder, checkFolderOnDisk(folder))).toBe(
			`1 mistake in ${folder}:\n\n${folder}: the revisions folder does not exist.\n  Fix: set NOTICE_CONTENT_DIR to a folder of YYYY-MM-DD.mdx revisions, or unset it to use content/tietosuojaseloste.`,
		);
	});

	it('refuses an empty folder', () => {
		const folder = scratch();
		expect(describeProblems(folder, checkFolderOnDisk(folder))).toBe(
			`1 mistake in ${folder}:\n\n${folder}: the folder holds no revisions.\n  Fix: add the notice as YYYY-MM-DD.mdx, or point NOTICE_CONTENT_DIR at a folder that has revisions.`,
		);
	});

	it('refuses a damaged seal manifest', () => {
		const folder = scratch();
		writeFileSync(join(folder, '2026-03-01.mdx'), '---\ntitle: T\npublished: 2026-03-01\n---\nTeksti.\n');
		writeFileSync(join(folder, 'sealed.json'), '{"2026-03-01.mdx": "abc"}');
		expect(checkFolderOnDisk(folder).problems.map((problem) => problem.message)).toEqual([
			'the seal manifest is not a JSON object of "YYYY-MM-DD.mdx": "sha256" pairs.',
		]);
	});

	it('ignores hidden files but refuses stray files, which would otherwise go unpublished', () => {
		const folder = scratch();
		writeFileSync(join(folder, '2026-03-01.mdx'), '---\ntitle: T\npublished: 2026-03-01\n---\nTeksti.\n');
		writeFileSync(join(folder, '.DS_Store'), '');
		mkdirSync(join(folder, '.git'));
		expect(checkFolderOnDisk(folder).problems).toEqual([]);
		writeFileSync(join(folder, '2026-04-01.md'), '---\ntitle: T\npublished: 2026-04-01\n---\nTeksti.\n');
		expect(checkFolderOnDisk(folder).problems.map((problem) => problem.file)).toEqual(['2026-04-01.md']);
	});

	it('passes the published content, with the seed sealed', () => {
		const check = checkFolderOnDisk('content/tietosuojaseloste');
		expect(check.problems).toEqual([]);
		expect(check.unsealed).toEqual([]);
		expect(Object.keys(check.sealed ?? {})).toContain('2018-03-11.mdx');
	});
});
