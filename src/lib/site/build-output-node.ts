// Node-only: where a build may write. The build replaces its output folder whole, so the folder
// must be neither part of the sources nor a folder of someone else's files.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** The file every build of this site writes; a folder holding it is an earlier build. */
export const BUILD_MARKER = join('tietosuojaseloste', 'versiot.json');

/** A path with every symlink of its existing part resolved, as the disk sees it. */
export function realPath(path: string): string {
	const absolute = resolve(path);
	if (existsSync(absolute)) return realpathSync(absolute);
	const parent = dirname(absolute);
	return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** True when `path` is `folder` or inside it; case-blind where the disk is. */
function within(path: string, folder: string): boolean {
	const fold =
		process.platform === 'darwin' || process.platform === 'win32'
			? (text: string) => text.toLowerCase()
			: (text: string) => text;
	const [inner, outer] = [fold(path), fold(folder)];
	return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
}

/**
 * Why the build must not replace `outDir`, or undefined when it may: it overlaps a source
 * folder (either holds the other), or it holds files that no build of this site wrote.
 */
export function outputFolderProblem(outDir: string, sources: readonly string[]): 'source' | 'foreign' | undefined {
	const out = realPath(outDir);
	if (sources.map(realPath).some((source) => within(out, source) || within(source, out))) return 'source';
	if (!existsSync(out)) return undefined;
	if (!statSync(out).isDirectory()) return 'foreign';
	return readdirSync(out).length === 0 || existsSync(join(out, BUILD_MARKER)) ? undefined : 'foreign';
}
