import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import { mdxToMdast } from 'satteri';
import type { IsoDate } from './dates.ts';
import { sortOldestFirst, type RevisionInfo } from './revisions.ts';
import { REVISION_FIELDS, revisionFrontmatterSchema } from './revision-schema.ts';

/** A file found in the revisions folder, as raw text. */
export interface RevisionFile {
	fileName: string;
	source: string;
}

/** The sealed manifest: file name → SHA-256 (hex) of every published revision file. */
export type SealManifest = Record<string, string>;

/** One mistake in the revisions folder, worded for the editor who made it. */
export interface RevisionProblem {
	/** The file at fault, relative to the revisions folder; absent when the folder itself is at fault. */
	file?: string;
	/** 1-based line in the file, where the mistake has one. */
	line?: number;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint: string;
}

/** A revision that passed every check. */
export interface CheckedRevision extends RevisionInfo {
	fileName: string;
	/** The text below the front matter. */
	body: string;
	/** SHA-256 (hex) of the whole file, as sealed. */
	sha256: string;
}

/** The outcome of checking a revisions folder. */
export interface FolderCheck {
	revisions: CheckedRevision[];
	problems: RevisionProblem[];
	/** Revisions that build but are not in the sealed manifest yet. */
	unsealed: string[];
}

/** The name of the sealed manifest beside the revisions. */
export const SEAL_MANIFEST = 'sealed.json';

const REVISION_FILE = /^(\d{4}-\d{2}-\d{2})\.mdx$/;
const FIELD_LIST = REVISION_FIELDS.join(', ');

/** SHA-256 of a file's text in hex, the fingerprint sealed and published in `versiot.json`. */
export function sha256(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Formats a problem as an editor reads it: where (folder/file:line), what is wrong, how to fix it. */
export function formatProblem(problem: RevisionProblem, folder?: string): string {
	const path = problem.file === undefined ? (folder ?? '.') : folder ? `${folder}/${problem.file}` : problem.file;
	const where = problem.line ? `${path}:${problem.line}` : path;
	return `${where}: ${problem.message}\n  Fix: ${problem.hint}`;
}

/** Splits a revision into its front matter text and body, with the body's first line number. */
export function splitFrontmatter(
	source: string,
): { frontmatter: string; body: string; bodyLine: number } | undefined {
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
	| { ok: true; revision: CheckedRevision }
	| { ok: false; problems: RevisionProblem[]; published?: IsoDate };

/** Checks one file on its own: name, front matter and MDX. */
export function checkRevisionFile(file: RevisionFile): FileCheck {
	const { fileName, source } = file;
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
		problem(
			'the front matter is not a list of fields.',
			'write each field on its own line as "field: value".',
			2,
		);
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

	const body = parts.body;
	if (body.trim() === '') {
		problem('the revision has no text.', 'write the notice below the front matter.');
	} else {
		problems.push(...checkMdxBody(fileName, body, parts.bodyLine));
	}

	if (problems.length > 0) return refused();
	return {
		ok: true,
		revision: { fileName, title, published, effective, summary, body, sha256: sha256(source) },
	};
}

/** Refuses MDX that does not parse, and MDX features that could run code. */
function checkMdxBody(fileName: string, body: string, bodyLine: number): RevisionProblem[] {
	let tree: MdxNode;
	try {
		tree = mdxToMdast(body) as unknown as MdxNode;
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		const located = /^(\d+):(\d+):\s*(.*)$/s.exec(text);
		const reason = (located?.[3] ?? text).replace(/\s*\([\w:-]+\)\s*$/, '');
		return [
			{
				file: fileName,
				line: located ? Number(located[1]) + bodyLine - 1 : bodyLine,
				message: `the text is not valid MDX: ${reason}`,
				hint: 'a revision is plain text with Markdown: write "<" and "{" as "\\<" and "\\{", and links as [text](https://…).',
			},
		];
	}
	const problems: RevisionProblem[] = [];
	walk(tree, (node) => {
		const line = (node.position?.start.line ?? 1) + bodyLine - 1;
		const kind = CODE_NODES[node.type];
		if (kind) {
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
	return problems;
}

/** Where a link in a revision may lead: the web, e-mail, or a place on our own site. */
const SAFE_LINK = /^(https?:\/\/|mailto:|#|\/(?!\/))/i;

interface MdxNode {
	type: string;
	url?: string;
	position?: { start: { line: number } };
	children?: MdxNode[];
}

const CODE_NODES: Record<string, string> = {
	mdxjsEsm: 'an import or export',
	mdxJsxFlowElement: 'a component or HTML tag',
	mdxJsxTextElement: 'a component or HTML tag',
	mdxFlowExpression: 'a {…} expression',
	mdxTextExpression: 'a {…} expression',
};

function walk(node: MdxNode, visit: (node: MdxNode) => void): void {
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
 * real changes) and the sealed manifest. `sealed` is undefined when the folder has no manifest.
 */
export function checkRevisionFolder(
	files: readonly RevisionFile[],
	sealed: SealManifest | undefined,
	/** The folder as the editor names it, for the commands in the hints. */
	folder = 'content/tietosuojaseloste',
): FolderCheck {
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
		if (revision.body.trim() === previous.body.trim()) {
			problems.push({
				file: revision.fileName,
				message: `the text is identical to the previous revision, ${previous.fileName}.`,
				hint: 'a new revision must change the notice: edit its text, or delete the file if nothing changed.',
			});
		}
	});

	const present = new Map(files.map((file) => [file.fileName, file]));
	for (const [fileName, digest] of Object.entries(sealed ?? {})) {
		const file = present.get(fileName);
		if (!file) {
			problems.push({
				file: fileName,
				message: `${fileName} was published and cannot be removed.`,
				hint: `restore it from version control (git checkout -- ${folder}/${fileName}); to change the notice, make a new revision.`,
			});
		} else if (sha256(file.source) !== digest) {
			problems.push({
				file: fileName,
				message: `${fileName} was published and cannot change; make a new revision instead.`,
				hint: `undo the edit (git checkout -- ${folder}/${fileName}) and copy your change into a new revision with npm run revision:new.`,
			});
		}
	}
	const unsealed = files
		.map((file) => file.fileName)
		.filter((fileName) => REVISION_FILE.test(fileName) && !(sealed && fileName in sealed));

	return { revisions: ordered, problems, unsealed };
}
