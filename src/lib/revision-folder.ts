import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
	checkRevisionFolder,
	formatProblem,
	SEAL_MANIFEST,
	type FolderCheck,
	type RevisionFile,
	type SealManifest,
} from './revision-check.ts';

/** A revisions folder checked on disk: the folder's own path beside the check's outcome. */
export interface FolderOnDisk extends FolderCheck {
	/** The folder's absolute path. */
	path: string;
	/** The sealed manifest as found, if the folder has one. */
	sealed: SealManifest | undefined;
}

/**
 * Reads a revisions folder and checks it. Shared by the build and the editor commands, so that
 * both refuse exactly the same mistakes with the same words.
 */
export function checkFolderOnDisk(folder: string, root: string = process.cwd()): FolderOnDisk {
	const path = isAbsolute(folder) ? folder : resolve(root, folder);
	const refused = (message: string, hint: string, file?: string): FolderOnDisk => ({
		path,
		sealed: undefined,
		revisions: [],
		unsealed: [],
		problems: [file === undefined ? { message, hint } : { file, message, hint }],
	});

	if (!existsSync(path) || !statSync(path).isDirectory()) {
		return refused(
			'the revisions folder does not exist.',
			'set NOTICE_CONTENT_DIR to a folder of YYYY-MM-DD.mdx revisions, or unset it to use content/tietosuojaseloste.',
		);
	}
	const names = readdirSync(path)
		.filter((name) => !name.startsWith('.') && name !== SEAL_MANIFEST)
		.sort();
	const files: RevisionFile[] = names.map((fileName) => ({
		fileName,
		source: readFileSync(join(path, fileName), 'utf8'),
	}));

	const manifestPath = join(path, SEAL_MANIFEST);
	let sealed: SealManifest | undefined;
	if (existsSync(manifestPath)) {
		const parsed = parseManifest(readFileSync(manifestPath, 'utf8'));
		if (!parsed) {
			return refused(
				'the seal manifest is not a JSON object of "YYYY-MM-DD.mdx": "sha256" pairs.',
				`restore it from version control (git checkout -- ${folder}/${SEAL_MANIFEST}), then seal again with npm run revision:seal.`,
				SEAL_MANIFEST,
			);
		}
		sealed = parsed;
	}
	return { path, sealed, ...checkRevisionFolder(files, sealed, folder) };
}

function parseManifest(text: string): SealManifest | undefined {
	try {
		const manifest: unknown = JSON.parse(text);
		if (
			typeof manifest === 'object' &&
			manifest !== null &&
			!Array.isArray(manifest) &&
			Object.values(manifest).every((digest) => typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest))
		) {
			return manifest as SealManifest;
		}
	} catch {
		// Not JSON: refused by the caller with the fix.
	}
	return undefined;
}

/** The report an editor reads when a folder is refused. */
export function describeProblems(folder: string, check: FolderCheck): string {
	const count = check.problems.length;
	return (
		`${count} ${count === 1 ? 'mistake' : 'mistakes'} in ${folder}:\n\n` +
		check.problems.map((problem) => formatProblem(problem, folder)).join('\n\n')
	);
}
