import { describe, expect, it } from 'vitest';
import { checkRevisionFile, checkRevisionFolder, type RevisionFile } from '../../src/lib/notice/check-node.ts';
import { formatProblem, sha256, type SealManifest } from '../../src/lib/record/seal-node.ts';

const FOLDER = 'content/tietosuojaseloste';
/** The day the tests build on: after every revision they write. */
const TODAY = '2026-12-02';
const file = (fileName: string, text: string | Uint8Array): RevisionFile => ({
	fileName,
	bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});
const frontmatter = (published: string, extra = '') =>
	`---\ntitle: Solinum Oy Tietosuojaseloste\npublished: ${published}\n${extra}---\n`;
const revision = (published: string, body: string, extra = ''): RevisionFile =>
	file(`${published}.mdx`, frontmatter(published, extra) + body);
const first = revision('2026-03-01', 'Ensimmäinen teksti.\n');
const second = revision('2026-04-01', 'Toinen teksti.\n', 'summary: "Muutettu tekstiä."\n');

/** A manifest sealing every file as it is: the state of a folder whose history is in order. */
const sealAll = (files: readonly RevisionFile[]): SealManifest =>
	Object.fromEntries(
		files
			.filter((each) => /^\d{4}-\d{2}-\d{2}\.mdx$/.test(each.fileName))
			.map((each) => [each.fileName, sha256(each.bytes)]),
	);

/** The messages an editor reads for a folder, exactly as the build prints them. */
const messagesFor = (files: RevisionFile[], sealed: SealManifest | null = sealAll(files), buildDate = TODAY) =>
	checkRevisionFolder(files, { sealed: sealed ?? undefined, buildDate }).problems.map((problem) =>
		formatProblem(problem, FOLDER),
	);

describe('the build refuses each kind of mistake with a message naming the file', () => {
	it('1. front matter missing', () => {
		expect(messagesFor([file('2026-03-01.mdx', 'Teksti.\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:1: the front matter is missing.
			  Fix: start the file with a block between two "---" lines holding title, published and summary.",
			]
		`);
	});

	it('1. front matter unparsable', () => {
		const files = [file('2026-03-01.mdx', '---\ntitle: [Solinum\npublished: 2026-03-01\n---\nTeksti.\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:3: the front matter is not valid YAML (missed comma between flow collection entries).
			  Fix: write each field on its own line as "field: value"; put quotes around a summary that contains a colon.",
			]
		`);
	});

	it('1. unknown field', () => {
		const files = [first, revision('2026-04-01', 'Toinen.\n', 'sumary: "Muutos."\nsummary: "Muutos."\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the front matter has an unknown field "sumary".
			  Fix: use only these fields: title, published, effective, summary. Check the spelling of "sumary".",
			]
		`);
	});

	it('2. published missing', () => {
		expect(messagesFor([file('2026-03-01.mdx', '---\ntitle: T\n---\nTeksti.\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: the front matter has no "published".
			  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-03-01",
			]
		`);
	});

	it('2. published not a real date', () => {
		expect(messagesFor([file('2026-02-28.mdx', `${frontmatter('2026-02-30')}Teksti.\n`)])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-02-28.mdx: "published" is "2026-02-30", which is not a real date.
			  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-02-28",
			]
		`);
	});

	it('2. published differs from the file name', () => {
		expect(messagesFor([file('2026-03-02.mdx', `${frontmatter('2026-03-01')}Teksti.\n`)])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-02.mdx: "published" is 2026-03-01 but the file is named 2026-03-02.mdx.
			  Fix: the publication date and the file name must be the same day: rename the file or correct the date.",
			]
		`);
	});

	it('2. file name not YYYY-MM-DD.mdx', () => {
		const files = [file('tietosuojaseloste-uusi.mdx', `${frontmatter('2026-03-01')}Teksti.\n`)];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/tietosuojaseloste-uusi.mdx: the file name is not a publication date.
			  Fix: name the file after the day it is published, as YYYY-MM-DD.mdx (for example 2026-03-01.mdx).",
			]
		`);
	});

	it('3. two revisions with the same date', () => {
		const files = [first, file('2026-03-02.mdx', `${frontmatter('2026-03-01', 'summary: "Kopio."\n')}Kopio.\n`)];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-02.mdx: "published" is 2026-03-01 but the file is named 2026-03-02.mdx.
			  Fix: the publication date and the file name must be the same day: rename the file or correct the date.",
			  "content/tietosuojaseloste/2026-03-02.mdx: "published" is 2026-03-01, the same day as 2026-03-01.mdx.
			  Fix: each day has at most one revision: set "published" to the date in this file's name, or merge the two files.",
			]
		`);
	});

	it('3. effective before published', () => {
		expect(messagesFor([revision('2026-03-01', 'Teksti.\n', 'effective: 2026-02-01\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: "effective" (2026-02-01) is before "published" (2026-03-01).
			  Fix: a revision cannot take effect before it is published: set effective to the publication date or later, or leave it out.",
			]
		`);
	});

	it('4. summary missing after the first revision', () => {
		expect(messagesFor([first, revision('2026-04-01', 'Toinen.\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the front matter has no "summary".
			  Fix: write a plain-language summary of what changed, in quotes: summary: "…"",
			]
		`);
	});

	it('4. summary empty', () => {
		expect(messagesFor([first, revision('2026-04-01', 'Toinen.\n', 'summary: "  "\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: "summary" is "  ", which must not be empty.
			  Fix: write a plain-language summary of what changed, in quotes: summary: "…"",
			]
		`);
	});

	it('5. empty body', () => {
		expect(messagesFor([revision('2026-03-01', '\n   \n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: the revision has no text.
			  Fix: write the notice below the front matter.",
			]
		`);
	});

	it('5. body identical to the previous revision', () => {
		const files = [first, revision('2026-04-01', 'Ensimmäinen teksti.\n', 'summary: "Ei muutosta."\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the text is identical to the previous revision, 2026-03-01.mdx.
			  Fix: a new revision must change the notice: edit its text, or delete the file if nothing changed.",
			]
		`);
	});

	it('6. MDX syntax error, pointing at the line', () => {
		expect(messagesFor([revision('2026-03-01', 'Eka kappale.\n\nToinen <b kappale.\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the text is not valid MDX: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`)
			  Fix: a revision is plain text with Markdown: write "<" and "{" as "\\<" and "\\{", and links as [text](https://…).",
			]
		`);
	});

	it('6. import, component and expression', () => {
		const files = [revision('2026-03-01', 'import X from "./x.js"\n\nTeksti.\n\n<Banner />\n\nSumma {1+1}.\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:5: the text contains an import or export, which a revision may not have.
			  Fix: a revision is plain text with Markdown (headings, lists, links): remove it, or escape "<" and "{" as "\\<" and "\\{".",
			  "content/tietosuojaseloste/2026-03-01.mdx:9: the text contains a component or HTML tag, which a revision may not have.
			  Fix: a revision is plain text with Markdown (headings, lists, links): remove it, or escape "<" and "{" as "\\<" and "\\{".",
			  "content/tietosuojaseloste/2026-03-01.mdx:11: the text contains a {…} expression, which a revision may not have.
			  Fix: a revision is plain text with Markdown (headings, lists, links): remove it, or escape "<" and "{" as "\\<" and "\\{".",
			]
		`);
	});

	it('6. an image, fetched from elsewhere for every reader', () => {
		const files = [revision('2026-03-01', 'Teksti.\n\n![pikseli](https://www.facebook.com/tr?id=1)\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the text contains an image, which a revision may not have.
			  Fix: a revision is text: remove the image (the "![…](…)"), or link to it as [text](https://…).",
			]
		`);
	});

	it('6. a link that runs code', () => {
		expect(messagesFor([revision('2026-03-01', 'Katso [tästä](javascript:alert(1)).\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:5: the link "javascript:alert(1)" is not a web or e-mail address.
			  Fix: links go to https://… or http://… addresses, mailto: e-mail addresses, or #sections of the notice.",
			]
		`);
	});

	it('6. a code block: a notice has no code, and highlighting would break the CSP', () => {
		expect(messagesFor([revision('2026-03-01', 'Teksti.\n\n```\nkoodi\n```\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the text contains a code block (a \`\`\` fence), which a revision may not have.
			  Fix: a notice has no code: remove the \`\`\` lines and write the text as a paragraph or a list.",
			]
		`);
	});

	it('6. a horizontal rule and a checkbox: shown, but no diff could show them change', () => {
		expect(messagesFor([revision('2026-03-01', 'Teksti.\n\n---\n\n- [x] Valmis\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the text contains a horizontal rule (---), which a revision may not have.
			  Fix: use headings (## ) to divide the notice and plain list items (- ) for lists.",
			  "content/tietosuojaseloste/2026-03-01.mdx:9: the text contains a checkbox list item ([ ] or [x]), which a revision may not have.
			  Fix: use headings (## ) to divide the notice and plain list items (- ) for lists.",
			]
		`);
	});

	it('6. a footnote, which the page would show as a link', () => {
		expect(messagesFor([revision('2026-03-01', 'Teksti[^1].\n\n[^1]: huomautus\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the link "huomautus" is not a web or e-mail address.
			  Fix: links go to https://… or http://… addresses, mailto: e-mail addresses, or #sections of the notice.",
			]
		`);
	});

	it('6. bytes that are not UTF-8, with the byte offset', () => {
		const bytes = Buffer.concat([
			Buffer.from(`${frontmatter('2026-03-01')}Hyv`),
			Buffer.from([0xe4]),
			Buffer.from(' teksti.\n'),
		]);
		expect(messagesFor([file('2026-03-01.mdx', bytes)])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:5: the file is not UTF-8 text: byte 69 (0xE4) is not part of any character.
			  Fix: save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8), then check the letters around that place.",
			]
		`);
	});

	it('6. an invisible character that turns text around', () => {
		const files = [revision('2026-03-01', 'Teksti.\n\nSäilytämme tietoja \u202Ekuusi\u202C vuotta.\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:7: the text contains the invisible character U+202E, which can make the text read differently from what it says.
			  Fix: delete it: a revision is plain text (your editor may show it as a box, a code, or nothing at all).",
			]
		`);
	});

	it('5. only whitespace changed: a reader would see no change', () => {
		const files = [first, revision('2026-04-01', 'Ensimmäinen  teksti.\n\n\n', 'summary: "Välilyönti."\n')];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the text differs from the previous revision, 2026-03-01.mdx, only in whitespace or in how its letters are encoded (Unicode normalization): a reader would see no change.
			  Fix: a new revision must change the notice: edit its text, or delete the file if nothing changed.",
			]
		`);
	});

	it('5. only the Unicode normalization changed (NFD instead of NFC)', () => {
		const files = [
			first,
			revision('2026-04-01', 'Ensimmäinen teksti.\n'.normalize('NFD'), 'summary: "Sama teksti."\n'),
		];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the text differs from the previous revision, 2026-03-01.mdx, only in whitespace or in how its letters are encoded (Unicode normalization): a reader would see no change.
			  Fix: a new revision must change the notice: edit its text, or delete the file if nothing changed.",
			]
		`);
	});

	it('3. effective dates out of publication order: a revision that would never take effect', () => {
		const files = [
			revision('2026-03-01', 'Eka.\n', 'effective: 2026-09-01\n'),
			revision('2026-04-01', 'Toka.\n', 'effective: 2026-07-01\nsummary: "Toka."\n'),
		];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: "effective" is 2026-07-01: this revision would take effect before 2026-03-01.mdx (effective 2026-09-01), which was published earlier, so 2026-03-01.mdx would never be in force as announced.
			  Fix: revisions take effect in the order they are published: give 2026-04-01.mdx an effective date after 2026-09-01.",
			]
		`);
	});

	it('3. two revisions taking effect the same day', () => {
		const files = [
			revision('2026-03-01', 'Eka.\n', 'effective: 2026-09-01\n'),
			revision('2026-04-01', 'Toka.\n', 'effective: 2026-09-01\nsummary: "Toka."\n'),
		];
		expect(messagesFor(files)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: "effective" is 2026-09-01: this revision would take effect on the same day as 2026-03-01.mdx (2026-09-01), which was published earlier, so 2026-03-01.mdx would never be in force as announced.
			  Fix: revisions take effect in the order they are published: give 2026-04-01.mdx an effective date after 2026-09-01.",
			]
		`);
	});

	it('8. a folder with no revisions', () => {
		expect(messagesFor([])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste: the folder holds no revisions.
			  Fix: add the notice as YYYY-MM-DD.mdx, or point NOTICE_CONTENT_DIR at a folder that has revisions.",
			]
		`);
	});
});

describe('7. sealed history', () => {
	const sealed = { [first.fileName]: sha256(first.bytes), [second.fileName]: sha256(second.bytes) };
	const edited = file(first.fileName, Buffer.from(first.bytes).toString('utf8').replace('teksti', 'teksti '));

	it('refuses a sealed revision whose bytes changed, naming both fingerprints', () => {
		expect(messagesFor([edited, second], sealed)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: 2026-03-01.mdx was published and cannot change (sealed SHA-256 5a8148772bac1e95b19405630f5f893068e6fe4b6292571980757b23ad454282, the file now 7ddd716efa733bf7ffbe854ea90c857a6cae767395fe1756b0a37d2741bd9945).
			  Fix: undo the edit (git checkout -- content/tietosuojaseloste/2026-03-01.mdx); to change it, make a new revision with npm run revision:new.",
			]
		`);
	});

	it('refuses a sealed revision that was removed', () => {
		expect(messagesFor([second], sealed)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: 2026-03-01.mdx was published and cannot be removed.
			  Fix: restore it from version control (git checkout -- content/tietosuojaseloste/2026-03-01.mdx); to change it, make a new revision with npm run revision:new.",
			]
		`);
	});

	it('refuses a folder without its manifest: deleting sealed.json does not switch sealing off', () => {
		expect(messagesFor([first], null)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/sealed.json: the seal manifest is missing, so nothing published would be protected.
			  Fix: restore it from version control (git checkout -- content/tietosuojaseloste/sealed.json).",
			  "content/tietosuojaseloste/2026-03-01.mdx: 2026-03-01.mdx was published on 2026-03-01, before the build date 2026-12-02, but is not sealed.
			  Fix: if this is the text that went online that day, seal it (npm run revision:seal -- 2026-03-01.mdx) and commit sealed.json with it; if it never went online, date it the day it will be published.",
			]
		`);
	});

	it('refuses a revision published before the build date that is not sealed (a line deleted from sealed.json)', () => {
		const result = checkRevisionFolder([first, second], {
			sealed: { [first.fileName]: sha256(first.bytes) },
			buildDate: TODAY,
		});
		expect(result.problems.map((problem) => [problem.file, problem.code])).toEqual([['2026-04-01.mdx', 'seal']]);
	});

	it('lets the revision published on the build date itself be unsealed, as the working copy', () => {
		const result = checkRevisionFolder([first, second], {
			sealed: { [first.fileName]: sha256(first.bytes) },
			buildDate: '2026-04-01',
		});
		expect(result.problems).toEqual([]);
		expect(result.unsealed).toEqual(['2026-04-01.mdx']);
		expect(result.scheduled).toEqual([]);
	});

	it('schedules a revision published after the build date, sealed or not', () => {
		const result = checkRevisionFolder([first, second], {
			sealed: { [first.fileName]: sha256(first.bytes) },
			buildDate: '2026-03-15',
		});
		expect(result.problems).toEqual([]);
		expect(result.unsealed).toEqual([]);
		expect(result.scheduled.map((revision) => revision.fileName)).toEqual(['2026-04-01.mdx']);
		expect(result.revisions).toHaveLength(2);
	});

	it('treats a line-ending change as a change, and says the checkout converted it', () => {
		const crlf = file(first.fileName, Buffer.from(first.bytes).toString('utf8').replace(/\n/g, '\r\n'));
		expect(messagesFor([crlf, second], sealed)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: 2026-03-01.mdx was published with LF line endings, and this copy has CRLF: its SHA-256 no longer matches the seal.
			  Fix: your Git converted the line endings (core.autocrlf): restore the file as committed with git checkout -- content/tietosuojaseloste/2026-03-01.mdx; the repository's .gitattributes keeps it byte for byte from then on.",
			]
		`);
	});

	it('fingerprints bytes, not decoded text: a changed invalid byte breaks the seal too', () => {
		const bad = (byte: number) =>
			file(
				'2026-03-01.mdx',
				Buffer.concat([Buffer.from(`${frontmatter('2026-03-01')}A`), Buffer.from([byte]), Buffer.from('\n')]),
			);
		const result = checkRevisionFolder([bad(0xfe)], {
			sealed: { '2026-03-01.mdx': sha256(bad(0xff).bytes) },
			buildDate: TODAY,
		});
		expect(result.problems.map((problem) => problem.message)).toMatchInlineSnapshot(`
			[
			  "the file is not UTF-8 text: byte 67 (0xFE) is not part of any character.",
			  "2026-03-01.mdx was published and cannot change (sealed SHA-256 eb91eb9f41e5efccbca9e59be4c0e4d3bba672db6de1cc1fffcd172e30a8b553, the file now dd70e4766bede54e94607b2c02b3908bbb79d0ebc4a075403ec63158ec789119).",
			]
		`);
	});

	it('gives the same fingerprint as sha256sum: SHA-256 of the bytes, BOM included', () => {
		const withBom = file('2026-03-01.mdx', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(first.bytes)]));
		const result = checkRevisionFolder([withBom], { sealed: {}, buildDate: '2026-03-01' });
		expect(result.problems).toEqual([]);
		expect(result.revisions[0]?.sha256).toBe(sha256(withBom.bytes));
		expect(result.revisions[0]?.sha256).not.toBe(sha256(first.bytes));
	});
});

describe('seals of a folder with nothing published yet, and of scheduled revisions', () => {
	it('lets the seal command start the manifest of a new folder, and only then', () => {
		const fresh = checkRevisionFolder([first], { sealed: undefined, buildDate: '2026-03-01' });
		expect(fresh.problems.map((problem) => [problem.message, problem.hint, problem.code])).toMatchInlineSnapshot(`
			[
			  [
			    "the seal manifest is missing, so nothing published would be protected.",
			    "create it: npm run revision:seal.",
			    "seal",
			  ],
			]
		`);
		const published = checkRevisionFolder([first], { sealed: undefined, buildDate: TODAY });
		expect(published.problems.find((problem) => problem.file === 'sealed.json')?.code).toBeUndefined();
	});

	it('says a sealed revision not yet online may be resealed, rather than that it was published', () => {
		const draft = revision('2026-12-20', 'Luonnos.\n', 'summary: "Tuleva."\n');
		const edited = revision('2026-12-20', 'Luonnos, korjattu.\n', 'summary: "Tuleva."\n');
		const sealed = { ...sealAll([first]), [draft.fileName]: sha256(draft.bytes) };
		expect(messagesFor([first, edited], sealed)).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-12-20.mdx: 2026-12-20.mdx was sealed for 2026-12-20 and has changed since (sealed SHA-256 bb4067cf75bc4172d9333830fc83ab3f8d0568c5d92f0d66ed664ea8e7161f30, the file now dba324777fe481cb37354fbace8cdda2006a9ec1f5aacbe4be062a29f488452a).
			  Fix: it is not online yet: undo the edit (git checkout -- content/tietosuojaseloste/2026-12-20.mdx), or remove its line from sealed.json and seal it again (npm run revision:seal -- 2026-12-20.mdx).",
			]
		`);
	});
});

describe('only a change a reader sees is a revision', () => {
	const next = (body: string) => revision('2026-04-01', body, 'summary: "Muutos."\n');
	const base = revision('2026-03-01', 'Ensimmäinen kappale, jossa on sana tieto ja toinen lause.\n');

	it.each([
		['lines wrapped anew', 'Ensimmäinen kappale, jossa on\nsana tieto ja toinen lause.\n'],
		['a zero-width space', 'Ensimmäinen kappale, jossa on sana tie\u200Bto ja toinen lause.\n'],
		['a soft hyphen', 'Ensimmäinen kappale, jossa on sana tie\u00ADto ja toinen lause.\n'],
		['a character written as an entity', 'Ensimmäinen kappale, jossa on sana t&#105;eto ja toinen lause.\n'],
		['trailing and doubled spaces', 'Ensimmäinen kappale,  jossa on sana tieto ja toinen lause. \n'],
	])('refuses %s', (_, body) => {
		// One snapshot for every case: each gets the same message.
		expect(messagesFor([base, next(body)])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx: the text differs from the previous revision, 2026-03-01.mdx, only in whitespace or in how its letters are encoded (Unicode normalization): a reader would see no change.
			  Fix: a new revision must change the notice: edit its text, or delete the file if nothing changed.",
			]
		`);
	});

	it.each([
		['a paragraph split in two', 'Ensimmäinen kappale, jossa on sana tieto\n\nja toinen lause.\n'],
		['a forced line break', 'Ensimmäinen kappale, jossa on sana tieto\\\nja toinen lause.\n'],
		['emphasis', 'Ensimmäinen kappale, jossa on sana *tieto* ja toinen lause.\n'],
		['a link around words', 'Ensimmäinen kappale, jossa on sana [tieto](https://www.solinum.fi/) ja toinen lause.\n'],
	])('accepts %s', (_, body) => {
		expect(messagesFor([base, next(body)])).toEqual([]);
	});

	it('accepts a change of a link address alone', () => {
		const linked = revision('2026-03-01', 'Lue [ehdot](https://www.solinum.fi/a).\n');
		expect(messagesFor([linked, next('Lue [ehdot](https://www.solinum.fi/b).\n')])).toEqual([]);
	});
});

describe('invisible characters and links that lead elsewhere', () => {
	it('refuses an invisible character written as a YAML escape in the front matter', () => {
		const sneaky = revision('2026-03-01', 'Teksti.\n', 'summary: "Uusi \\u202Eesolets\\u202C."\n');
		expect(messagesFor([sneaky])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: "summary" contains the invisible character U+202E, which can make the text read differently from what it says.
			  Fix: write "summary" as plain text, without escapes such as "\\u202E".",
			]
		`);
	});

	it('refuses a link browsers would take to another host', () => {
		expect(messagesFor([revision('2026-03-01', 'Katso [tästä](/\\evil.example).\n')])).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx:5: the link "/\\evil.example" is not a web or e-mail address.
			  Fix: links go to https://… or http://… addresses, mailto: e-mail addresses, or #sections of the notice.",
			]
		`);
	});
});

describe('the published site is the witness', () => {
	const witness = (files: RevisionFile[]) => ({
		name: 'https://www.solinum.fi/tietosuojaseloste/versiot.json',
		files: files.map((each) => ({ fileName: each.fileName, sha256: sha256(each.bytes) })),
	});
	const edited = revision('2026-03-01', 'Ensimmäinen, muutettu teksti.\n');

	it('refuses a published revision edited and then re-sealed, naming both fingerprints', () => {
		const result = checkRevisionFolder([edited, second], {
			sealed: sealAll([edited, second]),
			buildDate: TODAY,
			witness: witness([first]),
		});
		expect(result.problems.map((problem) => formatProblem(problem, FOLDER))).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-03-01.mdx: 2026-03-01.mdx differs from what was published: https://www.solinum.fi/tietosuojaseloste/versiot.json gives SHA-256 5a8148772bac1e95b19405630f5f893068e6fe4b6292571980757b23ad454282, the file has 8961a46049d91ecbe48807f64d58a5c72049ae0d62025358f06e5009bda2aea8.
			  Fix: restore the published text (download it from its sourceUrl in https://www.solinum.fi/tietosuojaseloste/versiot.json, or git checkout the commit that was deployed) and restore its seal; to change it, make a new revision with npm run revision:new.",
			]
		`);
	});

	it('refuses a published revision removed together with its seal', () => {
		const result = checkRevisionFolder([second], {
			sealed: sealAll([second]),
			buildDate: TODAY,
			witness: witness([first, second]),
		});
		expect(result.problems.map((problem) => problem.message)).toMatchInlineSnapshot(`
			[
			  "2026-03-01.mdx is published (https://www.solinum.fi/tietosuojaseloste/versiot.json) but is missing from the folder.",
			]
		`);
	});

	it('passes revisions the site has not published yet', () => {
		const result = checkRevisionFolder([first, second], {
			sealed: sealAll([first, second]),
			buildDate: TODAY,
			witness: witness([first]),
		});
		expect(result.problems).toEqual([]);
	});
});

describe('warnings', () => {
	it('warns, naming the line, when the text states a date other than its publication date', () => {
		const copied = revision(
			'2026-04-01',
			'Teksti.\n\nTämä tietosuojaseloste on viimeksi päivitetty 1.3.2026.\n',
			'summary: "Muutos."\n',
		);
		const result = checkRevisionFolder([first, copied], { sealed: sealAll([first, copied]), buildDate: TODAY });
		expect(result.problems).toEqual([]);
		expect(result.warnings.map((warning) => formatProblem(warning, FOLDER))).toMatchInlineSnapshot(`
			[
			  "content/tietosuojaseloste/2026-04-01.mdx:8: the text says "päivitetty 1.3.2026", but the revision is published on 1.4.2026.
			  Fix: write the publication date in the text (1.4.2026), or take the date out: the page shows the publication date itself.",
			]
		`);
	});

	const warningsFor = (sentence: string) => {
		const copied = revision('2026-04-01', `${sentence}\n`, 'summary: "Muutos."\n');
		const result = checkRevisionFolder([first, copied], { sealed: sealAll([first, copied]), buildDate: TODAY });
		return result.warnings.map((warning) => warning.message);
	};

	it('reads the date in "Päivitetty: 1.3.2026." too', () => {
		expect(warningsFor('Päivitetty: 1.3.2026.')).toMatchInlineSnapshot(`
			[
			  "the text says "Päivitetty: 1.3.2026", but the revision is published on 1.4.2026.",
			]
		`);
	});

	it('reads the date in "Tämä seloste on muutettu viimeksi 1. maaliskuuta 2026." too', () => {
		expect(warningsFor('Tämä seloste on muutettu viimeksi 1. maaliskuuta 2026.')).toMatchInlineSnapshot(`
			[
			  "the text says "muutettu viimeksi 1. maaliskuuta 2026", but the revision is published on 1.4.2026.",
			]
		`);
	});

	it('says nothing when the stated date is the publication date', () => {
		const dated = revision('2026-03-01', 'Tämä tietosuojaseloste on viimeksi päivitetty 1.3.2026.\n');
		expect(checkRevisionFolder([dated], { sealed: sealAll([dated]), buildDate: TODAY }).warnings).toEqual([]);
	});
});

describe('a well-formed history', () => {
	it('passes and comes back oldest first with effective dates filled in', () => {
		const upcoming = revision('2026-05-01', 'Kolmas teksti.\n', 'effective: 2026-06-01\nsummary: "Tulossa."\n');
		const files = [upcoming, second, first];
		const result = checkRevisionFolder(files, { sealed: sealAll(files), buildDate: TODAY });
		expect(result.problems).toEqual([]);
		expect(result.revisions.map(({ published, effective }) => [published, effective])).toEqual([
			['2026-03-01', '2026-03-01'],
			['2026-04-01', '2026-04-01'],
			['2026-05-01', '2026-06-01'],
		]);
	});

	it('accepts the first revision without a summary', () => {
		expect(checkRevisionFile(first).ok).toBe(true);
	});

	it('escaped < and { are text, not code', () => {
		expect(checkRevisionFile(revision('2026-03-01', 'Ikä \\< 18 ja \\{huom\\}.\n')).ok).toBe(true);
	});

	it('accepts a GFM table, as a notice lists retention periods', () => {
		expect(
			checkRevisionFile(revision('2026-03-01', '| Tieto | Säilytysaika |\n| --- | --- |\n| Hakemus | 2 vuotta |\n')).ok,
		).toBe(true);
	});

	it('accepts a change of the title alone: the reader sees it as the heading', () => {
		const retitled = file(
			'2026-04-01.mdx',
			`${frontmatter('2026-04-01', 'summary: "Uusi otsikko."\n').replace('Solinum Oy Tietosuojaseloste', 'Solinum Oy:n tietosuojaseloste')}Ensimmäinen teksti.\n`,
		);
		expect(messagesFor([first, retitled])).toEqual([]);
	});
});
