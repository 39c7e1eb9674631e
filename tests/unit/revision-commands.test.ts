import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { splitFrontmatter } from '../../src/lib/notice/check-node.ts';
import { checkFolderOnDisk } from '../../src/lib/notice/folder-node.ts';
import { scaffoldRevision } from '../../src/lib/notice/scaffold.ts';

// Each case starts a Node process; on a loaded machine that takes longer than Vitest's default.
vi.setConfig({ testTimeout: 30_000 });

/** The day the commands run on, as NOTICE_BUILD_DATE gives it. */
const TODAY = '2026-12-01';

/** A scratch copy of the published revisions, so the commands never touch the real folder. */
function copyOfContent(): string {
	const folder = join(mkdtempSync(join(tmpdir(), 'content-')), 'tietosuojaseloste');
	cpSync('content/tietosuojaseloste', folder, { recursive: true });
	return folder;
}

function run(script: 'revision-new' | 'revision-seal', folder: string, args: string[], today = TODAY) {
	const result = spawnSync(process.execPath, [`src/cli/${script}.ts`, ...args], {
		encoding: 'utf8',
		env: { ...process.env, NOTICE_CONTENT_DIR: folder, NOTICE_BUILD_DATE: today },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const mkdirSyncReturning = (folder: string) => {
	mkdirSync(folder, { recursive: true });
	return folder;
};

const problemsIn = (folder: string, buildDate = TODAY) =>
	checkFolderOnDisk(folder, { buildDate }).problems.map((problem) => problem.message);

describe('npm run revision:new', () => {
	it('copies the newest revision under filled-in front matter, says what to do next, and warns of the copied date', () => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, [
			'--summary',
			'Lisätty: evästeet "uusi"',
			'--date',
			'2026-12-01',
			'--effective',
			'2027-01-01',
		]);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const created = readFileSync(join(folder, '2026-12-01.mdx'), 'utf8');
		const seedBody = readFileSync(join(folder, '2018-03-11.mdx'), 'utf8').split('---\n').slice(2).join('---\n');
		expect(created).toBe(
			`---\ntitle: "Solinum Oy Tietosuojaseloste"\npublished: 2026-12-01\neffective: 2027-01-01\nsummary: "Lisätty: evästeet \\"uusi\\""\n---\n${seedBody}`,
		);
		expect(result.stdout).toContain('Next:');
		expect(result.stdout).toContain('npm run revision:seal -- 2026-12-01.mdx');
		expect(result.stdout).toContain(
			`Warning, to fix while you edit:\n${folder}/2026-12-01.mdx:111: the text says "päivitetty 11.3.2018", but the revision is published on 1.12.2026.\n  Fix: write the publication date in the text (1.12.2026), or take the date out: the page shows the publication date itself.`,
		);
		// Until the editor changes the text, the build refuses the copy.
		expect(problemsIn(folder)).toEqual(['the text is identical to the previous revision, 2018-03-11.mdx.']);
	});

	it.each([
		[
			['--summary', 'x', '--date', '2018-03-11'],
			'2018-03-11.mdx already exists: there is a revision published on 2018-03-11.',
		],
		[['--summary', 'x', '--date', '2026-02-30'], '"2026-02-30" is not a real date.'],
		[['--summary', 'x', '--date', '2017-01-01'], '2017-01-01 is before the newest revision, 2018-03-11.mdx.'],
		[
			['--summary', 'x', '--date', '2026-11-30'],
			'2026-11-30 is before today (2026-12-01): a revision cannot be published in the past.',
		],
		[['--date', '2026-12-01'], 'the summary is missing.'],
		[
			['--summary', 'x', '--date', '2026-12-01', '--effective', '2026-11-01'],
			'the effective date "2026-11-01" is not a real date on or after 2026-12-01.',
		],
	])('refuses %j', (args, message) => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, args);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`${folder}: ${message}\n  Fix: `);
		expect(existsSync(join(folder, '2026-12-01.mdx'))).toBe(false);
	});

	it('refuses an effective date that would not follow the newest revision, as the build would', () => {
		const [seed] = checkFolderOnDisk('content/tietosuojaseloste', { buildDate: TODAY }).revisions;
		const pending = { ...seed!, published: '2026-12-05', effective: '2027-03-01', fileName: '2026-12-05.mdx' };
		expect(() =>
			scaffoldRevision([seed!, pending], { date: '2026-12-06', today: TODAY, summary: 'x', effective: '2027-02-01' }),
		).toThrow('the new revision would take effect on 2027-02-01, not after 2026-12-05.mdx (effective 2027-03-01).');
	});

	it('refuses a summary the build would refuse, before the file exists', () => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, ['--summary', 'Uusi \u202Eesolets\u202C.', '--date', '2026-12-01']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('2026-12-01.mdx:4: the text contains the invisible character U+202E');
		expect(existsSync(join(folder, '2026-12-01.mdx'))).toBe(false);
	});

	it('refuses a NOTICE_BUILD_DATE that is no date, plainly', () => {
		const result = run('revision-new', copyOfContent(), ['--summary', 'x'], '2026-13-01');
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			'NOTICE_BUILD_DATE is "2026-13-01", which is not a real date.\n  Fix: write it as YYYY-MM-DD, or unset it to use today.\n',
		);
	});

	it.each([[['--sumary', 'x']], [['--summary']], [['uusi versio']]])(
		'answers %j with its usage, not a stack',
		(args) => {
			const result = run('revision-new', copyOfContent(), args);
			expect(result.status).toBe(2);
			expect(result.stderr).toContain('Usage: npm run revision:new -- --summary "What changed, in plain words."');
			expect(result.stderr).not.toMatch(/\n\s+at /);
		},
	);

	it.each([
		'Solinum Oy # tietosuojaseloste',
		'Tietosuojaseloste: Solinum Oy',
		'"Lainattu" otsikko',
		"Yhden 'lainausmerkin' otsikko",
		'- alkaa viivalla',
		'[hakasulkeet] ja {aaltosulkeet}',
		'Takakeno \\ ja tabulaattori\tsekä @ & * ! | > %',
		'yes',
		'2026-12-01',
		'Rivi\u2028erotin ja emoji 🍪',
	])('writes front matter that reads back exactly, for the title and summary %j', (text) => {
		const base = checkFolderOnDisk('content/tietosuojaseloste', { buildDate: TODAY }).revisions;
		const revisions = base.map((revision) => ({ ...revision, title: text }));
		const { source } = scaffoldRevision(revisions, { date: '2026-12-01', today: TODAY, summary: text });
		const data = yaml.load(splitFrontmatter(source)?.frontmatter ?? '', { schema: yaml.CORE_SCHEMA });
		expect(data).toEqual({ title: text, published: '2026-12-01', summary: text });
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
		expect(problemsIn(folder)).toEqual([
			expect.stringMatching(
				/^2026-12-01\.mdx was published and cannot change \(sealed SHA-256 [0-9a-f]{64}, the file now [0-9a-f]{64}\)\.$/,
			),
		]);
	});

	it('seals a revision published earlier and not sealed, which is the fix the build asks for', () => {
		const folder = copyOfContent();
		run('revision-new', folder, ['--summary', 'Muutos.', '--date', '2026-12-01']);
		const path = join(folder, '2026-12-01.mdx');
		writeFileSync(path, `${readFileSync(path, 'utf8')}\nUusi kappale.\n`);
		expect(problemsIn(folder, '2026-12-05')).toEqual([
			'2026-12-01.mdx was published on 2026-12-01, before the build date 2026-12-05, but is not sealed.',
		]);
		expect(run('revision-seal', folder, ['2026-12-01.mdx'], '2026-12-05').status).toBe(0);
		expect(problemsIn(folder, '2026-12-05')).toEqual([]);
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

	it('starts the manifest of a new folder, where nothing is published yet', () => {
		const folder = join(mkdtempSync(join(tmpdir(), 'new-')), 'tietosuojaseloste');
		cpSync('content/tietosuojaseloste/2018-03-11.mdx', join(mkdirSyncReturning(folder), '2018-03-11.mdx'));
		const result = run('revision-seal', folder, [], '2018-03-11');
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain('Sealed 2018-03-11.mdx');
		expect(problemsIn(folder, '2018-03-12')).toEqual([]);
	});

	it('does not recreate a deleted manifest of a folder with published revisions', () => {
		const folder = copyOfContent();
		rmSync(join(folder, 'sealed.json'));
		const result = run('revision-seal', folder, []);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'the seal manifest is missing, so nothing published would be protected.\n  Fix: restore it from version control',
		);
		expect(existsSync(join(folder, 'sealed.json'))).toBe(false);
	});

	it('leaves a scheduled revision unsealed unless it is named, and takes a path as its name', () => {
		const folder = copyOfContent();
		run('revision-new', folder, ['--summary', 'Tuleva.', '--date', '2026-12-20']);
		const path = join(folder, '2026-12-20.mdx');
		writeFileSync(path, `${readFileSync(path, 'utf8')}\nUusi kappale.\n`);
		const unnamed = run('revision-seal', folder, []);
		expect(unnamed.stdout).toContain('Not sealed: 2026-12-20.mdx, scheduled for later.');
		expect(JSON.parse(readFileSync(join(folder, 'sealed.json'), 'utf8'))).not.toHaveProperty(['2026-12-20.mdx']);
		expect(run('revision-seal', folder, [path]).stdout).toContain('Sealed 2026-12-20.mdx');
	});

	it('answers an unknown option with its usage', () => {
		const result = run('revision-seal', copyOfContent(), ['--all']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Usage: npm run revision:seal [-- YYYY-MM-DD.mdx …]');
	});
});
