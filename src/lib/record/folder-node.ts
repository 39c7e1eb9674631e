// Node-only: reads a sealed record's folder and its witness (what the published site lists)
// from disk or the web, and words what cannot be read for the editor. The rules are in
// seal-node.ts.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
	parseSealManifest,
	SEAL_MANIFEST,
	type RecordProblem,
	type SealManifest,
	type WitnessedFile,
} from './seal-node.ts';

/** A file of a record folder: its name and its bytes exactly as on disk. */
export interface FolderFile {
	fileName: string;
	bytes: Uint8Array;
}

/** A record folder as read from disk. */
export interface FolderRead {
	/** The folder's absolute path. */
	path: string;
	/** False when there is no such folder: then `problems` says only that. */
	exists: boolean;
	files: FolderFile[];
	/** The sealed manifest; undefined when there is none (refused by the seal rules), null when it is unreadable (refused here). */
	sealed: SealManifest | undefined | null;
	/** What could not be read: missing folder, subfolders, symlinks leading away, a broken manifest. */
	problems: RecordProblem[];
}

/** Names an editor's tools leave beside a file: hidden files, backups (`x~`), swap and lock files. */
export function isEditorLeftover(name: string): boolean {
	return name.startsWith('.') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || /^#.*#$/.test(name);
}

/**
 * Reads every file of a record folder. `missing` is the refusal when the folder does not exist,
 * worded with the variable that points the build at it.
 */
export function readRecordFolder(folder: string, root: string, missing: RecordProblem): FolderRead {
	const path = isAbsolute(folder) ? folder : resolve(root, folder);
	const read: FolderRead = { path, exists: false, files: [], sealed: undefined, problems: [] };
	if (!existsSync(path) || !statSync(path).isDirectory()) {
		read.problems.push(missing);
		return read;
	}
	read.exists = true;
	let names: string[];
	try {
		names = readdirSync(path).sort();
	} catch (error) {
		read.problems.push({
			message: `the folder cannot be read (${describeError(error)}).`,
			hint: "check the folder's permissions.",
		});
		return read;
	}
	const realFolder = realpathSync(path);
	for (const fileName of names) {
		if (isEditorLeftover(fileName)) continue;
		let entry: ReturnType<typeof readEntry>;
		try {
			entry = readEntry(path, realFolder, fileName);
		} catch (error) {
			entry = {
				problem: {
					file: fileName,
					message: `cannot be read (${describeError(error)}).`,
					hint: "check the file's permissions.",
				},
			};
		}
		if ('problem' in entry) read.problems.push(entry.problem);
		else if (fileName === SEAL_MANIFEST) read.sealed = manifestOf(entry.bytes, read, folder);
		else read.files.push({ fileName, bytes: entry.bytes });
	}
	return read;
}

function manifestOf(bytes: Uint8Array, read: FolderRead, folder: string): SealManifest | null {
	const parsed = parseSealManifest(Buffer.from(bytes).toString('utf8'));
	if ('fault' in parsed) {
		read.problems.push({
			file: SEAL_MANIFEST,
			message: `the seal manifest ${parsed.fault}.`,
			hint: `restore it from version control (git checkout -- ${folder}/${SEAL_MANIFEST}).`,
		});
		return null;
	}
	return parsed.manifest;
}

/** One entry's bytes, or why the folder may not hold it. Symlinks are followed only inside the folder. */
function readEntry(
	path: string,
	realFolder: string,
	fileName: string,
): { bytes: Uint8Array } | { problem: RecordProblem } {
	const full = join(path, fileName);
	const refuse = (message: string, hint: string) => ({ problem: { file: fileName, message, hint } });
	const folderHint = 'the folder holds only its dated files and sealed.json: move anything else elsewhere.';
	if (lstatSync(full).isSymbolicLink()) {
		let target: string;
		try {
			target = realpathSync(full);
		} catch {
			return refuse(
				'is a symbolic link that leads nowhere.',
				'delete the link, and put the file itself in the folder.',
			);
		}
		const inside = relative(realFolder, target);
		if (inside.startsWith('..') || isAbsolute(inside)) {
			return refuse(
				`is a symbolic link to ${target}, outside the folder: what is published must be in the repository.`,
				'replace the link with the file itself (copy it into the folder), or delete the link.',
			);
		}
	}
	const stats = statSync(full);
	if (stats.isDirectory()) return refuse('is a folder, and the folder holds no subfolders.', folderHint);
	if (!stats.isFile()) return refuse('is not a regular file.', folderHint);
	return { bytes: readFileSync(full) };
}

/** An error from the file system, as its code says it: `EACCES: permission denied`. */
function describeError(error: unknown): string {
	const { code, message } = error as NodeJS.ErrnoException;
	return code ? `${code}: ${message.replace(/^\w+: /, '').replace(/,.*$/, '')}` : String(error);
}

/** Where a witness was read from and what it lists. */
export interface Witness {
	name: string;
	files: WitnessedFile[];
}

/**
 * Reads a published `versiot.json` (a file path, relative to `root`, or an https URL) and
 * lists its files with `list`; a witness that cannot be read is a refusal, never a pass.
 */
export async function readWitness(
	source: string,
	root: string,
	variable: string,
	list: (json: unknown) => WitnessedFile[] | undefined,
): Promise<Witness | { problem: RecordProblem }> {
	const refuse = (why: string) => ({
		problem: {
			subject: variable,
			message: `is "${source}", which ${why}`,
			hint: `point ${variable} at the versiot.json the site publishes (an https:// address) or a saved copy of it; leave it unset only for the very first deploy.`,
		},
	});
	let text: string;
	if (/^https:\/\//i.test(source)) {
		try {
			const response = await fetch(source, { signal: AbortSignal.timeout(20_000), redirect: 'follow' });
			if (!response.url.startsWith('https://')) return refuse(`was redirected to ${response.url}, which is not https.`);
			if (!response.ok)
				return refuse(
					`could not be read: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.'),
				);
			text = await response.text();
		} catch (error) {
			const cause =
				error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
			return refuse(`could not be read (${cause}).`);
		}
	} else if (/^[a-z][a-z0-9+.-]*:/i.test(source)) {
		return refuse('is neither a file path nor an https:// address.');
	} else {
		try {
			text = readFileSync(resolve(root, source), 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			return refuse(code === 'ENOENT' ? 'does not exist.' : `could not be read (${code ?? String(error)}).`);
		}
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return refuse('is not JSON.');
	}
	const files = list(json);
	if (!files) return refuse('is not a versiot.json as the site publishes it.');
	return { name: source, files };
}
