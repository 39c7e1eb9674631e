import yaml from 'js-yaml';
import { parseRevisionText } from './markdown-node.ts';
import { revisionBlocks, type MdastNode } from './blocks.ts';
import { formatFinnishDate, type IsoDate } from '../site/dates.ts';
import { sortOldestFirst, type LoadedRevision } from './revisions.ts';
import { REVISION_FIELDS, revisionFrontmatterSchema } from './schema.ts';
import {
	checkSealedFolder,
	type RecordCheckOptions,
	decodeUtf8,
	sha256,
	type RecordProblem,
	type SealWording,
} from '../record/seal-node.ts';

/** A file found in the revisions folder, as the bytes on disk. */
export interface RevisionFile {
	fileName: string;
	bytes: Uint8Array;
}

/** One mistake in the revisions folder, worded for the editor who made it. */
export type RevisionProblem = RecordProblem;

/** A revision that passed every check: what the build loads of it, and what the check needed besides. */
export interface CheckedRevision extends Omit<LoadedRevision, 'scheduled'> {
	fileName: string;
	/** The text below the front matter. */
	body: string;
	/** The file's line on which the body starts. */
	bodyLine: number;
	/** What a reader perceives of the text, to tell a real change from a re-encoding. */
	readerView: string;
}

/** The outcome of checking a revisions folder. */
export interface FolderCheck {
	/** Every revision that passed, scheduled ones included, oldest first. */
	revisions: CheckedRevision[];
	problems: RevisionProblem[];
	/** Mistakes that do not stop the build, worded like problems. */
	warnings: RevisionProblem[];
	/** Revisions published on the build date and not sealed yet: the editor's working copy. */
	unsealed: string[];
	/** Revisions published after the build date: nothing of them goes online yet. */
	scheduled: CheckedRevision[];
}

/** What a folder check needs besides the files. */
export type FolderCheckOptions = RecordCheckOptions;

const REVISION_FILE = /^(\d{4}-\d{2}-\d{2})\.mdx$/;
const FIELD_LIST = REVISION_FIELDS.join(', ');

/** The seal rules' hints, worded for the notice's revisions. */
export function revisionSealWording(folder: string): SealWording {
	return {
		folder,
		sealCommand: 'npm run revision:seal',
		changeInstead: 'make a new revision with npm run revision:new',
	};
}

/** Splits a revision into its front matter text and body, with the body's first line number. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string; bodyLine: number } | undefined {
	const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const match = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(normalized);
	if (!match) return undefined;
	const frontmatter = match[1] ?? '';
	return {
		frontmatter,
		body: normalized.slice(match[0].length),
		bodyLine: match[0].split('\n').length,
	};
}

type FileCheck =
	{ ok: true; revision: CheckedRevision } | { ok: false; problems: RevisionProblem[]; published?: IsoDate };

/** Checks one file on its own: name, encoding, front matter and MDX. */
export function checkRevisionFile(file: RevisionFile): FileCheck {
	const { fileName, bytes } = file;
	const problems: RevisionProblem[] = [];
	const problem = (message: string, hint: string, line?: number) =>
		problems.push(line === undefined ? { file: fileName, message, hint } : { file: fileName, line, message, hint });

	const nameDate = REVISION_FILE.exec(fileName)?.[1];
	if (!nameDate) {
		problem(
			'the file name is not a publication date.',
			'name the file after the day it is published, as YYYY-MM-DD.mdx (for example 2026-03-01.mdx).',
		);
		return { ok: false, problems };
	}

	const decoded = decodeUtf8(bytes);
	if (!('text' in decoded)) {
		const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
		problem(
			`the file is not UTF-8 text: byte ${decoded.offset} (0x${hex}) is not part of any character.`,
			'save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8), then check the letters around that place.',
			decoded.line,
		);
		return { ok: false, problems };
	}
	const source = decoded.text;
	const control = findControlCharacter(source);
	if (control) {
		problem(
			`the text contains the invisible character ${control.name}, which can make the text read differently from what it says.`,
			'delete it: a revision is plain text (your editor may show it as a box, a code, or nothing at all).',
			control.line,
		);
		return { ok: false, problems };
	}

	const parts = splitFrontmatter(source);
	if (!parts) {
		problem(
			'the front matter is missing.',
			'start the file with a block between two "---" lines holding title, published and summary.',
			1,
		);
		return { ok: false, problems };
	}

	let data: unknown;
	try {
		data = yaml.load(parts.frontmatter, { schema: yaml.CORE_SCHEMA }) ?? {};
	} catch (error) {
		const yamlError = error as yaml.YAMLException;
		problem(
			`the front matter is not valid YAML (${yamlError.reason}).`,
			'write each field on its own line as "field: value"; put quotes around a summary that contains a colon.',
			yamlError.mark ? yamlError.mark.line + 2 : 2,
		);
		return { ok: false, problems };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		problem('the front matter is not a list of fields.', 'write each field on its own line as "field: value".', 2);
		return { ok: false, problems };
	}

	const parsed = revisionFrontmatterSchema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					problem(
						`the front matter has an unknown field "${key}".`,
						`use only these fields: ${FIELD_LIST}. Check the spelling of "${key}".`,
					);
				}
				continue;
			}
			const field = String(issue.path[0] ?? '');
			const value = (data as Record<string, unknown>)[field];
			if (value === undefined) {
				problem(`the front matter has no "${field}".`, fieldHint(field, nameDate));
			} else {
				problem(`"${field}" ${describeValue(value)} ${issue.message}.`, fieldHint(field, nameDate));
			}
		}
		return { ok: false, problems };
	}

	const { title, published, summary } = parsed.data;
	const effective = parsed.data.effective ?? published;
	const refused = (): FileCheck => ({ ok: false, problems, published });
	if (published !== nameDate) {
		problem(
			`"published" is ${published} but the file is named ${fileName}.`,
			'the publication date and the file name must be the same day: rename the file or correct the date.',
		);
	}
	if (effective < published) {
		problem(
			`"effective" (${effective}) is before "published" (${published}).`,
			'a revision cannot take effect before it is published: set effective to the publication date or later, or leave it out.',
		);
	}

	for (const [field, value] of [
		['title', title],
		['summary', summary],
	] as const) {
		const hidden = value === undefined ? undefined : findControlCharacter(value);
		if (hidden) {
			problem(
				`"${field}" contains the invisible character ${hidden.name}, which can make the text read differently from what it says.`,
				`write "${field}" as plain text, without escapes such as "\\u202E".`,
			);
		}
	}

	const body = parts.body;
	let tree: MdastNode | undefined;
	if (body.trim() === '') {
		problem('the revision has no text.', 'write the notice below the front matter.');
	} else {
		const mdx = checkMdxBody(fileName, body, parts.bodyLine);
		problems.push(...mdx.problems);
		tree = mdx.tree;
	}

	if (problems.length > 0 || !tree) return refused();
	return {
		ok: true,
		revision: {
			fileName,
			title,
			published,
			effective,
			summary,
			body,
			bodyLine: parts.bodyLine,
			sha256: sha256(bytes),
			// The one parse of the file gives the blocks too, which the loader stores for the pages.
			blocks: revisionBlocks(tree, title),
			readerView: readerView(title, tree),
		},
	};
}

/**
 * A revision stating a day of its own ("viimeksi päivitetty 11.3.2018") that is not its
 * publication date: worth a warning, as a copied revision keeps its predecessor's date.
 */
export function statedDateWarnings(
	revision: Pick<CheckedRevision, 'fileName' | 'published' | 'body' | 'bodyLine'>,
): RevisionProblem[] {
	const warnings: RevisionProblem[] = [];
	const lines = revision.body.split('\n');
	lines.forEach((text, index) => {
		for (const match of text.matchAll(STATED_DATE)) {
			const day = Number(match[1]);
			const month = match[2] ? Number(match[2]) : MONTHS.indexOf((match[3] ?? '').toLowerCase()) + 1;
			const year = Number(match[4]);
			const stated = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			if (stated === revision.published) continue;
			warnings.push({
				file: revision.fileName,
				line: revision.bodyLine + index,
				message: `the text says "${match[0]}", but the revision is published on ${formatFinnishDate(revision.published)}.`,
				hint: `write the publication date in the text (${formatFinnishDate(revision.published)}), or take the date out: the page shows the publication date itself.`,
			});
		}
	});
	return warnings;
}

/** The warnings one file gets on its own (none when it is refused). */
export function warningsForFile(file: RevisionFile): RevisionProblem[] {
	const result = checkRevisionFile(file);
	return result.ok ? statedDateWarnings(result.revision) : [];
}

const MONTHS = [
	'tammi',
	'helmi',
	'maalis',
	'huhti',
	'touko',
	'kesä',
	'heinä',
	'elo',
	'syys',
	'loka',
	'marras',
	'joulu',
];

/**
 * A date the text gives as its own: "päivitetty 11.3.2018", "Päivitetty: 1.6.2020",
 * "muutettu viimeksi 15. helmikuuta 2024".
 */
const STATED_DATE = new RegExp(
	`(?:päivitetty|muutettu|päivätty)(?:\\s+viimeksi)?\\s*:?\\s+(?:viimeksi\\s+)?(\\d{1,2})\\.\\s?(?:(\\d{1,2})\\.\\s?|(${MONTHS.join('|')})kuuta\\s+)(\\d{4})`,
	'giu',
);

/**
 * Characters a reader cannot see that change what the text says or how it reads: controls
 * other than tab and line breaks, and the bidirectional overrides used to disguise text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

function findControlCharacter(text: string): { name: string; line: number } | undefined {
	const match = INVISIBLE.exec(text);
	if (!match) return undefined;
	const code = match[0].codePointAt(0) ?? 0;
	return {
		name: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
		line: text.slice(0, match.index).split('\n').length,
	};
}

/** Refuses MDX that does not parse, and MDX features that could run code. */
function checkMdxBody(
	fileName: string,
	body: string,
	bodyLine: number,
): { problems: RevisionProblem[]; tree?: MdastNode } {
	let tree: MdastNode;
	try {
		// Read as the page reads it, so that the check sees what the reader will.
		tree = parseRevisionText(body);
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		const located = /^(\d+):(\d+):\s*(.*)$/s.exec(text);
		const reason = (located?.[3] ?? text).replace(/\s*\([\w:-]+\)\s*$/, '');
		return {
			problems: [
				{
					file: fileName,
					line: located ? Number(located[1]) + bodyLine - 1 : bodyLine,
					message: `the text is not valid MDX: ${reason}`,
					hint: 'a revision is plain text with Markdown: write "<" and "{" as "\\<" and "\\{", and links as [text](https://…).',
				},
			],
		};
	}
	const problems: RevisionProblem[] = [];
	walk(tree, (node) => {
		const line = (node.position?.start.line ?? 1) + bodyLine - 1;
		const kind = CODE_NODES[node.type];
		if (node.type === 'code') {
			// Code would be highlighted with inline styles that the CSP blocks; a notice has none.
			problems.push({
				file: fileName,
				line,
				message: 'the text contains a code block (a ``` fence), which a revision may not have.',
				hint: 'a notice has no code: remove the ``` lines and write the text as a paragraph or a list.',
			});
		} else if (node.type === 'thematicBreak' || (node.type === 'listItem' && typeof node.checked === 'boolean')) {
			// Shown on the page but holding no text, so no diff could show it come or go.
			const what = node.type === 'thematicBreak' ? 'a horizontal rule (---)' : 'a checkbox list item ([ ] or [x])';
			problems.push({
				file: fileName,
				line,
				message: `the text contains ${what}, which a revision may not have.`,
				hint: 'use headings (## ) to divide the notice and plain list items (- ) for lists.',
			});
		} else if (kind) {
			problems.push({
				file: fileName,
				line,
				message: `the text contains ${kind}, which a revision may not have.`,
				hint: 'a revision is plain text with Markdown (headings, lists, links): remove it, or escape "<" and "{" as "\\<" and "\\{".',
			});
		} else if (node.type === 'image' || node.type === 'imageReference') {
			// An image would be fetched from wherever it lives for every reader, before any consent.
			problems.push({
				file: fileName,
				line,
				message: 'the text contains an image, which a revision may not have.',
				hint: 'a revision is text: remove the image (the "![…](…)"), or link to it as [text](https://…).',
			});
		} else if ((node.type === 'link' || node.type === 'definition') && !SAFE_LINK.test(node.url ?? '')) {
			problems.push({
				file: fileName,
				line,
				message: `the link "${node.url}" is not a web or e-mail address.`,
				hint: 'links go to https://… or http://… addresses, mailto: e-mail addresses, or #sections of the notice.',
			});
		}
	});
	return { problems, tree };
}

/** Where a link in a revision may lead: the web, e-mail, or a place on our own site. */
// Not "//" nor "/\\", which browsers read as another host.
const SAFE_LINK = /^(https?:\/\/|mailto:|#|\/(?![/\\]))/i;

const CODE_NODES: Record<string, string> = {
	mdxjsEsm: 'an import or export',
	mdxJsxFlowElement: 'a component or HTML tag',
	mdxJsxTextElement: 'a component or HTML tag',
	mdxFlowExpression: 'a {…} expression',
	mdxTextExpression: 'a {…} expression',
};

function walk(node: MdastNode, visit: (node: MdastNode) => void): void {
	visit(node);
	for (const child of node.children ?? []) walk(child, visit);
}

function describeValue(value: unknown): string {
	return typeof value === 'string' ? `is "${value}", which` : `is ${JSON.stringify(value)}, which`;
}

function fieldHint(field: string, nameDate: IsoDate): string {
	switch (field) {
		case 'published':
			return `write the publication date as YYYY-MM-DD, the same day as the file name: published: ${nameDate}`;
		case 'effective':
			return 'write the date the revision takes effect as YYYY-MM-DD, or leave the field out to use the publication date.';
		case 'title':
			return 'write the notice title: title: Solinum Oy Tietosuojaseloste';
		case 'summary':
			return 'write a plain-language summary of what changed, in quotes: summary: "…"';
		default:
			return `use only these fields: ${FIELD_LIST}.`;
	}
}

/**
 * Checks a whole revisions folder: each file, then the history as a whole (order, summaries,
 * real changes), the seals and, when given, what the published site says it published.
 */
export function checkRevisionFolder(files: readonly RevisionFile[], options: FolderCheckOptions): FolderCheck {
	const { sealed, buildDate, folder = 'content/tietosuojaseloste', witness } = options;
	const problems: RevisionProblem[] = [];
	const revisions: CheckedRevision[] = [];
	// Every publication date written, also in files refused for other reasons, to catch copies.
	const claimed = new Map<IsoDate, string>();
	for (const file of files) {
		const result = checkRevisionFile(file);
		if (result.ok) revisions.push(result.revision);
		else problems.push(...result.problems);
		const published = result.ok ? result.revision.published : result.published;
		if (published === undefined) continue;
		const twin = claimed.get(published);
		if (twin) {
			problems.push({
				file: file.fileName,
				message: `"published" is ${published}, the same day as ${twin}.`,
				hint: 'each day has at most one revision: set "published" to the date in this file\'s name, or merge the two files.',
			});
		} else {
			claimed.set(published, file.fileName);
		}
	}

	if (files.length === 0) {
		problems.push({
			message: 'the folder holds no revisions.',
			hint: 'add the notice as YYYY-MM-DD.mdx, or point NOTICE_CONTENT_DIR at a folder that has revisions.',
		});
	}

	const ordered = sortOldestFirst(revisions);
	ordered.forEach((revision, index) => {
		const previous = ordered[index - 1];
		if (!previous) return;
		if (revision.summary === undefined) {
			problems.push({
				file: revision.fileName,
				message: 'the front matter has no "summary".',
				hint: fieldHint('summary', revision.published),
			});
		}
		problems.push(...sameTextProblems(revision, previous));
		problems.push(...effectiveOrderProblems(revision, previous));
	});

	const seals = checkSealedFolder(files, REVISION_FILE, sealed, buildDate, revisionSealWording(folder), witness);
	problems.push(...seals.problems);

	const scheduled = new Set(seals.scheduled.map((file) => file.fileName));
	return {
		revisions: ordered,
		problems,
		warnings: ordered.flatMap((revision) => statedDateWarnings(revision)),
		unsealed: seals.unsealedToday,
		scheduled: ordered.filter((revision) => scheduled.has(revision.fileName)),
	};
}

/** Characters that change no letter a reader sees: soft hyphen, zero-width spaces and joiners, BOM. */
const UNSEEN = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * The text as a reader perceives it: its structure (headings, paragraphs, lists, tables, marks,
 * link addresses) with composed letters, characters that show nothing taken out and every run
 * of whitespace one space. Entities are already characters in the parsed tree.
 */
function readerView(title: string, tree: MdastNode): string {
	const text = (value: string) => JSON.stringify(value.normalize('NFC').replace(UNSEEN, '').replace(/\s+/gu, ' '));
	const view = (node: MdastNode): string => {
		if (typeof node.value === 'string') return `${node.type}:${text(node.value)}`;
		const attributes = [node.depth, node.ordered, node.url, node.align].filter(
			(value) => value !== undefined && value !== null,
		);
		return `${node.type}${attributes.length > 0 ? JSON.stringify(attributes) : ''}(${(node.children ?? []).map(view).join(',')})`;
	};
	// Whitespace at the edges of a block shows nothing.
	return `${text(title.trim())}\n${view(tree)}`.replace(/\(([a-zA-Z]+):" /g, '($1:"').replace(/ "\)/g, '")');
}

/** A revision must change what a reader sees: not nothing, and not only its whitespace or letter encoding. */
function sameTextProblems(revision: CheckedRevision, previous: CheckedRevision): RevisionProblem[] {
	if (revision.readerView !== previous.readerView) return [];
	const identical = revision.title === previous.title && revision.body.trim() === previous.body.trim();
	return [
		{
			file: revision.fileName,
			message: identical
				? `the text is identical to the previous revision, ${previous.fileName}.`
				: `the text differs from the previous revision, ${previous.fileName}, only in whitespace or in how its letters are encoded (Unicode normalization): a reader would see no change.`,
			hint: 'a new revision must change the notice: edit its text, or delete the file if nothing changed.',
		},
	];
}

/** Revisions take effect in the order they are published, or one of them would never be in force. */
function effectiveOrderProblems(revision: CheckedRevision, previous: CheckedRevision): RevisionProblem[] {
	if (revision.effective > previous.effective) return [];
	const when =
		revision.effective === previous.effective
			? `on the same day as ${previous.fileName} (${previous.effective})`
			: `before ${previous.fileName} (effective ${previous.effective})`;
	return [
		{
			file: revision.fileName,
			message: `"effective" is ${revision.effective}: this revision would take effect ${when}, which was published earlier, so ${previous.fileName} would never be in force as announced.`,
			hint: `revisions take effect in the order they are published: give ${revision.fileName} an effective date after ${previous.effective}.`,
		},
	];
}
