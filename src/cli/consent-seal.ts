// `npm run consent:seal [-- YYYY-MM-DD.yaml …]`: records the SHA-256 of versions of the cookie
// information (all unsealed ones, or those named) in sealed.json, after the folder passes every
// check: the notice's sealing (revision:seal), for content/evasteet/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkConsentFolder } from '../lib/consent/check-node.ts';
import { readConsentFolder } from '../lib/consent/versions-node.ts';
import { addSeals, describeProblems, SEAL_MANIFEST } from '../lib/record/seal-node.ts';
import { buildDate, consentDir, SettingError } from '../lib/site/settings-node.ts';

const USAGE = `Usage: npm run consent:seal [-- YYYY-MM-DD.yaml …]

  Seals every version of the cookie information not sealed yet, or only those named, in ${SEAL_MANIFEST}.`;

let named: string[];
try {
	named = parseArgs({
		options: { help: { type: 'boolean', short: 'h' } },
		strict: true,
		allowPositionals: true,
	}).positionals;
	if (process.argv.includes('--help') || process.argv.includes('-h')) {
		console.log(USAGE);
		process.exit(0);
	}
} catch (error) {
	console.error(`${(error as Error).message}\n\n${USAGE}`);
	process.exit(2);
}

const folder = consentDir();
let today: string;
try {
	today = buildDate();
} catch (error) {
	if (!(error instanceof SettingError)) throw error;
	console.error(`${error.message}\n  Fix: ${error.hint}`);
	process.exit(1);
}
const read = readConsentFolder(folder);
const check = read.exists
	? checkConsentFolder(read.files, { sealed: read.sealed, buildDate: today, folder })
	: { problems: [], versions: [], scheduled: [] };
// An unsealed version dated before today, or a new folder's missing manifest, is what sealing fixes.
const problems = [...read.problems, ...check.problems.filter((problem) => problem.code !== 'seal')];
if (problems.length > 0) {
	console.error(describeProblems(folder, problems));
	console.error('\nNothing was sealed: only a folder that builds can be sealed.');
	process.exit(1);
}
const versions = [...check.versions, ...check.scheduled];
const unknown = named.filter((name) => !versions.some((version) => version.fileName === name || version.date === name));
if (unknown.length > 0) {
	console.error(
		`${folder}: no version named ${unknown.join(', ')}.\n  Fix: name versions as YYYY-MM-DD.yaml (or .json), or name none to seal every unsealed one.`,
	);
	process.exit(1);
}
// Unnamed, a scheduled version waits: sealing it now would freeze a draft before its day.
const waiting = named.length > 0 ? [] : check.scheduled.filter((version) => !(version.fileName in (read.sealed ?? {})));
const sealable = versions.filter((version) => !waiting.includes(version));
const { manifest, added } = addSeals(
	read.sealed ?? undefined,
	sealable.map(({ fileName, date, sha256 }) => ({ fileName, date, sha256 })),
	named,
);
if (waiting.length > 0) {
	console.log(
		`Not sealed: ${waiting.map((version) => version.fileName).join(', ')}, scheduled for later. Seal it by name when it is final (npm run consent:seal -- ${waiting[0]?.fileName}).`,
	);
}
if (added.length === 0 && read.sealed === undefined) {
	writeFileSync(join(read.path, SEAL_MANIFEST), '{}\n');
	console.log(`Created ${join(folder, SEAL_MANIFEST)}, with nothing sealed yet.`);
} else if (added.length === 0) {
	console.log(`Nothing to seal: every version in ${folder} is sealed already.`);
} else {
	writeFileSync(join(read.path, SEAL_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	console.log(
		`Sealed ${added.join(', ')} in ${join(folder, SEAL_MANIFEST)}. Commit it with the version: from now on the build refuses any change to ${added.length === 1 ? 'it' : 'them'}.`,
	);
}
