// `npm run revision:new -- --summary "…" [--date YYYY-MM-DD] [--effective YYYY-MM-DD]`:
// starts a new revision as a copy of the newest one, with its front matter filled in.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRevisionFile, warningsForFile } from '../lib/notice/check-node.ts';
import { checkFolderOnDisk } from '../lib/notice/folder-node.ts';
import { EditorCommandError, scaffoldRevision } from '../lib/notice/scaffold.ts';
import { describeProblems, formatProblem } from '../lib/record/seal-node.ts';
import { contentDir } from '../lib/site/settings-node.ts';
import { parseCommandLine, todayOrExit } from './command.ts';

const USAGE = `Usage: npm run revision:new -- --summary "What changed, in plain words." [--date YYYY-MM-DD] [--effective YYYY-MM-DD]

  --summary    what changed (required), shown on the notice, in the change log and the feed
  --date       the publication date (default: today, or NOTICE_BUILD_DATE); also the file name
  --effective  when the revision takes effect, if later than --date`;

const { values } = parseCommandLine(
	USAGE,
	{ summary: { type: 'string' }, date: { type: 'string' }, effective: { type: 'string' } },
	false,
);

const folder = contentDir();
const today = todayOrExit();
const date = values.date ?? today;
if (existsSync(join(folder, `${date}.mdx`))) {
	console.error(
		`${folder}: ${date}.mdx already exists: there is a revision published on ${date}.\n  Fix: edit that file if it is not sealed yet, or give another date with --date YYYY-MM-DD.`,
	);
	process.exit(1);
}
const check = checkFolderOnDisk(folder, { buildDate: today });
if (check.problems.length > 0) {
	console.error(describeProblems(folder, check.problems));
	console.error('\nFix these first: a new revision starts from a folder that builds.');
	process.exit(1);
}

try {
	const { fileName, source } = scaffoldRevision(check.revisions, {
		date,
		today,
		summary: values.summary ?? '',
		effective: values.effective,
	});
	const path = join(folder, fileName);
	// What the build would refuse in the new file itself (a summary with an invisible character) is refused before it exists.
	const own = checkRevisionFile({ fileName, bytes: Buffer.from(source) });
	if (!own.ok) {
		console.error(describeProblems(folder, own.problems));
		process.exit(1);
	}
	writeFileSync(path, source, { flag: 'wx' });
	console.log(`Created ${path}, a copy of ${check.revisions.at(-1)?.fileName} with the front matter filled in.

Next:
  1. Edit the text in ${path}. (The build refuses an unchanged copy.)
  2. Preview it: npm run dev, then open http://localhost:4321/tietosuojaseloste/${date}/
  3. When it is final, seal it: npm run revision:seal -- ${fileName}
  4. Commit both files (${fileName} and sealed.json) and publish.`);
	const warnings = warningsForFile({ fileName, bytes: Buffer.from(source) });
	if (warnings.length > 0) {
		console.log(
			`\nWarning, to fix while you edit:\n${warnings.map((warning) => formatProblem(warning, folder)).join('\n')}`,
		);
	}
} catch (error) {
	if (!(error instanceof EditorCommandError)) throw error;
	console.error(`${folder}: ${error.message}\n  Fix: ${error.hint}`);
	process.exit(1);
}
