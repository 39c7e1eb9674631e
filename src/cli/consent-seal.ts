// `npm run consent:seal [-- YYYY-MM-DD.yaml …]`: records the SHA-256 of versions of the cookie
// information (all unsealed ones, or those named) in sealed.json, after the folder passes every
// check: the notice's sealing (revision:seal), for content/evasteet/.
import { checkConsentFolder } from '../lib/consent/check-node.ts';
import { readConsentFolder } from '../lib/consent/versions-node.ts';
import { SEAL_MANIFEST } from '../lib/record/seal-node.ts';
import { consentDir } from '../lib/site/settings-node.ts';
import { parseCommandLine, sealFolder, todayOrExit } from './command.ts';

const USAGE = `Usage: npm run consent:seal [-- YYYY-MM-DD.yaml …]

  Seals every version of the cookie information not sealed yet, or only those named, in ${SEAL_MANIFEST}.`;

const named = parseCommandLine(USAGE, {}, true).positionals;
const folder = consentDir();
const today = todayOrExit();
const read = readConsentFolder(folder);
const check = read.exists
	? checkConsentFolder(read.files, { sealed: read.sealed, buildDate: today, folder })
	: { problems: [], versions: [], scheduled: [] };
const asSealable = ({ fileName, date, sha256 }: (typeof check.versions)[number]) => ({ fileName, date, sha256 });
sealFolder({
	folder,
	path: read.path,
	// An unsealed version dated before today, or a new folder's missing manifest, is what sealing fixes.
	problems: [...read.problems, ...check.problems.filter((problem) => problem.code !== 'seal')],
	files: [...check.versions, ...check.scheduled].map(asSealable),
	scheduled: check.scheduled.map(asSealable),
	sealed: read.sealed ?? undefined,
	named,
	noun: 'version',
	namingFix: 'name versions as YYYY-MM-DD.yaml (or .json), or name none to seal every unsealed one.',
	finalWhen: 'it is final',
	command: 'npm run consent:seal',
});
