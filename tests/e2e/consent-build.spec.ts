// The real build, run on a copy of the cookie information as a careless editor or an attacker
// would leave it: a published version edited and sealed again, checked against what the site
// published; a field misspelt. Both are refused before anything is built, naming the file.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../../src/lib/record/seal-node.ts';
import { buildSite } from '../support/build-sites.ts';
import { siteOutDir } from '../support/sites.ts';
import { expect, test } from './fixtures.ts';

const THREE = 'tests/fixtures/three-revisions';
const BUILD_DATE = '2026-11-25';

/** A scratch copy of content/evasteet, with its first version changed by `edit`. */
function editedCopy(edit: (text: string) => string): { folder: string; file: string } {
	const folder = join(mkdtempSync(join(tmpdir(), 'evasteet-')), 'evasteet');
	cpSync('content/evasteet', folder, { recursive: true });
	const file = join(folder, '2026-11-25.yaml');
	writeFileSync(file, edit(readFileSync(file, 'utf8')));
	return { folder, file };
}

const scratchOut = () => join(mkdtempSync(join(tmpdir(), 'evasteet-out-')), 'dist');

test.describe.configure({ mode: 'serial' });

test('a published version edited and sealed again is refused against the published versiot.json, and nothing is published', () => {
	test.setTimeout(300_000);
	const { folder, file } = editedCopy((text) => text.replace('title: Evästeet ja seuranta', 'title: Evästeet'));
	// The attacker rewrites the seal too: only the published site still vouches for the original.
	writeFileSync(
		join(folder, 'sealed.json'),
		`${JSON.stringify({ '2026-11-25.yaml': sha256(readFileSync(file)) }, null, '\t')}\n`,
	);
	const witness = join(siteOutDir('published'), 'evasteet/versiot.json');
	const published = JSON.parse(readFileSync(witness, 'utf8')).versions[0].sha256 as string;
	const out = scratchOut();
	const result = buildSite({ contentDir: THREE, consentDir: folder, buildDate: BUILD_DATE }, out, {
		CONSENT_PUBLISHED_VERSIONS: witness,
	});
	expect(result.status).toBe(1);
	expect(result.output).toContain(
		`${folder}/2026-11-25.yaml: 2026-11-25.yaml differs from what was published: ${witness} gives SHA-256 ${published}, the file has ${sha256(readFileSync(file))}.`,
	);
	expect(result.output).toContain('the README section "Changing the cookie information" explains each message.');
	expect(existsSync(out)).toBe(false);

	// Without the witness the re-sealed edit would pass: that is why every deploy sets it.
	const unwitnessed = buildSite({ contentDir: THREE, consentDir: folder, buildDate: BUILD_DATE }, scratchOut());
	expect(unwitnessed.status, unwitnessed.output).toBe(0);
});

test('a misspelt field is refused with the file, the field and the fix, and no stack', () => {
	test.setTimeout(120_000);
	const { folder } = editedCopy((text) =>
		text.replace('    provider: Google Ireland Limited', '    provder: Google Ireland Limited'),
	);
	const out = scratchOut();
	const result = buildSite({ contentDir: THREE, consentDir: folder, buildDate: BUILD_DATE }, out);
	expect(result.status).toBe(1);
	expect(result.output).toContain(
		`${folder}/2026-11-25.yaml: "categories[1].services[0].provder" (category "analytics", service "ga4") is not a field the format has.\n  Fix: use only these fields here: id, name, provider, script, privacyPolicy, hosts, cookies. Check the spelling of "provder".`,
	);
	expect(result.output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
	expect(existsSync(out)).toBe(false);
});
