// `npm run revision:new -- --summary "…" [--date YYYY-MM-DD] [--effective YYYY-MM-DD]`:
// starts a new revision as a copy of the newest one, with its front matter filled in.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { todayInHelsinki } from '../lib/dates.ts';
import { checkFolderOnDisk, describeProblems } from '../lib/revision-folder.ts';
import { EditorCommandError, scaffoldRevision } from '../lib/revision-scaffold.ts';
import { contentDir } from '../lib/site-settings.ts';

const { values } = parseArgs({
	options: {
		summary: { type: 'string' },
		date: { type: 'string' },
		effective: { type: 'string' },
	},
});
const folder = contentDir();
const date = values.date ?? todayInHelsinki();
if (existsSync(join(folder, `${date}.mdx`))) {
	console.error(
		`${folder}: ${date}.mdx already exists: there is a revision published on ${date}.\n  Fix: edit that file if it is not sealed yet, or give another date with --date YYYY-MM-DD.`,
	);
	process.exit(1);
}
const check = checkFolderOnDisk(folder);
if (check.problems.length > 0) {
	console.error(describeProblems(folder, check));
	console.error('\nFix these first: a new revision starts from a folder that builds.');
	process.exit(1);
}

try {
	const { fileName, source } = scaffoldRevision(check.revisions, {
		date,
		summary: values.summary ?? '',
		effective: values.effective,
	});
	const path = join(folder, fileName);
	writeFileSync(path, source, { flag: 'wx' });
	console.log(`Created ${path}, a copy of ${check.revisions.at(-1)?.fileName} with the front matter filled in.

Next:
  1. Edit the text in ${path}. (The build refuses an unchanged copy.)
  2. Preview it: npm run dev, then open http://localhost:4321/tietosuojaseloste/${date}/
  3. When it is final, seal it: npm run revision:seal -- ${fileName}
  4. Commit both files (${fileName} and sealed.json) and publish.`);
} catch (error) {
	if (!(error instanceof EditorCommandError)) throw error;
	console.error(`${folder}: ${error.message}\n  Fix: ${error.hint}`);
	process.exit(1);
}
