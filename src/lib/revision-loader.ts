import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader } from 'astro/loaders';
import {
	checkRevisionFolder,
	formatProblem,
	SEAL_MANIFEST,
	type FolderCheck,
	type RevisionFile,
	type SealManifest,
} from './revision-check.ts';

/** Reads a revisions folder from disk and checks it; throws an editor-readable error on failure. */
export function readAndCheckFolder(folder: string, root: string = process.cwd()): FolderCheck {
	const path = isAbsolute(folder) ? folder : resolve(root, folder);
	if (!existsSync(path) || !statSync(path).isDirectory()) {
		throw new AstroError(
			`The revisions folder ${folder} does not exist.`,
			`Set NOTICE_CONTENT_DIR to a folder of YYYY-MM-DD.mdx revisions, or unset it to use content/tietosuojaseloste.`,
		);
	}
	const names = readdirSync(path).filter((name) => !name.startsWith('.') && name !== SEAL_MANIFEST);
	const files: RevisionFile[] = names.sort().map((fileName) => ({
		fileName,
		source: readFileSync(join(path, fileName), 'utf8'),
	}));
	const result = checkRevisionFolder(folder, files, readManifest(folder, path));
	if (result.problems.length > 0) {
		const count = result.problems.length;
		throw new AstroError(
			`${count} ${count === 1 ? 'mistake' : 'mistakes'} in ${folder}; nothing was published.\n\n` +
				result.problems.map(formatProblem).join('\n\n'),
			'Fix each file named above and build again. The README section "For editors" explains each message.',
		);
	}
	return result;
}

function readManifest(folder: string, path: string): SealManifest | undefined {
	const manifestPath = join(path, SEAL_MANIFEST);
	if (!existsSync(manifestPath)) return undefined;
	try {
		const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
		if (
			typeof manifest === 'object' &&
			manifest !== null &&
			!Array.isArray(manifest) &&
			Object.values(manifest).every((digest) => typeof digest === 'string')
		) {
			return manifest as SealManifest;
		}
	} catch {
		// Reported below with the fix.
	}
	throw new AstroError(
		`${folder}/${SEAL_MANIFEST} is not a valid seal manifest.`,
		`It must be a JSON object of "YYYY-MM-DD.mdx": "sha256" pairs. Restore it from version control and seal again with npm run revision:seal.`,
	);
}

/**
 * Loads the notice's revisions: checks the whole folder first, so that one mistake stops the
 * build before anything is written, then lets Astro's glob loader render the MDX.
 */
export function revisionLoader(folder: string): Loader {
	const base = folder;
	const inner = glob({ pattern: '*.mdx', base });
	return {
		name: 'notice-revisions',
		load: async (context) => {
			const { revisions, unsealed } = readAndCheckFolder(folder, fileURLToPath(context.config.root));
			if (unsealed.length > 0) {
				context.logger.warn(
					`Not sealed yet: ${unsealed.join(', ')}. Seal each revision when it is published: npm run revision:seal`,
				);
			}
			const checked = new Map(revisions.map((revision) => [revision.published, revision]));
			await inner.load({
				...context,
				// The folder check already parsed and validated the front matter; store its result.
				parseData: async (entry) => {
					const revision = checked.get(entry.id);
					if (!revision) return context.parseData(entry);
					const { title, published, effective, summary, sha256 } = revision;
					return context.parseData({
						...entry,
						data: { title, published, effective, ...(summary === undefined ? {} : { summary }), sha256 } as unknown as typeof entry.data,
					});
				},
			});
		},
	};
}
