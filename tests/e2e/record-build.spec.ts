// The real build, run as an editor or an attacker would run it: a revision scheduled for a later
// day, a published revision edited and re-sealed, effective dates out of order, a build
// interrupted while it writes pages, an output folder that is part of the sources.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures.ts';
import { buildSite, startBuild } from '../support/build-sites.ts';
import { builtFiles } from '../support/built-site.ts';
import { sha256 } from '../../src/lib/record/seal-node.ts';

const THREE = 'tests/fixtures/three-revisions';
const BUILD_DATE = '2026-11-25';
const SCHEDULED_TEXT = 'Ajastettuvirkesalasana';
const TLS = 'tests/fixtures/tls';

/** A scratch copy of the three-revision fixture, to change as the test needs. */
function copyOfThree(): string {
	const folder = join(mkdtempSync(join(tmpdir(), 'record-')), 'tietosuojaseloste');
	cpSync(THREE, folder, { recursive: true });
	return folder;
}

/** Adds a revision after the fixture's last one, published on `published`. */
function addRevision(folder: string, published: string, extra: string, text: string): string {
	const last = readFileSync(join(folder, '2024-02-15.mdx'), 'utf8').split('\n---\n')[1] ?? '';
	const fileName = `${published}.mdx`;
	writeFileSync(
		join(folder, fileName),
		`---\ntitle: Solinum Oy Tietosuojaseloste\npublished: ${published}\n${extra}summary: "Ajastettu muutos."\n---\n${last}\n${text}\n`,
	);
	return fileName;
}

/** Every file of a built site as text, Pagefind's compressed index included. */
function everyText(dir: string): string {
	return builtFiles(dir)
		.map((file) => {
			const bytes = readFileSync(join(dir, file));
			return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
		})
		.join('\n');
}

const scratchOut = () => join(mkdtempSync(join(tmpdir(), 'record-out-')), 'dist');
/** What a build left beside its output folder, its content cache aside. */
const leftBeside = (outDir: string) => readdirSync(dirname(outDir)).filter((name) => !name.endsWith('.cache'));

test.describe.configure({ mode: 'serial' });

test('a revision published after the build date is not online anywhere until its day comes', () => {
	test.setTimeout(180_000);
	const folder = copyOfThree();
	const fileName = addRevision(folder, '2027-01-01', 'effective: 2027-02-01\n', `Tämä kappale on ${SCHEDULED_TEXT}.`);
	const before = scratchOut();
	const early = buildSite({ contentDir: folder, buildDate: BUILD_DATE }, before);
	expect(early.status, early.output).toBe(0);
	expect(early.output).toContain(
		`Scheduled: ${fileName} goes online with the first build on or after 1.1.2027 (2027-01-01); nothing of it is published now.`,
	);
	// The copied text still states its predecessor's date: a warning naming the line.
	expect(early.output).toMatch(
		new RegExp(
			`${fileName}:\\d+: the text says "päivitetty 15\\.2\\.2024", but the revision is published on 1\\.1\\.2027\\.`,
		),
	);
	expect(existsSync(join(before, 'tietosuojaseloste/2027-01-01'))).toBe(false);
	// Not in any page, feed, sitemap, versiot.json, search index or change log, nor announced.
	const everything = everyText(before);
	expect(everything).not.toContain(SCHEDULED_TEXT);
	expect(everything).not.toContain('2027-01-01');
	expect(everything).not.toContain('1.1.2027');
	expect(everything).not.toContain('1.2.2027');

	// On its day it is published, announced, and may still be the editor's unsealed working copy.
	const onTheDay = scratchOut();
	const due = buildSite({ contentDir: folder, buildDate: '2027-01-01' }, onTheDay);
	expect(due.status, due.output).toBe(0);
	expect(due.output).toContain(`Not sealed yet: ${fileName}, published today.`);
	expect(readFileSync(join(onTheDay, 'tietosuojaseloste/2027-01-01/index.html'), 'utf8')).toContain(SCHEDULED_TEXT);
	expect(readFileSync(join(onTheDay, 'tietosuojaseloste/index.html'), 'utf8')).toContain('Tietosuojaseloste muuttuu');
	const versions = JSON.parse(readFileSync(join(onTheDay, 'tietosuojaseloste/versiot.json'), 'utf8')) as {
		revisions: { published: string; sha256: string }[];
	};
	expect(versions.revisions.at(-1)).toMatchObject({
		published: '2027-01-01',
		sha256: sha256(readFileSync(join(folder, fileName))),
	});
	rmSync(before, { recursive: true, force: true });
	rmSync(onTheDay, { recursive: true, force: true });
});

test.describe('the published versiot.json is the witness', () => {
	/** The fixture's published list, as the live site serves it. */
	const publishedVersions = () => {
		const out = scratchOut();
		const result = buildSite({ contentDir: THREE, buildDate: BUILD_DATE }, out);
		expect(result.status, result.output).toBe(0);
		// A build with nothing to say says nothing: no warning that would drown a real one.
		expect(result.output).not.toMatch(/\[WARN\]|warning/i);
		const text = readFileSync(join(out, 'tietosuojaseloste/versiot.json'), 'utf8');
		rmSync(out, { recursive: true, force: true });
		return text;
	};
	let versions = '';
	test.beforeAll(() => {
		test.setTimeout(120_000);
		versions = publishedVersions();
	});

	/** The fixture with 2018-03-11 edited and its seal rewritten to match: the attack sealing alone misses. */
	function editedAndResealed(): { folder: string; was: string; now: string } {
		const folder = copyOfThree();
		const path = join(folder, '2018-03-11.mdx');
		const was = sha256(readFileSync(path));
		writeFileSync(path, readFileSync(path, 'utf8').replace('vakavasti', 'melko vakavasti'));
		const now = sha256(readFileSync(path));
		const seals = JSON.parse(readFileSync(join(folder, 'sealed.json'), 'utf8')) as Record<string, string>;
		writeFileSync(join(folder, 'sealed.json'), JSON.stringify({ ...seals, '2018-03-11.mdx': now }, null, '\t'));
		return { folder, was, now };
	}

	test('a published revision edited and re-sealed is refused against a saved versiot.json', () => {
		const { folder, was, now } = editedAndResealed();
		const witness = join(dirname(folder), 'versiot.json');
		writeFileSync(witness, versions);
		const out = scratchOut();
		const result = buildSite({ contentDir: folder, buildDate: BUILD_DATE }, out, {
			NOTICE_PUBLISHED_VERSIONS: witness,
		});
		expect(result.status).toBe(1);
		expect(result.output).toContain(
			`${folder}/2018-03-11.mdx: 2018-03-11.mdx differs from what was published: ${witness} gives SHA-256 ${was}, the file has ${now}.`,
		);
		expect(result.output).toContain('Nothing was published.');
		expect(existsSync(out)).toBe(false);
	});

	test('read from an https address: refused on a mismatch, refused when it cannot be read', async () => {
		const { folder, was, now } = editedAndResealed();
		const served = join(dirname(folder), 'served.json');
		writeFileSync(served, versions);
		// The site stands in a process of its own: the builds below block this one.
		const server = spawn(process.execPath, ['--input-type=module', '-e', HTTPS_SERVER, served, TLS], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		try {
			const port = await new Promise<string>((listening, failed) => {
				server.stdout.once('data', (chunk: Buffer) => listening(chunk.toString().trim()));
				server.once('exit', (code) => failed(new Error(`the https server stopped (${code})`)));
			});
			const origin = `https://127.0.0.1:${port}`;
			// The test's own certificate authority: the build trusts it as it trusts the site's real one.
			const tls = { NODE_EXTRA_CA_CERTS: join(process.cwd(), TLS, 'localhost-cert.pem') };
			const url = `${origin}/tietosuojaseloste/versiot.json`;
			const mismatch = buildSite({ contentDir: folder, buildDate: BUILD_DATE }, scratchOut(), {
				...tls,
				NOTICE_PUBLISHED_VERSIONS: url,
			});
			expect(mismatch.status).toBe(1);
			expect(mismatch.output).toContain(
				`2018-03-11.mdx differs from what was published: ${url} gives SHA-256 ${was}, the file has ${now}.`,
			);

			const missing = `${origin}/ei-ole.json`;
			const unreadable = buildSite({ contentDir: THREE, buildDate: BUILD_DATE }, scratchOut(), {
				...tls,
				NOTICE_PUBLISHED_VERSIONS: missing,
			});
			expect(unreadable.status).toBe(1);
			expect(unreadable.output).toContain(
				`NOTICE_PUBLISHED_VERSIONS: is "${missing}", which could not be read: the server answered 404 Not Found.`,
			);
		} finally {
			server.kill();
		}
	});
});

/** An https server for one file at /tietosuojaseloste/versiot.json; prints its port. */
const HTTPS_SERVER = `
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
const [file, tls] = process.argv.slice(1);
const server = createServer({ key: readFileSync(tls + '/localhost-key.pem'), cert: readFileSync(tls + '/localhost-cert.pem') }, (request, response) => {
	if (request.url === '/tietosuojaseloste/versiot.json') response.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(file));
	else response.writeHead(404).end('Not found');
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

test('a build publishes what its own check read, whatever a content cache left from an earlier build', () => {
	test.setTimeout(180_000);
	const outDir = scratchOut();
	const first = buildSite({ contentDir: THREE, buildDate: BUILD_DATE }, outDir);
	expect(first.status, first.output).toBe(0);
	// A cache that no longer matches the files or the code: stored blocks and pages that say otherwise.
	const store = `${outDir}.cache/data-store.json`;
	const stored = readFileSync(store, 'utf8');
	expect(stored).toContain('rekisterinpitäjänä');
	writeFileSync(store, stored.replaceAll('rekisterinpitäjänä', 'Vanhentunutvälimuisti'));
	const second = buildSite({ contentDir: THREE, buildDate: BUILD_DATE }, outDir);
	expect(second.status, second.output).toBe(0);
	const published = everyText(outDir);
	expect(published).toContain('rekisterinpitäjänä');
	expect(published).not.toContain('Vanhentunutvälimuisti');
});

test('effective dates out of publication order are refused by the build, naming both files', () => {
	const folder = copyOfThree();
	addRevision(folder, '2026-03-01', 'effective: 2026-09-01\n', 'Ensimmäinen uusi kappale.');
	const later = join(folder, '2026-04-01.mdx');
	writeFileSync(
		later,
		readFileSync(join(folder, '2026-03-01.mdx'), 'utf8')
			.replace('published: 2026-03-01\neffective: 2026-09-01', 'published: 2026-04-01\neffective: 2026-07-01')
			.concat('\nToinen uusi kappale.\n'),
	);
	const result = buildSite({ contentDir: folder, buildDate: '2026-02-01' }, scratchOut());
	expect(result.status).toBe(1);
	expect(result.output).toContain(
		`${folder}/2026-04-01.mdx: "effective" is 2026-07-01: this revision would take effect before 2026-03-01.mdx (effective 2026-09-01), which was published earlier, so 2026-03-01.mdx would never be in force as announced.`,
	);
});

test.describe('a build is all or nothing', () => {
	/** Starts a build and resolves when it has written pages into its hidden folder. */
	async function buildUntilPagesAreWritten(outDir: string): Promise<ChildProcess> {
		const build = startBuild({ contentDir: THREE, buildDate: BUILD_DATE }, outDir);
		const parent = dirname(outDir);
		await expect
			.poll(
				() => {
					const staging = readdirSync(parent).find((name) => name.startsWith('.dist.partial-'));
					return (
						staging !== undefined && existsSync(join(parent, staging, 'tietosuojaseloste', '2018-03-11', 'index.html'))
					);
				},
				{ timeout: 90_000, intervals: [20] },
			)
			.toBe(true);
		return build;
	}
	const exited = (child: ChildProcess) => new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		test(`${signal} while pages are being written leaves no site and no partial folder`, async () => {
			test.setTimeout(120_000);
			const outDir = scratchOut();
			// An earlier build is there, and must not pass for this one.
			mkdirSync(join(outDir, 'tietosuojaseloste'), { recursive: true });
			writeFileSync(join(outDir, 'tietosuojaseloste', 'versiot.json'), '{}');
			const build = await buildUntilPagesAreWritten(outDir);
			const exit = exited(build);
			process.kill(-(build.pid ?? 0), signal);
			expect(await exit).toBe(signal === 'SIGINT' ? 130 : 143);
			expect(leftBeside(outDir)).toEqual([]);
		});
	}

	test('SIGKILL of the whole build leaves no site; the next build clears what it left and publishes whole', async () => {
		test.setTimeout(180_000);
		const outDir = scratchOut();
		const build = await buildUntilPagesAreWritten(outDir);
		const exit = exited(build);
		process.kill(-(build.pid ?? 0), 'SIGKILL');
		await exit;
		expect(existsSync(outDir)).toBe(false);
		const result = buildSite({ contentDir: THREE, buildDate: BUILD_DATE }, outDir);
		expect(result.status, result.output).toBe(0);
		expect(leftBeside(outDir)).toEqual(['dist']);
		expect(existsSync(join(outDir, 'tietosuojaseloste', 'versiot.json'))).toBe(true);
	});

	test('a revision saved while the site is being built: refused, nothing published', async () => {
		test.setTimeout(120_000);
		const folder = copyOfThree();
		const fileName = addRevision(folder, BUILD_DATE, '', 'Ensimmäinen luonnos.');
		const outDir = scratchOut();
		const build = startBuild({ contentDir: folder, buildDate: BUILD_DATE }, outDir);
		let output = '';
		build.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		build.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exit = exited(build);
		// Astro makes its folder once the check has passed: save the revision after that.
		await expect
			.poll(() => readdirSync(dirname(outDir)).some((name) => name.startsWith('.dist.partial-')), {
				timeout: 90_000,
				intervals: [20],
			})
			.toBe(true);
		writeFileSync(
			join(folder, fileName),
			readFileSync(join(folder, fileName), 'utf8').replace('Ensimmäinen luonnos.', 'Toinen luonnos.'),
		);
		expect(await exit).toBe(1);
		// Caught where the source file is published, or, saved later, by the check after the build.
		expect(output).toMatch(new RegExp(`${fileName}:? changed while the site was being built`));
		expect(output).toContain('nothing was published');
		expect(leftBeside(outDir)).toEqual([]);
	});

	test.describe('--outDir refuses a folder it would destroy', () => {
		for (const [outDir, reason] of [
			['.', "part of the project's source tree"],
			['src', "part of the project's source tree"],
			['content/tietosuojaseloste', "part of the project's source tree"],
			['tests/fixtures', "part of the project's source tree"],
			['..', "part of the project's source tree"],
		] as const) {
			test(`--outDir ${outDir}`, () => {
				const before = existsSync(outDir) ? readdirSync(outDir).sort() : [];
				const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', outDir], { encoding: 'utf8' });
				expect(result.status).toBe(1);
				expect(result.stderr).toContain(
					`--outDir ${outDir}: that folder is ${reason}, and the build replaces its output folder whole.`,
				);
				expect(readdirSync(outDir).sort()).toEqual(before);
			});
		}

		for (const args of [['--outDir', 'a', '--outDir', 'b'], ['--out-dir', 'x'], ['--outdir=x']]) {
			test(`${args.join(' ')}: an output flag it does not guard is refused with the usage`, () => {
				const result = spawnSync(process.execPath, ['src/cli/build.ts', ...args], { encoding: 'utf8' });
				expect(result.status).toBe(2);
				expect(result.stderr).toContain('Usage: npm run build [-- --outDir DIR] [--verbose]');
				expect(existsSync('x') || existsSync('a') || existsSync('b')).toBe(false);
			});
		}

		test('a folder holding files that are no build of this site', () => {
			const outDir = join(mkdtempSync(join(tmpdir(), 'not-a-site-')), 'documents');
			mkdirSync(outDir);
			writeFileSync(join(outDir, 'important.txt'), 'keep me');
			const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', outDir], { encoding: 'utf8' });
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('that folder holds files that are not a build of this site');
			expect(readFileSync(join(outDir, 'important.txt'), 'utf8')).toBe('keep me');
		});
	});
});
