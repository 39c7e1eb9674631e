import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolderOnDisk } from '../../src/lib/revision-folder.ts';

/** A scratch copy of the published revisions, so the commands never touch the real folder. */
function copyOfContent(): string {
	const folder = join(mkdtempSync(join(tmpdir(), 'content-')), 'tietosuojaseloste');
	cpSync('content/tietosuojaseloste', folder, { recursive: true });
	return folder;
}

function run(script: 'revision-new' | 'revision-seal', folder: string, args: string[]) {
	const result = spawnSync(process.execPath, [`src/cli/${script}.ts`, ...args], {
		encoding: 'utf8',
		env: { ...process.env, NOTICE_CONTENT_DIR: folder },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run revision:new', () => {
	it('copies the newest revision under filled-in front matter and says what to do next', () => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, ['--summary', 'Lisätty: evästeet "uusi"', '--date', '2026-12-01', '--effective', '2027-01-01']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const created = readFileSync(join(folder, '2026-12-01.mdx'), 'utf8');
		const seedBody = readFileSync(join(folder, '2018-03-11.mdx'), 'utf8').split('---\n').slice(2).join('---\n');
		expect(created).toBe(
			`---\ntitle: Solinum Oy Tietosuojaseloste\npublished: 2026-12-01\neffective: 2027-01-01\nsummary: "Lisätty: evästeet \\"uusi\\""\n---\n${seedBody}`,
		);
		expect(result.stdout).toContain('Next:');
		expect(result.stdout).toContain('npm run revision:seal -- 2026-12-01.mdx');
		// Until the editor changes the text, the build refuses the copy.
		expect(checkFolderOnDisk(folder).problems.map((problem) => problem.message)).toEqual([
			'the text is identical to the previous revision, 2018-03-11.mdx.',
		]);
	});

	it.each([
		[['--summary', 'x', '--date', '2018-03-11'], '2018-03-11.mdx already exists: there is a revision published on 2018-03-11.'],
		[['--summary', 'x', '--date', '2026-02-30'], '"2026-02-30" is not a real date.'],
		[['--summary', 'x', '--date', '2017-01-01'], '2017-01-01 is before the newest revision, 2018-03-11.mdx.'],
		[['--date', '2026-12-01'], 'the summary is missing.'],
		[['--summary', 'x', '--date', '2026-12-01', '--effective', '2026-11-01'], 'the effective date "2026-11-01" is not a real date on or after 2026-12-01.'],
	])('refuses %j', (args, message) => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, args);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`${folder}: ${message}\n  Fix: `);
		expect(existsSync(join(folder, '2026-12-01.mdx'))).toBe(false);
	});
});

describe('npm run revision:seal', () => {
	it('seals an edited new revision, keeps existing seals, and then refuses a change to it', () => {
		const folder = copyOfContent();
		run('revision-new', folder, ['--summary', 'Muutos.', '--date', '2026-12-01']);
		const path = join(folder, '2026-12-01.mdx');
		writeFileSync(path, `${readFileSync(path, 'utf8')}\nUusi kappale.\n`);
		const before = JSON.parse(readFileSync(join(folder, 'sealed.json'), 'utf8'));

		const sealing = run('revision-seal', folder, []);
		expect(sealing.status).toBe(0);
		expect(sealing.stdout).toContain('Sealed 2026-12-01.mdx');
		const after = JSON.parse(readFileSync(join(folder, 'sealed.json'), 'utf8'));
		expect(after['2018-03-11.mdx']).toBe(before['2018-03-11.mdx']);
		expect(after['2026-12-01.mdx']).toMatch(/^[0-9a-f]{64}$/);

		writeFileSync(path, `${readFileSync(path, 'utf8')}Vielä yksi.\n`);
		expect(checkFolderOnDisk(folder).problems.map((problem) => problem.message)).toEqual([
			'2026-12-01.mdx was published and cannot change; make a new revision instead.',
		]);
	});

	it('seals nothing while the folder has a mistake', () => {
		const folder = copyOfContent();
		run('revision-new', folder, ['--summary', 'Muutos.', '--date', '2026-12-01']);
		const manifest = readFileSync(join(folder, 'sealed.json'), 'utf8');
		const result = run('revision-seal', folder, []);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Nothing was sealed');
		expect(readFileSync(join(folder, 'sealed.json'), 'utf8')).toBe(manifest);
	});
});
