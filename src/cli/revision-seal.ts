// `npm run revision:seal [-- YYYY-MM-DD.mdx …]`: records the SHA-256 of revisions that are
// published (all unsealed ones, or those named) in sealed.json, after the folder passes every check.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFolderOnDisk } from '../lib/notice/folder-node.ts';
import { sealRevisions } from '../lib/notice/scaffold-node.ts';
import { describeProblems, SEAL_MANIFEST } from '../lib/record/seal-node.ts';
import { buildDate, contentDir, SettingError } from '../lib/site/settings-node.ts';

const USAGE = `Usage: npm run revision:seal [-- YYYY-MM-DD.mdx …]

  Seals every revision not sealed yet, or only those named, in ${SEAL_MANIFEST}.`;

let named: string[];
try {
	// A path, as tab completion gives it, names its file.
	named = parseArgs({
		options: { help: { type: 'boolean', short: 'h' } },
		strict: true,
		allowPositionals: true,
	}).positionals.map((name) => basename(name));
	if (process.argv.includes('--help') || process.argv.includes('-h')) {
		console.log(USAGE);
		process.exit(0);
	}
} catch (error) {
	console.error(`${(error as Error).message}\n\n${USAGE}`);
	process.exit(2);
}

const folder = contentDir();
let today: string;
try {
	today = buildDate();
} catch (error) {
	if (!(error instanceof SettingError)) throw error;
	console.error(`${error.message}\n  Fix: ${error.hint}`);
	process.exit(1);
}
const check = checkFolderOnDisk(folder, { buildDate: today });
// An unsealed revision dated before today, or a new folder's missing manifest, is what sealing fixes.
const problems = check.problems.filter((problem) => problem.code !== 'seal');
if (problems.length > 0) {
	console.error(describeProblems(folder, problems));
	console.error('\nNothing was sealed: only a folder that builds can be sealed.');
	process.exit(1);
}
const unknown = named.filter(
	(name) => !check.revisions.some((revision) => revision.fileName === name || revision.published === name),
);
if (unknown.length > 0) {
	console.error(
		`${folder}: no revision named ${unknown.join(', ')}.\n  Fix: name revisions as YYYY-MM-DD.mdx, or name none to seal every unsealed one.`,
	);
	process.exit(1);
}
// Unnamed, a scheduled revision waits: sealing it now would freeze a draft before its day.
const waiting =
	named.length > 0 ? [] : check.scheduled.filter((revision) => !(revision.fileName in (check.sealed ?? {})));
const sealable = check.revisions.filter((revision) => !waiting.includes(revision));
const { manifest, added } = sealRevisions(check.sealed ?? undefined, sealable, named);
if (waiting.length > 0) {
	console.log(
		`Not sealed: ${waiting.map((revision) => revision.fileName).join(', ')}, scheduled for later. Seal it by name when its text is final (npm run revision:seal -- ${waiting[0]?.fileName}).`,
	);
}
if (added.length === 0 && check.sealed === undefined) {
	writeFileSync(join(check.path, SEAL_MANIFEST), '{}\n');
	console.log(`Created ${join(folder, SEAL_MANIFEST)}, with nothing sealed yet.`);
} else if (added.length === 0) {
	console.log(`Nothing to seal: every revision in ${folder} is sealed already.`);
} else {
	writeFileSync(join(check.path, SEAL_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	console.log(
		`Sealed ${added.join(', ')} in ${join(folder, SEAL_MANIFEST)}. Commit it with the revision: from now on the build refuses any change to ${added.length === 1 ? 'it' : 'them'}.`,
	);
}
