import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolderOnDisk, listPublishedRevisions, readPublishedVersions } from '../../src/lib/notice/folder-node.ts';
import { describeProblems, formatProblem, sha256 } from '../../src/lib/record/seal-node.ts';

const TODAY = '2026-12-02';
const scratch = () => mkdtempSync(join(tmpdir(), 'revisions-'));
const REVISION = '---\ntitle: T\npublished: 2026-03-01\n---\nTeksti.\n';

/** A folder with one sealed revision, as an editor's checkout has it. */
function sealedFolder(): string {
	const folder = scratch();
	writeFileSync(join(folder, '2026-03-01.mdx'), REVISION);
	writeFileSync(join(folder, 'sealed.json'), JSON.stringify({ '2026-03-01.mdx': sha256(REVISION) }));
	return folder;
}
const messagesIn = (folder: string) =>
	checkFolderOnDisk(folder, { buildDate: TODAY }).problems.map((problem) => formatProblem(problem));
/** `text` with the scratch folder's random path written as <folder>, so that a snapshot holds it. */
const withFolderNamed = (text: string, folder: string) => text.replaceAll(folder, '<folder>');

describe('8. the revisions folder itself', () => {
	it('refuses a NOTICE_CONTENT_DIR that does not exist', () => {
		const folder = join(scratch(), 'ei-ole');
		const report = describeProblems(folder, checkFolderOnDisk(folder, { buildDate: TODAY }).problems);
		expect(withFolderNamed(report, folder)).toMatchInlineSnapshot(`
			"1 mistake in <folder>:

			<folder>: the revisions folder does not exist.
			  Fix: set NOTICE_CONTENT_DIR to a folder of YYYY-MM-DD.mdx revisions, or unset it to use content/tietosuojaseloste."
		`);
	});

	it('refuses an empty folder', () => {
		const folder = scratch();
		writeFileSync(join(folder, 'sealed.json'), '{}');
		const report = describeProblems(folder, checkFolderOnDisk(folder, { buildDate: TODAY }).problems);
		expect(withFolderNamed(report, folder)).toMatchInlineSnapshot(`
			"1 mistake in <folder>:

			<folder>: the folder holds no revisions.
			  Fix: add the notice as YYYY-MM-DD.mdx, or point NOTICE_CONTENT_DIR at a folder that has revisions."
		`);
	});

	/** A test that a sealed folder whose manifest reads `text` is refused, given the messages to `expectMessages`. */
	const refusesDamagedManifest = (text: string, expectMessages: (messages: string[]) => void) =>
		it(`refuses a damaged seal manifest ${JSON.stringify(text)}, and does not treat it as absent`, () => {
			const folder = sealedFolder();
			writeFileSync(join(folder, 'sealed.json'), text);
			expectMessages(messagesIn(folder).map((message) => withFolderNamed(message, folder)));
		});

	refusesDamagedManifest('{"2026-03-01.mdx": "abc"}', (messages) => {
		expect(messages).toMatchInlineSnapshot(`
			[
			  "sealed.json: the seal manifest gives "2026-03-01.mdx" a value that is not a SHA-256 in lowercase hex.
			  Fix: restore it from version control (git checkout -- <folder>/sealed.json).",
			]
		`);
	});

	refusesDamagedManifest(`{"2026-03-01.mdx": "${sha256(REVISION).toUpperCase()}"}`, (messages) => {
		expect(messages).toMatchInlineSnapshot(`
			[
			  "sealed.json: the seal manifest gives "2026-03-01.mdx" a value that is not a SHA-256 in lowercase hex.
			  Fix: restore it from version control (git checkout -- <folder>/sealed.json).",
			]
		`);
	});

	refusesDamagedManifest('["2026-03-01.mdx"]', (messages) => {
		expect(messages).toMatchInlineSnapshot(`
			[
			  "sealed.json: the seal manifest is not a JSON object of "file name": "sha256" pairs.
			  Fix: restore it from version control (git checkout -- <folder>/sealed.json).",
			]
		`);
	});

	refusesDamagedManifest('{"2026-03-01.mdx": ', (messages) => {
		expect(messages).toMatchInlineSnapshot(`
			[
			  "sealed.json: the seal manifest is not valid JSON.
			  Fix: restore it from version control (git checkout -- <folder>/sealed.json).",
			]
		`);
	});

	refusesDamagedManifest(
		`{"2026-03-01.mdx": "${'0'.repeat(64)}", "2026-03-01.mdx": "${sha256(REVISION)}"}`,
		(messages) => {
			expect(messages).toMatchInlineSnapshot(`
				[
				  "sealed.json: the seal manifest lists "2026-03-01.mdx" twice.
				  Fix: restore it from version control (git checkout -- <folder>/sealed.json).",
				]
			`);
		},
	);

	it('reads a manifest saved with a byte-order mark', () => {
		const folder = sealedFolder();
		writeFileSync(join(folder, 'sealed.json'), `\uFEFF${JSON.stringify({ '2026-03-01.mdx': sha256(REVISION) })}`);
		expect(messagesIn(folder)).toEqual([]);
	});

	it('refuses what is neither file nor folder', () => {
		const folder = sealedFolder();
		spawnSync('mkfifo', [join(folder, '2026-04-01.mdx')]);
		expect(messagesIn(folder)).toMatchInlineSnapshot(`
			[
			  "2026-04-01.mdx: is not a regular file.
			  Fix: the folder holds only its dated files and sealed.json: move anything else elsewhere.",
			]
		`);
	});

	it('refuses a deleted seal manifest', () => {
		const folder = scratch();
		writeFileSync(join(folder, '2026-03-01.mdx'), REVISION);
		const { problems } = checkFolderOnDisk(folder, { buildDate: TODAY });
		expect(problems.map((problem) => [problem.file, problem.message])).toMatchInlineSnapshot(`
			[
			  [
			    "sealed.json",
			    "the seal manifest is missing, so nothing published would be protected.",
			  ],
			  [
			    "2026-03-01.mdx",
			    "2026-03-01.mdx was published on 2026-03-01, before the build date 2026-12-02, but is not sealed.",
			  ],
			]
		`);
	});

	it('ignores hidden files and editor leftovers, but refuses stray files, which would otherwise go unpublished', () => {
		const folder = sealedFolder();
		for (const leftover of [
			'.DS_Store',
			'2026-12-02.mdx~',
			'.2026-12-02.mdx.swp',
			'2026-12-02.mdx.swp',
			'.#2026-12-02.mdx',
			'#2026-12-02.mdx#',
		]) {
			writeFileSync(join(folder, leftover), 'roskaa \xff');
		}
		symlinkSync('user@host.1234:1700000000', join(folder, '.#2026-03-01.mdx'));
		mkdirSync(join(folder, '.git'));
		expect(messagesIn(folder)).toEqual([]);
		writeFileSync(join(folder, '2026-04-01.md'), '---\ntitle: T\npublished: 2026-04-01\n---\nTeksti.\n');
		expect(checkFolderOnDisk(folder, { buildDate: TODAY }).problems.map((problem) => problem.file)).toEqual([
			'2026-04-01.md',
		]);
	});

	it('refuses a subfolder, plainly', () => {
		const folder = sealedFolder();
		mkdirSync(join(folder, 'luonnokset'));
		expect(messagesIn(folder)).toMatchInlineSnapshot(`
			[
			  "luonnokset: is a folder, and the folder holds no subfolders.
			  Fix: the folder holds only its dated files and sealed.json: move anything else elsewhere.",
			]
		`);
	});

	it('refuses a symbolic link that leads nowhere, plainly', () => {
		const folder = sealedFolder();
		symlinkSync(join(folder, 'ei-ole.mdx'), join(folder, '2026-04-01.mdx'));
		expect(messagesIn(folder)).toMatchInlineSnapshot(`
			[
			  "2026-04-01.mdx: is a symbolic link that leads nowhere.
			  Fix: delete the link, and put the file itself in the folder.",
			]
		`);
	});

	it('refuses a symbolic link to a file outside the folder, which would publish what the repository does not hold', () => {
		const folder = sealedFolder();
		const outside = join(scratch(), 'muualla.mdx');
		writeFileSync(outside, '---\ntitle: T\npublished: 2026-12-02\nsummary: "x"\n---\nMuualla.\n');
		symlinkSync(outside, join(folder, '2026-12-02.mdx'));
		expect(messagesIn(folder).map((message) => message.replaceAll(outside, '<outside>'))).toMatchInlineSnapshot(`
			[
			  "2026-12-02.mdx: is a symbolic link to <outside>, outside the folder: what is published must be in the repository.
			  Fix: replace the link with the file itself (copy it into the folder), or delete the link.",
			]
		`);
	});

	it('passes the published content, with the seed sealed', () => {
		const check = checkFolderOnDisk('content/tietosuojaseloste', { buildDate: TODAY });
		expect(check.problems).toEqual([]);
		expect(check.unsealed).toEqual([]);
		expect(Object.keys(check.sealed ?? {})).toContain('2018-03-11.mdx');
	});
});

describe('NOTICE_PUBLISHED_VERSIONS, the published versiot.json', () => {
	const versions = (revisions: unknown) => JSON.stringify({ current: '2026-03-01', revisions });

	it('is not read when unset', async () => {
		expect(await readPublishedVersions({}, scratch())).toBeUndefined();
	});

	it('lists each published revision with its fingerprint', async () => {
		const root = scratch();
		writeFileSync(
			join(root, 'versiot.json'),
			versions([{ published: '2026-03-01', sha256: sha256(REVISION), status: 'current' }]),
		);
		expect(await readPublishedVersions({ NOTICE_PUBLISHED_VERSIONS: 'versiot.json' }, root)).toEqual({
			name: 'versiot.json',
			files: [{ fileName: '2026-03-01.mdx', sha256: sha256(REVISION) }],
		});
	});

	/** What the build says of NOTICE_PUBLISHED_VERSIONS set to `source`, with versiot.json holding `text` (if any). */
	const readOf = async (source: string, text?: string) => {
		const root = scratch();
		if (text !== undefined) writeFileSync(join(root, 'versiot.json'), text);
		const read = await readPublishedVersions({ NOTICE_PUBLISHED_VERSIONS: source }, root);
		return read && 'problem' in read ? formatProblem(read.problem, 'content/tietosuojaseloste') : read;
	};

	it('refuses a file that does not exist', async () => {
		expect(await readOf('ei-ole.json')).toMatchInlineSnapshot(`
			"NOTICE_PUBLISHED_VERSIONS: is "ei-ole.json", which does not exist.
			  Fix: point NOTICE_PUBLISHED_VERSIONS at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy."
		`);
	});

	it('refuses a file that is not JSON', async () => {
		expect(await readOf('versiot.json', 'HTML <html>')).toMatchInlineSnapshot(`
			"NOTICE_PUBLISHED_VERSIONS: is "versiot.json", which is not JSON.
			  Fix: point NOTICE_PUBLISHED_VERSIONS at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy."
		`);
	});

	it('refuses JSON of another shape', async () => {
		expect(await readOf('versiot.json', versions([{ published: '2026-03-01' }]))).toMatchInlineSnapshot(`
			"NOTICE_PUBLISHED_VERSIONS: is "versiot.json", which is not a versiot.json as the site publishes it.
			  Fix: point NOTICE_PUBLISHED_VERSIONS at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy."
		`);
	});

	it('refuses a list that checks nothing', async () => {
		expect(await readOf('versiot.json', versions([]))).toMatchInlineSnapshot(`
			"NOTICE_PUBLISHED_VERSIONS: is "versiot.json", which is not a versiot.json as the site publishes it.
			  Fix: point NOTICE_PUBLISHED_VERSIONS at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy."
		`);
	});

	it('refuses an address that is not https', async () => {
		expect(await readOf('http://www.solinum.fi/tietosuojaseloste/versiot.json')).toMatchInlineSnapshot(`
			"NOTICE_PUBLISHED_VERSIONS: is "http://www.solinum.fi/tietosuojaseloste/versiot.json", which is neither a file path nor an https:// address.
			  Fix: point NOTICE_PUBLISHED_VERSIONS at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy."
		`);
	});

	it('refuses a revision entry without a real fingerprint, or a list without the revision in force', () => {
		expect(
			listPublishedRevisions({ current: '2026-03-01', revisions: [{ published: '2026-03-01', sha256: 'abc' }] }),
		).toBeUndefined();
		expect(
			listPublishedRevisions({
				current: '2026-04-01',
				revisions: [{ published: '2026-03-01', sha256: sha256(REVISION) }],
			}),
		).toBeUndefined();
		expect(
			listPublishedRevisions({
				current: '2026-03-01',
				revisions: [{ published: '2026-03-01', sha256: sha256(REVISION) }],
			}),
		).toEqual([{ fileName: '2026-03-01.mdx', sha256: sha256(REVISION) }]);
	});
});
