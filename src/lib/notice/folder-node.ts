// Node-only: the notice's revisions folder read from disk and checked, shared by the build, the
// dev server and the editor commands so that all refuse exactly the same mistakes in the same words.
import type { IsoDate } from '../site/dates.ts';
import { checkRevisionFolder, type FolderCheck } from './check-node.ts';
import { readRecordFolder, readWitness, type Witness } from '../record/folder-node.ts';
import type { SealManifest, WitnessedFile } from '../record/seal-node.ts';

/** A revisions folder checked on disk: the folder's own path beside the check's outcome. */
export interface FolderOnDisk extends FolderCheck {
	/** The folder's absolute path. */
	path: string;
	/** The sealed manifest as found: undefined when there is none, null when it is unreadable. */
	sealed: SealManifest | undefined | null;
}

/** What a check on disk needs besides the folder. */
export interface FolderOnDiskOptions {
	/** The day the build treats as today. */
	buildDate: IsoDate;
	/** The project root that a relative folder is resolved against. */
	root?: string;
	/** What the published site lists, read with `readPublishedVersions`. */
	witness?: Witness | undefined;
}

/** Reads a revisions folder and checks it. */
export function checkFolderOnDisk(folder: string, options: FolderOnDiskOptions): FolderOnDisk {
	const { buildDate, root = process.cwd(), witness } = options;
	const read = readRecordFolder(folder, root, {
		message: 'the revisions folder does not exist.',
		hint: 'set NOTICE_CONTENT_DIR to a folder of YYYY-MM-DD.mdx revisions, or unset it to use content/tietosuojaseloste.',
	});
	const { path } = read;
	if (!read.exists) {
		return {
			path,
			sealed: undefined,
			revisions: [],
			problems: read.problems,
			warnings: [],
			unsealed: [],
			scheduled: [],
		};
	}
	const check = checkRevisionFolder(read.files, { sealed: read.sealed, buildDate, folder, witness });
	return { path, sealed: read.sealed, ...check, problems: [...read.problems, ...check.problems] };
}

/** The environment variable naming the published `versiot.json` that the build must agree with. */
export const PUBLISHED_VERSIONS_VARIABLE = 'NOTICE_PUBLISHED_VERSIONS';

/**
 * Reads the published `versiot.json` named by NOTICE_PUBLISHED_VERSIONS, if set: every revision
 * it lists, with the fingerprint the public was shown.
 */
export async function readPublishedVersions(
	env: Record<string, string | undefined> = process.env,
	root: string = process.cwd(),
): Promise<Awaited<ReturnType<typeof readWitness>> | undefined> {
	const source = env[PUBLISHED_VERSIONS_VARIABLE]?.trim();
	if (!source) return undefined;
	return readWitness(source, root, PUBLISHED_VERSIONS_VARIABLE, listPublishedRevisions);
}

/** The revisions a published `versiot.json` lists, or undefined when it is not one. */
export function listPublishedRevisions(json: unknown): WitnessedFile[] | undefined {
	const { current, revisions } = (json ?? {}) as { current?: unknown; revisions?: unknown };
	// The site always publishes at least the revision in force: an empty list would check nothing.
	if (!Array.isArray(revisions) || revisions.length === 0) return undefined;
	if (!revisions.some((revision: { published?: unknown } | null) => revision?.published === current)) return undefined;
	const files: WitnessedFile[] = [];
	for (const revision of revisions as { published?: unknown; sha256?: unknown }[]) {
		const { published, sha256 } = revision ?? {};
		if (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return undefined;
		if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
		files.push({ fileName: `${published}.mdx`, sha256 });
	}
	return files;
}
