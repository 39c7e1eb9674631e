// `npm run revision:seal [-- YYYY-MM-DD.mdx …]`: records the SHA-256 of revisions that are
// published (all unsealed ones, or those named) in sealed.json, after the folder passes every check.
import { basename } from 'node:path';
import { checkFolderOnDisk } from '../lib/notice/folder-node.ts';
import { SEAL_MANIFEST } from '../lib/record/seal-node.ts';
import { contentDir } from '../lib/site/settings-node.ts';
import { parseCommandLine, sealFolder, todayOrExit } from './command.ts';

const USAGE = `Usage: npm run revision:seal [-- YYYY-MM-DD.mdx …]

  Seals every revision not sealed yet, or only those named, in ${SEAL_MANIFEST}.`;

// A path, as tab completion gives it, names its file.
const named = parseCommandLine(USAGE, {}, true).positionals.map((name) => basename(name));
const folder = contentDir();
const check = checkFolderOnDisk(folder, { buildDate: todayOrExit() });
const asSealable = ({ fileName, published, sha256 }: (typeof check.revisions)[number]) => ({
	fileName,
	date: published,
	sha256,
});
sealFolder({
	folder,
	path: check.path,
	// An unsealed revision dated before today, or a new folder's missing manifest, is what sealing fixes.
	problems: check.problems.filter((problem) => problem.code !== 'seal'),
	files: check.revisions.map(asSealable),
	scheduled: check.scheduled.map(asSealable),
	sealed: check.sealed ?? undefined,
	named,
	noun: 'revision',
	namingFix: 'name revisions as YYYY-MM-DD.mdx, or name none to seal every unsealed one.',
	finalWhen: 'its text is final',
	command: 'npm run revision:seal',
});
