import { describe, expect, it } from 'vitest';
import {
	checkRevisionFile,
	checkRevisionFolder,
	formatProblem,
	sha256,
	type RevisionFile,
	type SealManifest,
} from '../../src/lib/revision-check.ts';

const FOLDER = 'content/tietosuojaseloste';
const frontmatter = (published: string, extra = '') =>
	`---\ntitle: Solinum Oy Tietosuojaseloste\npublished: ${published}\n${extra}---\n`;
const revision = (published: string, body: string, extra = ''): RevisionFile => ({
	fileName: `${published}.mdx`,
	source: frontmatter(published, extra) + body,
});
const first = revision('2026-03-01', 'Ensimmäinen teksti.\n');
const second = revision('2026-04-01', 'Toinen teksti.\n', 'summary: "Muutettu tekstiä."\n');

/** The messages an editor reads for a folder, exactly as the build prints them. */
const messagesFor = (files: RevisionFile[], sealed?: SealManifest) =>
	checkRevisionFolder(files, sealed).problems.map((problem) => formatProblem(problem, FOLDER));

describe('the build refuses each kind of mistake with a message naming the file', () => {
	it.each<[string, RevisionFile[], string[]]>([
		[
			'1. front matter missing',
			[{ fileName: '2026-03-01.mdx', source: 'Teksti.\n' }],
			[`${FOLDER}/2026-03-01.mdx:1: the front matter is missing.\n  Fix: start the file with a block between two "---" lines holding title, published and summary.`],
		],
		[
			'1. front matter unparsable',
			[{ fileName: '2026-03-01.mdx', source: '---\ntitle: [Solinum\npublished: 2026-03-01\n---\nTeksti.\n' }],
			[`${FOLDER}/2026-03-01.mdx:3: the front matter is not valid YAML (missed comma between flow collection entries).\n  Fix: write each field on its own line as "field: value"; put quotes around a summary that contains a colon.`],
		],
		[
			'1. unknown field',
			[first, revision('2026-04-01', 'Toinen.\n', 'sumary: "Muutos."\nsummary: "Muutos."\n')],
			[`${FOLDER}/2026-04-01.mdx: the front matter has an unknown field "sumary".\n  Fix: use only these fields: title, published, effective, summary. Check the spelling of "sumary".`],
		],
		[
			'2. published missing',
			[{ fileName: '2026-03-01.mdx', source: '---\ntitle: T\n---\nTeksti.\n' }],
			[`${FOLDER}/2026-03-01.mdx: the front matter has no "published".\n  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-03-01`],
		],
		[
			'2. published not a real date',
			[{ fileName: '2026-02-28.mdx', source: `${frontmatter('2026-02-30')}Teksti.\n` }],
			[`${FOLDER}/2026-02-28.mdx: "published" is "2026-02-30", which is not a real date.\n  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-02-28`],
		],
		[
			'2. published differs from the file name',
			[{ fileName: '2026-03-02.mdx', source: `${frontmatter('2026-03-01')}Teksti.\n` }],
			[`${FOLDER}/2026-03-02.mdx: "published" is 2026-03-01 but the file is named 2026-03-02.mdx.\n  Fix: the publication date and the file name must be the same day: rename the file or correct the date.`],
		],
		[
			'2. file name not YYYY-MM-DD.mdx',
			[{ fileName: 'tietosuojaseloste-uusi.mdx', source: `${frontmatter('2026-03-01')}Teksti.\n` }],
			[`${FOLDER}/tietosuojaseloste-uusi.mdx: the file name is not a publication date.\n  Fix: name the file after the day it is published, as YYYY-MM-DD.mdx (for example 2026-03-01.mdx).`],
		],
		[
			'3. two revisions with the same date',
			[first, { fileName: '2026-03-02.mdx', source: `${frontmatter('2026-03-01', 'summary: "Kopio."\n')}Kopio.\n` }],
			[
				`${FOLDER}/2026-03-02.mdx: "published" is 2026-03-01 but the file is named 2026-03-02.mdx.\n  Fix: the publication date and the file name must be the same day: rename the file or correct the date.`,
				`${FOLDER}/2026-03-02.mdx: "published" is 2026-03-01, the same day as 2026-03-01.mdx.\n  Fix: each day has at most one revision: set "published" to the date in this file's name, or merge the two files.`,
			],
		],
		[
			'3. effective before published',
			[revision('2026-03-01', 'Teksti.\n', 'effective: 2026-02-01\n')],
			[`${FOLDER}/2026-03-01.mdx: "effective" (2026-02-01) is before "published" (2026-03-01).\n  Fix: a revision cannot take effect before it is published: set effective to the publication date or later, or leave it out.`],
		],
		[
			'4. summary missing after the first revision',
			[first, revision('2026-04-01', 'Toinen.\n')],
			[`${FOLDER}/2026-04-01.mdx: the front matter has no "summary".\n  Fix: write a plain-language summary of what changed, in quotes: summary: "…"`],
		],
		[
			'4. summary empty',
			[first, revision('2026-04-01', 'Toinen.\n', 'summary: "  "\n')],
			[`${FOLDER}/2026-04-01.mdx: "summary" is "  ", which must not be empty.\n  Fix: write a plain-language summary of what changed, in quotes: summary: "…"`],
		],
		[
			'5. empty body',
			[revision('2026-03-01', '\n   \n')],
			[`${FOLDER}/2026-03-01.mdx: the revision has no text.\n  Fix: write the notice below the front matter.`],
		],
		[
			'5. body identical to the previous revision',
			[first, revision('2026-04-01', 'Ensimmäinen teksti.\n', 'summary: "Ei muutosta."\n')],
			[`${FOLDER}/2026-04-01.mdx: the text is identical to the previous revision, 2026-03-01.mdx.\n  Fix: a new revision must change the notice: edit its text, or delete the file if nothing changed.`],
		],
		[
			'6. MDX syntax error, pointing at the line',
			[revision('2026-03-01', 'Eka kappale.\n\nToinen <b kappale.\n')],
			[`${FOLDER}/2026-03-01.mdx:7: the text is not valid MDX: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`)\n  Fix: a revision is plain text with Markdown: write "<" and "{" as "\\<" and "\\{", and links as [text](https://…).`],
		],
		[
			'6. import, component and expression',
			[revision('2026-03-01', 'import X from "./x.js"\n\nTeksti.\n\n<Banner />\n\nSumma {1+1}.\n')],
			[5, 9, 11].map(
				(line, index) =>
					`${FOLDER}/2026-03-01.mdx:${line}: the text contains ${['an import or export', 'a component or HTML tag', 'a {…} expression'][index]}, which a revision may not have.\n  Fix: a revision is plain text with Markdown (headings, lists, links): remove it, or escape "<" and "{" as "\\<" and "\\{".`,
			),
		],
		[
			'6. an image, fetched from elsewhere for every reader',
			[revision('2026-03-01', 'Teksti.\n\n![pikseli](https://www.facebook.com/tr?id=1)\n')],
			[`${FOLDER}/2026-03-01.mdx:7: the text contains an image, which a revision may not have.\n  Fix: a revision is text: remove the image (the "![…](…)"), or link to it as [text](https://…).`],
		],
		[
			'6. a link that runs code',
			[revision('2026-03-01', 'Katso [tästä](javascript:alert(1)).\n')],
			[`${FOLDER}/2026-03-01.mdx:5: the link "javascript:alert(1)" is not a web or e-mail address.\n  Fix: links go to https://… or http://… addresses, mailto: e-mail addresses, or #sections of the notice.`],
		],
		[
			'8. a folder with no revisions',
			[],
			[`${FOLDER}: the folder holds no revisions.\n  Fix: add the notice as YYYY-MM-DD.mdx, or point NOTICE_CONTENT_DIR at a folder that has revisions.`],
		],
	])('%s', (_, files, expected) => {
		expect(messagesFor(files)).toEqual(expected);
	});
});

describe('7. sealed history', () => {
	const sealed = { [first.fileName]: sha256(first.source) };

	it('refuses a sealed revision whose bytes changed', () => {
		const edited = { ...first, source: first.source.replace('teksti', 'teksti ') };
		expect(messagesFor([edited, second], sealed)).toEqual([
			`${FOLDER}/2026-03-01.mdx: 2026-03-01.mdx was published and cannot change; make a new revision instead.\n  Fix: undo the edit (git checkout -- ${FOLDER}/2026-03-01.mdx) and copy your change into a new revision with npm run revision:new.`,
		]);
	});

	it('refuses a sealed revision that was removed', () => {
		expect(messagesFor([second], sealed)).toEqual([
			`${FOLDER}/2026-03-01.mdx: 2026-03-01.mdx was published and cannot be removed.\n  Fix: restore it from version control (git checkout -- ${FOLDER}/2026-03-01.mdx); to change the notice, make a new revision.`,
		]);
	});

	it('builds unsealed revisions and lists them', () => {
		const result = checkRevisionFolder([first, second], sealed);
		expect(result.problems).toEqual([]);
		expect(result.unsealed).toEqual(['2026-04-01.mdx']);
		expect(checkRevisionFolder([first, second], undefined).unsealed).toEqual(['2026-03-01.mdx', '2026-04-01.mdx']);
	});

	it('treats a line-ending change as a change: the seal is over bytes', () => {
		const crlf = { ...first, source: first.source.replace(/\n/g, '\r\n') };
		expect(messagesFor([crlf], sealed)).toHaveLength(1);
	});
});

describe('a well-formed history', () => {
	it('passes and comes back oldest first with effective dates filled in', () => {
		const upcoming = revision('2026-05-01', 'Kolmas teksti.\n', 'effective: 2026-06-01\nsummary: "Tulossa."\n');
		const result = checkRevisionFolder([upcoming, second, first], undefined);
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
});
