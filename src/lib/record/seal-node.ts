// src/lib/record/: a dated, sealed, published record, shared by the notice's revisions and the
// cookie information's versions. This module holds the rules (fingerprints, seals, the witness,
// scheduling) and the wording of a problem; folder-node.ts reads a record's folder and witness.
// Node-only for one reason: the fingerprint is node:crypto's SHA-256.
import { createHash } from 'node:crypto';
import type { IsoDate } from '../site/dates.ts';

/** One mistake in a record folder, worded for the editor who made it. */
export interface RecordProblem {
	/** The file at fault, relative to the folder; absent when the folder itself is at fault. */
	file?: string;
	/** 1-based line in the file, where the mistake has one. */
	line?: number;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint: string;
	/** What is at fault when it is no file of the folder, e.g. an environment variable. */
	subject?: string;
	/** Set on the refusals that sealing itself fixes, so that the seal command can pass them by. */
	code?: 'seal';
}

/** The sealed manifest: file name → SHA-256 (hex) of the file's bytes. */
export type SealManifest = Record<string, string>;

/** The name of the sealed manifest beside the files it seals. */
export const SEAL_MANIFEST = 'sealed.json';

/** SHA-256 of a file's bytes in hex: exactly what `sha256sum FILE` prints. */
export function sha256(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Formats a problem as an editor reads it: where (folder/file:line), what is wrong, how to fix it. */
export function formatProblem(problem: RecordProblem, folder?: string): string {
	const path =
		problem.subject ??
		(problem.file === undefined ? (folder ?? '.') : folder ? `${folder}/${problem.file}` : problem.file);
	const where = problem.line ? `${path}:${problem.line}` : path;
	return `${where}: ${problem.message}\n  Fix: ${problem.hint}`;
}

/** The report an editor reads when a folder is refused. */
export function describeProblems(folder: string, problems: readonly RecordProblem[]): string {
	const count = problems.length;
	return (
		`${count} ${count === 1 ? 'mistake' : 'mistakes'} in ${folder}:\n\n` +
		problems.map((problem) => formatProblem(problem, folder)).join('\n\n')
	);
}

/** A manifest's text as a manifest, or why it is not one. */
export function parseSealManifest(text: string): { manifest: SealManifest } | { fault: string } {
	let manifest: unknown;
	try {
		manifest = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { fault: 'is not valid JSON' };
	}
	if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
		return { fault: 'is not a JSON object of "file name": "sha256" pairs' };
	}
	const bad = Object.entries(manifest).find(
		([, digest]) => typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest),
	);
	if (bad) return { fault: `gives "${bad[0]}" a value that is not a SHA-256 in lowercase hex` };
	// JSON.parse keeps the last of two equal keys: a second line could quietly re-seal a file.
	const names = [...text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((match) => match[1]);
	const twice = names.find((name, index) => names.indexOf(name) !== index);
	if (twice !== undefined) return { fault: `lists "${twice}" twice` };
	return { manifest: manifest as SealManifest };
}

/**
 * Decodes a file's bytes as UTF-8, or says where the first byte that is not UTF-8 stands, so
 * that the fingerprint (over bytes) and the text (decoded) can never disagree unnoticed.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { offset: number; line: number; byte: number } {
	const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
	if (!text.includes('\uFFFD')) return { text };
	// Walk the decoded text and the bytes side by side; a U+FFFD not written as EF BF BD marks the fault.
	let offset = 0;
	for (const character of text) {
		if (
			character === '\uFFFD' &&
			!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)
		) {
			let line = 1;
			for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
			return { offset, line, byte: bytes[offset] ?? 0 };
		}
		offset += Buffer.byteLength(character, 'utf8');
	}
	return { text };
}

/** What the seal rules need to know of one file of the record. */
export interface DatedFile {
	fileName: string;
	/** The day the file's content goes online. */
	date: IsoDate;
	/** SHA-256 of its bytes. */
	sha256: string;
	/** The file's text, to tell a line-ending conversion from an edit. */
	text?: string;
}

/** How the seal rules word their hints for one kind of record. */
export interface SealWording {
	/** The folder as the editor names it, for the commands in the hints. */
	folder: string;
	/** The command that seals files, e.g. `npm run revision:seal`. */
	sealCommand: string;
	/** What the editor does instead of editing a sealed file, e.g. `make a new revision with npm run revision:new`. */
	changeInstead: string;
}

/** What the seal rules found: refusals, and files that build but are not sealed yet. */
export interface SealFindings {
	problems: RecordProblem[];
	/** Files dated on the build day and not sealed yet: the editor's working copy, a warning. */
	unsealedToday: string[];
	/** Files dated after the build day: scheduled, nothing of them goes online yet. */
	scheduled: DatedFile[];
}

/**
 * Applies the seal rules: the manifest must exist; a sealed file can neither change nor go;
 * a file dated before the build day must be sealed; one dated on the build day may still be
 * unsealed; one dated later is scheduled. `manifest` is undefined when the folder has none.
 */
export function checkSeals(
	files: readonly DatedFile[],
	manifest: SealManifest | undefined,
	buildDate: IsoDate,
	wording: SealWording,
): SealFindings {
	const { folder, sealCommand, changeInstead } = wording;
	const problems: RecordProblem[] = [];
	if (manifest === undefined) {
		// Only a folder with nothing published yet may start its manifest afresh.
		const fresh = files.every((file) => file.date >= buildDate);
		problems.push({
			file: SEAL_MANIFEST,
			...(fresh ? { code: 'seal' as const } : {}),
			message: `the seal manifest is missing, so nothing published would be protected.`,
			hint: fresh
				? `create it: ${sealCommand}.`
				: `restore it from version control (git checkout -- ${folder}/${SEAL_MANIFEST}).`,
		});
	}
	const present = new Map(files.map((file) => [file.fileName, file]));
	for (const [fileName, digest] of Object.entries(manifest ?? {})) {
		const file = present.get(fileName);
		if (!file) {
			problems.push({
				file: fileName,
				message: `${fileName} was published and cannot be removed.`,
				hint: `restore it from version control (git checkout -- ${folder}/${fileName}); to change it, ${changeInstead}.`,
			});
		} else if (file.sha256 !== digest) {
			problems.push(changedSealedFile(file, digest, buildDate, wording));
		}
	}
	const unsealedToday: string[] = [];
	for (const file of files) {
		if (manifest && file.fileName in manifest) continue;
		if (file.date < buildDate) {
			problems.push({
				file: file.fileName,
				code: 'seal',
				message: `${file.fileName} was published on ${file.date}, before the build date ${buildDate}, but is not sealed.`,
				hint: `if this is the text that went online that day, seal it (${sealCommand} -- ${file.fileName}) and commit ${SEAL_MANIFEST} with it; if it never went online, date it the day it will be published.`,
			});
		} else if (file.date === buildDate) {
			unsealedToday.push(file.fileName);
		}
	}
	const scheduled = files.filter((file) => file.date > buildDate);
	return { problems, unsealedToday, scheduled };
}

function changedSealedFile(file: DatedFile, digest: string, buildDate: IsoDate, wording: SealWording): RecordProblem {
	const { folder, changeInstead, sealCommand } = wording;
	if (file.date > buildDate) {
		return {
			file: file.fileName,
			message: `${file.fileName} was sealed for ${file.date} and has changed since (sealed SHA-256 ${digest}, the file now ${file.sha256}).`,
			hint: `it is not online yet: undo the edit (git checkout -- ${folder}/${file.fileName}), or remove its line from ${SEAL_MANIFEST} and seal it again (${sealCommand} -- ${file.fileName}).`,
		};
	}
	// A checkout that converts line endings (core.autocrlf) changes bytes, not words.
	const lineEndings = file.text !== undefined && sha256(file.text.replace(/\r\n/g, '\n')) === digest;
	if (lineEndings) {
		return {
			file: file.fileName,
			message: `${file.fileName} was published with LF line endings, and this copy has CRLF: its SHA-256 no longer matches the seal.`,
			hint: `your Git converted the line endings (core.autocrlf): restore the file as committed with git checkout -- ${folder}/${file.fileName}; the repository's .gitattributes keeps it byte for byte from then on.`,
		};
	}
	return {
		file: file.fileName,
		message: `${file.fileName} was published and cannot change (sealed SHA-256 ${digest}, the file now ${file.sha256}).`,
		hint: `undo the edit (git checkout -- ${folder}/${file.fileName}); to change it, ${changeInstead}.`,
	};
}

/**
 * Adds files to a sealed manifest: all not sealed yet, or only those named (by file name or
 * date). A sealed file keeps its fingerprint: a seal is never rewritten, so a changed published
 * file stays refused.
 */
export function addSeals(
	manifest: SealManifest | undefined,
	files: readonly Pick<DatedFile, 'fileName' | 'date' | 'sha256'>[],
	only?: readonly string[],
): { manifest: SealManifest; added: string[] } {
	const sealed: SealManifest = { ...manifest };
	const added: string[] = [];
	for (const file of files) {
		if (file.fileName in sealed) continue;
		if (only && only.length > 0 && !only.includes(file.fileName) && !only.includes(file.date)) continue;
		sealed[file.fileName] = file.sha256;
		added.push(file.fileName);
	}
	const ordered = Object.fromEntries(Object.entries(sealed).sort(([a], [b]) => a.localeCompare(b)));
	return { manifest: ordered, added };
}

/** A file as a published `versiot.json` lists it: its name and fingerprint. */
export interface WitnessedFile {
	fileName: string;
	sha256: string;
}

/**
 * Compares the folder with what the published site says it published: every file listed there
 * must still exist with the same bytes, whatever the manifest now says.
 */
export function checkAgainstWitness(
	files: readonly DatedFile[],
	witnessed: readonly WitnessedFile[],
	witnessName: string,
	wording: SealWording,
): RecordProblem[] {
	const { folder, changeInstead } = wording;
	const present = new Map(files.map((file) => [file.fileName, file]));
	const problems: RecordProblem[] = [];
	for (const published of witnessed) {
		const file = present.get(published.fileName);
		if (!file) {
			problems.push({
				file: published.fileName,
				message: `${published.fileName} is published (${witnessName}) but is missing from the folder.`,
				hint: `restore it from version control (git checkout -- ${folder}/${published.fileName}); a published file cannot be removed.`,
			});
		} else if (file.sha256 !== published.sha256) {
			problems.push({
				file: published.fileName,
				message: `${published.fileName} differs from what was published: ${witnessName} gives SHA-256 ${published.sha256}, the file has ${file.sha256}.`,
				hint: `restore the published text (download it from its sourceUrl in ${witnessName}, or git checkout the commit that was deployed) and restore its seal; to change it, ${changeInstead}.`,
			});
		}
	}
	return problems;
}

/** A record's folder as the seal rules read it: each file's name and bytes. */
export interface RecordFile {
	fileName: string;
	bytes: Uint8Array;
}

/**
 * Every seal rule for a folder: each file whose name gives a date (`datedName`, with the date as
 * its first group) is held to the manifest and to the witness, also one refused for another
 * reason. `sealed` is null when the manifest could not be read: that is refused where it is read,
 * and nothing can be said of the seals then.
 */
export function checkSealedFolder(
	files: readonly RecordFile[],
	datedName: RegExp,
	sealed: SealManifest | undefined | null,
	buildDate: IsoDate,
	wording: SealWording,
	witness: { name: string; files: readonly WitnessedFile[] } | undefined,
): SealFindings {
	const dated: DatedFile[] = files.flatMap((file) => {
		const date = datedName.exec(file.fileName)?.[1];
		if (!date) return [];
		const decoded = decodeUtf8(file.bytes);
		return [
			{
				fileName: file.fileName,
				date,
				sha256: sha256(file.bytes),
				...('text' in decoded ? { text: decoded.text } : {}),
			},
		];
	});
	const seals =
		sealed === null
			? { problems: [], unsealedToday: [], scheduled: dated.filter((file) => file.date > buildDate) }
			: checkSeals(dated, sealed, buildDate, wording);
	const problems = [...seals.problems];
	if (witness) problems.push(...checkAgainstWitness(dated, witness.files, witness.name, wording));
	return { ...seals, problems };
}

/** What a record folder's check needs besides the files: the same for revisions and versions. */
export interface RecordCheckOptions {
	/** The seal manifest; undefined when the folder has none, which is refused; null when it is unreadable, refused already. */
	sealed: SealManifest | undefined | null;
	/** The day the build treats as today. */
	buildDate: IsoDate;
	/** The folder as the editor names it, for the commands in the hints. */
	folder?: string;
	/** What the published site lists (NOTICE_PUBLISHED_VERSIONS, CONSENT_PUBLISHED_VERSIONS), with the name it was read from. */
	witness?: { name: string; files: readonly WitnessedFile[] } | undefined;
}
