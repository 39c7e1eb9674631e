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

/** `text` with the scratch folder's random path written as <folder>, so that a snapshot holds it. */
const withFolderNamed = (text: string, folder: string) => text.replaceAll(folder, '<folder>');

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
		expect(withFolderNamed(result.stdout, folder)).toMatchInlineSnapshot(`
			"Created <folder>/2026-12-01.mdx, a copy of 2018-03-11.mdx with the front matter filled in.

			Next:
			  1. Edit the text in <folder>/2026-12-01.mdx. (The build refuses an unchanged copy.)
			  2. Preview it: npm run dev, then open http://localhost:4321/tietosuojaseloste/2026-12-01/
			  3. When it is final, seal it: npm run revision:seal -- 2026-12-01.mdx
			  4. Commit both files (2026-12-01.mdx and sealed.json) and publish.

			Warning, to fix while you edit:
			<folder>/2026-12-01.mdx:111: the text says "päivitetty 11.3.2018", but the revision is published on 1.12.2026.
			  Fix: write the publication date in the text (1.12.2026), or take the date out: the page shows the publication date itself.
			"
		`);
		// Until the editor changes the text, the build refuses the copy.
		expect(problemsIn(folder)).toEqual(['the text is identical to the previous revision, 2018-03-11.mdx.']);
	});

	/** What revision:new says to `args`, refusing them and writing no file. */
	const refusal = (args: string[]) => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, args);
		expect(result.status).toBe(1);
		expect(existsSync(join(folder, '2026-12-01.mdx'))).toBe(false);
		return withFolderNamed(result.stderr, folder);
	};

	it('refuses ["--summary","x","--date","2018-03-11"]', () => {
		expect(refusal(['--summary', 'x', '--date', '2018-03-11'])).toMatchInlineSnapshot(`
			"<folder>: 2018-03-11.mdx already exists: there is a revision published on 2018-03-11.
			  Fix: edit that file if it is not sealed yet, or give another date with --date YYYY-MM-DD.
			"
		`);
	});

	it('refuses ["--summary","x","--date","2026-02-30"]', () => {
		expect(refusal(['--summary', 'x', '--date', '2026-02-30'])).toMatchInlineSnapshot(`
			"<folder>: "2026-02-30" is not a real date.
			  Fix: give the date as YYYY-MM-DD, e.g. --date 2026-03-01.
			"
		`);
	});

	it('refuses ["--summary","x","--date","2017-01-01"]', () => {
		expect(refusal(['--summary', 'x', '--date', '2017-01-01'])).toMatchInlineSnapshot(`
			"<folder>: 2017-01-01 is before the newest revision, 2018-03-11.mdx.
			  Fix: a new revision comes after every earlier one: give a later date with --date YYYY-MM-DD.
			"
		`);
	});

	it('refuses ["--summary","x","--date","2026-11-30"]', () => {
		expect(refusal(['--summary', 'x', '--date', '2026-11-30'])).toMatchInlineSnapshot(`
			"<folder>: 2026-11-30 is before today (2026-12-01): a revision cannot be published in the past.
			  Fix: leave --date out to publish today, or give today or a later day as YYYY-MM-DD.
			"
		`);
	});

	it('refuses ["--date","2026-12-01"]', () => {
		expect(refusal(['--date', '2026-12-01'])).toMatchInlineSnapshot(`
			"<folder>: the summary is missing.
			  Fix: describe the change in plain words: npm run revision:new -- --summary "Lisätty evästeitä koskeva osio."
			"
		`);
	});

	it('refuses ["--summary","x","--date","2026-12-01","--effective","2026-11-01"]', () => {
		expect(refusal(['--summary', 'x', '--date', '2026-12-01', '--effective', '2026-11-01'])).toMatchInlineSnapshot(`
			"<folder>: the effective date "2026-11-01" is not a real date on or after 2026-12-01.
			  Fix: give --effective as YYYY-MM-DD, no earlier than the publication date, or leave it out.
			"
		`);
	});

	it('refuses an effective date that would not follow the newest revision, as the build would', () => {
		const [seed] = checkFolderOnDisk('content/tietosuojaseloste', { buildDate: TODAY }).revisions;
		const pending = { ...seed!, published: '2026-12-05', effective: '2027-03-01', fileName: '2026-12-05.mdx' };
		expect(() =>
			scaffoldRevision([seed!, pending], { date: '2026-12-06', today: TODAY, summary: 'x', effective: '2027-02-01' }),
		).toThrowErrorMatchingInlineSnapshot(
			`[Error: the new revision would take effect on 2027-02-01, not after 2026-12-05.mdx (effective 2027-03-01).]`,
		);
	});

	it('refuses a summary the build would refuse, before the file exists', () => {
		const folder = copyOfContent();
		const result = run('revision-new', folder, ['--summary', 'Uusi \u202Eesolets\u202C.', '--date', '2026-12-01']);
		expect(result.status).toBe(1);
		expect(withFolderNamed(result.stderr, folder)).toMatchInlineSnapshot(`
			"1 mistake in <folder>:

			<folder>/2026-12-01.mdx:4: the text contains the invisible character U+202E, which can make the text read differently from what it says.
			  Fix: delete it: a revision is plain text (your editor may show it as a box, a code, or nothing at all).
			"
		`);
		expect(existsSync(join(folder, '2026-12-01.mdx'))).toBe(false);
	});

	it('refuses a NOTICE_BUILD_DATE that is no date, plainly', () => {
		const result = run('revision-new', copyOfContent(), ['--summary', 'x'], '2026-13-01');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"NOTICE_BUILD_DATE is "2026-13-01", which is not a real date.
			  Fix: write it as YYYY-MM-DD, or unset it to use today.
			"
		`);
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
		const fingerprintsHidden = problemsIn(folder).map((message) => message.replace(/\b[0-9a-f]{64}\b/g, '<sha256>'));
		expect(fingerprintsHidden).toMatchInlineSnapshot(`
			[
			  "2026-12-01.mdx was published and cannot change (sealed SHA-256 <sha256>, the file now <sha256>).",
			]
		`);
	});

	it('seals a revision published earlier and not sealed, which is the fix the build asks for', () => {
		const folder = copyOfContent();
		run('revision-new', folder, ['--summary', 'Muutos.', '--date', '2026-12-01']);
		const path = join(folder, '2026-12-01.mdx');
		writeFileSync(path, `${readFileSync(path, 'utf8')}\nUusi kappale.\n`);
		expect(problemsIn(folder, '2026-12-05')).toMatchInlineSnapshot(`
			[
			  "2026-12-01.mdx was published on 2026-12-01, before the build date 2026-12-05, but is not sealed.",
			]
		`);
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
		expect(withFolderNamed(result.stderr, folder)).toMatchInlineSnapshot(`
			"1 mistake in <folder>:

			<folder>/sealed.json: the seal manifest is missing, so nothing published would be protected.
			  Fix: restore it from version control (git checkout -- <folder>/sealed.json).

			Nothing was sealed: only a folder that builds can be sealed.
			"
		`);
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
