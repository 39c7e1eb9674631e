// `npm run revision:seal [-- YYYY-MM-DD.mdx …]`: records the SHA-256 of revisions that are
// published (all unsealed ones, or those named) in sealed.json, after the folder passes every check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEAL_MANIFEST } from '../lib/revision-check.ts';
import { checkFolderOnDisk, describeProblems } from '../lib/revision-folder.ts';
import { sealRevisions } from '../lib/revision-scaffold.ts';
import { contentDir } from '../lib/site-settings.ts';

const folder = contentDir();
const check = checkFolderOnDisk(folder);
if (check.problems.length > 0) {
	console.error(describeProblems(folder, check));
	console.error('\nNothing was sealed: only a folder that builds can be sealed.');
	process.exit(1);
}
const named = process.argv.slice(2);
const unknown = named.filter(
	(name) => !check.revisions.some((revision) => revision.fileName === name || revision.published === name),
);
if (unknown.length > 0) {
	console.error(`${folder}: no revision named ${unknown.join(', ')}.\n  Fix: name revisions as YYYY-MM-DD.mdx, or name none to seal every unsealed one.`);
	process.exit(1);
}
const { manifest, added } = sealRevisions(check.sealed, check.revisions, named);
if (added.length === 0) {
	console.log(`Nothing to seal: every revision in ${folder} is sealed already.`);
} else {
	writeFileSync(join(check.path, SEAL_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	console.log(`Sealed ${added.join(', ')} in ${join(folder, SEAL_MANIFEST)}. Commit it with the revision: from now on the build refuses any change to ${added.length === 1 ? 'it' : 'them'}.`);
}
