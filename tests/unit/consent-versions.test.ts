// The cookie information as content: each refusal of a version file with the exact message an
// editor reads, the folder's rules (seals, scheduling, one version a day, real changes only),
// and the decision whether a new version asks visitors again.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { consentRevision, type ConsentDeclaration } from '../../src/lib/consent/declaration.ts';
import {
	checkConsentFile,
	checkConsentFolder,
	materialChanges,
	publishedHistory,
	type CheckedVersion,
	type ConsentFile,
} from '../../src/lib/consent/check-node.ts';
import { versionSource, widgetSource } from '../../src/lib/consent/history.ts';
import {
	checkConsentHistory,
	listPublishedConsentVersions,
	readConsentFolder,
} from '../../src/lib/consent/versions-node.ts';
import { formatProblem, sha256 as sha256Bytes, type SealManifest } from '../../src/lib/record/seal-node.ts';
import { siteConsent } from '../support/consent.ts';

const FOLDER = 'content/evasteet';
const REAL = readFileSync(`${FOLDER}/2026-11-25.yaml`);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a version as an editor writes it, to spoil field by field
type Data = any;
const base: Data = yaml.load(REAL.toString('utf8'), { schema: yaml.CORE_SCHEMA });
const encode = (text: string) => new TextEncoder().encode(text);

/** A version file holding the real first version changed by `change`, dated `date`, with `summary` (null: none). */
function version(
	date: string,
	change: (data: Data) => void = () => {},
	summary: string | null = 'Muutos.',
): ConsentFile {
	const data = structuredClone(base);
	data.published = date;
	if (summary === null) delete data.summary;
	else data.summary = summary;
	change(data);
	return { fileName: `${date}.yaml`, bytes: encode(yaml.dump(data)) };
}

/** The messages an editor reads for one file, as the build prints them. */
const fileMessages = (file: ConsentFile) => {
	const result = checkConsentFile(file);
	return result.ok ? [] : result.problems.map((problem) => formatProblem(problem, FOLDER));
};

/** The messages for a folder as of `date`. */
const folderMessages = (files: ConsentFile[], sealed: SealManifest | undefined, date: string) =>
	checkConsentFolder(files, { sealed, buildDate: date, folder: FOLDER }).problems.map((problem) =>
		formatProblem(problem, FOLDER),
	);

const sealOf = (...files: ConsentFile[]): SealManifest =>
	Object.fromEntries(files.map((file) => [file.fileName, sha256Bytes(file.bytes)]));

describe('a version file is refused, with a message that names the file and the field', () => {
	/** The messages for the real first version, dated 2026-12-01 and changed by `change`. */
	const messagesWith = (change: (data: Data) => void) => fileMessages(version('2026-12-01', change));
	/** The messages for the text `content` under the name `fileName`. */
	const messagesOf = (fileName: string, content: string | Uint8Array) =>
		fileMessages({ fileName, bytes: typeof content === 'string' ? encode(content) : content });

	it('an unknown field', () => {
		expect(messagesWith((d) => void (d.sumary = 'Muutos.'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "sumary" is not a field the format has.
			  Fix: use only these fields: published, summary, consentCookie, categories, texts. Check the spelling of "sumary".",
			]
		`);
	});

	it('an unknown field of a service', () => {
		expect(messagesWith((d) => void (d.categories[1].services[0].provder = 'Google'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].services[0].provder" (category "analytics", service "ga4") is not a field the format has.
			  Fix: use only these fields here: id, name, provider, script, privacyPolicy, hosts, cookies. Check the spelling of "provder".",
			]
		`);
	});

	it('a missing purpose', () => {
		expect(messagesWith((d) => void delete d.categories[0].purpose)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[0].purpose" (category "necessary") is missing.
			  Fix: add it: what the visitor consents to, in Finnish: purpose: Mittaamme, miten sivustoa käytetään.",
			]
		`);
	});

	it('a missing group of texts', () => {
		expect(messagesWith((d) => void delete d.texts.lifetimes)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.lifetimes" is missing.
			  Fix: add it: how lifetimes are written: day, days, month and months",
			]
		`);
	});

	it('a yes for true', () => {
		expect(messagesWith((d) => void (d.categories[1].refusable = 'yes'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].refusable" (category "analytics") is "yes", which must be true or false.
			  Fix: write true when a visitor may refuse the category; false only for what the site cannot work without",
			]
		`);
	});

	it('an empty button label', () => {
		expect(messagesWith((d) => void (d.texts.buttons.acceptAll = '  '))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.buttons.acceptAll" is "  ", which must not be empty.
			  Fix: write the button that accepts every category: acceptAll: Hyväksy kaikki",
			]
		`);
	});

	it('a lifetime of no days', () => {
		expect(messagesWith((d) => void (d.categories[1].services[0].cookies[0].lifetimeDays = 0))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].services[0].cookies[0].lifetimeDays" (category "analytics", service "ga4", cookie "_ga") is 0, which must be at least 1.
			  Fix: write how long the cookie stays, in whole days: lifetimeDays: 395",
			]
		`);
	});

	it('a lifetime of part of a day', () => {
		const change = (d: Data) => void (d.categories[1].services[0].cookies[0].lifetimeDays = 1.5);
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].services[0].cookies[0].lifetimeDays" (category "analytics", service "ga4", cookie "_ga") is 1.5, which must be a whole number of days.
			  Fix: write how long the cookie stays, in whole days: lifetimeDays: 395",
			]
		`);
	});

	it('a script over http', () => {
		const change = (d: Data) => void (d.categories[1].services[0].script = 'http://www.googletagmanager.com/gtag/js');
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].services[0].script" (category "analytics", service "ga4") is "http://www.googletagmanager.com/gtag/js", which must be an https:// address.
			  Fix: write the one script the service loads after consent: script: https://…",
			]
		`);
	});

	it('a host with a path, which would open more than the origin', () => {
		const change = (d: Data) =>
			void (d.categories[1].services[0].hosts.connect[0] = 'https://www.google-analytics.com/g/collect');
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].services[0].hosts.connect[0]" (category "analytics", service "ga4") is "https://www.google-analytics.com/g/collect", which must be an https origin such as https://host.example (no path, no wildcard).
			  Fix: write the origins the service reaches with fetch and beacons, each as https://host.example",
			]
		`);
	});

	it('an unknown Consent Mode signal', () => {
		expect(messagesWith((d) => void (d.categories[1].consentMode = ['analytics']))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].consentMode[0]" (category "analytics") is "analytics", which must be one of analytics_storage, ad_storage, ad_user_data, ad_personalization.
			  Fix: write the Google Consent Mode signals granted with the category, from analytics_storage, ad_storage, ad_user_data, ad_personalization",
			]
		`);
	});

	it('a category id with capitals', () => {
		expect(messagesWith((d) => void (d.categories[1].id = 'Analytics'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories[1].id" (category "Analytics") is "Analytics", which must be a short key of lower-case letters, digits and "-".
			  Fix: write a short key for the category, as the consent record stores it: id: analytics",
			]
		`);
	});

	it('no categories', () => {
		expect(messagesWith((d) => void (d.categories = []))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "categories" is [], which must list at least one category.
			  Fix: write the categories, each with id, name, purpose, refusable, services and cookies",
			]
		`);
	});

	it('a date that is not the file name', () => {
		expect(messagesWith((d) => void (d.published = '2026-12-02'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "published" is 2026-12-02 but the file is named 2026-12-01.yaml.
			  Fix: the date and the file name must be the same day: rename the file or correct the date.",
			]
		`);
	});

	it('a date that does not exist', () => {
		expect(messagesWith((d) => void (d.published = '2026-02-30'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "published" is "2026-02-30", which is not a real date.
			  Fix: write the day the version is shown from, the same as the file name: published: 2026-11-25",
			]
		`);
	});

	it('two categories with one id', () => {
		expect(messagesWith((d) => void (d.categories[2].id = 'analytics'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: there are two categories with the id "analytics".
			  Fix: give each category its own id, or merge the two.",
			]
		`);
	});

	it('two services with one id', () => {
		expect(messagesWith((d) => void (d.categories[2].services[0].id = 'ga4'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: there are two services with the id "ga4", in category "analytics" and in category "marketing".
			  Fix: give each service its own id, or list it once.",
			]
		`);
	});

	it('a cookie listed twice', () => {
		expect(messagesWith((d) => void (d.categories[2].services[0].cookies[0].name = '_ga'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the cookie "_ga" is listed twice, in service "ga4" and in service "meta-pixel".
			  Fix: list each cookie once, under the service (or category) that sets it.",
			]
		`);
	});

	it('a third party in the category that cannot be refused', () => {
		const change = (d: Data) => {
			d.categories[0].services = d.categories[1].services;
			d.categories[1].services = [];
		};
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: category "necessary" cannot be refused but lets third parties run (ga4).
			  Fix: a category that cannot be refused runs nothing of a third party: move the services to a category a visitor can refuse.",
			]
		`);
	});

	it('GPC refusing what cannot be refused', () => {
		expect(messagesWith((d) => void (d.categories[0].refusedByGpc = true))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: category "necessary" cannot be refused but has "refusedByGpc: true".
			  Fix: only a category a visitor can refuse is refused by Global Privacy Control or grants Consent Mode signals: set refusable: true, or remove the field.",
			]
		`);
	});

	it('one signal in two categories', () => {
		expect(messagesWith((d) => void d.categories[2].consentMode.push('analytics_storage'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the Consent Mode signal analytics_storage is in both category "analytics" and category "marketing".
			  Fix: each signal follows one category: remove it from one of them.",
			]
		`);
	});

	it('a script whose host the CSP would block', () => {
		expect(messagesWith((d) => void (d.categories[1].services[0].hosts.script = []))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the script of service "ga4" is on https://www.googletagmanager.com, which its hosts.script does not list.
			  Fix: add https://www.googletagmanager.com to hosts.script of service "ga4": the site's Content-Security-Policy allows only the hosts listed.",
			]
		`);
	});

	it('a consent cookie that is not declared', () => {
		expect(messagesWith((d) => void (d.consentCookie = 'cc_consent'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the consent cookie "cc_consent" is not among the cookies of any category.
			  Fix: list it, with its lifetime and purpose, under "cookies" of the category that cannot be refused.",
			]
		`);
	});

	it('a consent cookie that can be refused', () => {
		const change = (d: Data) => {
			d.categories[1].cookies = d.categories[0].cookies;
			d.categories[0].cookies = [];
		};
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the consent cookie "cc_cookie" is in category "analytics", which can be refused.
			  Fix: the record of a choice is strictly necessary: list it under the category with refusable: false.",
			]
		`);
	});

	it('a choice kept for a year', () => {
		expect(messagesWith((d) => void (d.categories[0].cookies[0].lifetimeDays = 365))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the consent cookie "cc_cookie" is kept 365 days, more than six months.
			  Fix: a choice is kept six months at most: give it its exact name and lifetimeDays of 183 or less (182 is the usual).",
			]
		`);
	});

	it('a misspelt placeholder', () => {
		const change = (d: Data) =>
			void (d.texts.banner.description = d.texts.banner.description.replace('{optional}', '{optinal}'));
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.banner.description" has the placeholder {optinal}, which the site does not fill there.
			  Fix: use only {optional} in this text; check the spelling.",
			  "content/evasteet/2026-12-01.yaml: "texts.banner.description" has no {optional}.
			  Fix: write {optional} where it belongs: the banner's text; {optional} is replaced by the optional categories and their services",
			]
		`);
	});

	it('a placeholder where there is none', () => {
		expect(messagesWith((d) => void (d.texts.banner.title = 'Evästeet {site}'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.banner.title" has the placeholder {site}, which the site does not fill there.
			  Fix: this text has no placeholders: write it out, without braces.",
			]
		`);
	});

	it('HTML the widget would write as it is', () => {
		const change = (d: Data) => void (d.texts.preferences.intro = '<b>Valitse</b>, mitä sallit.');
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.preferences.intro" contains "<b>", HTML the banner does not allow.
			  Fix: write plain text: the only HTML allowed is <a href="{…}">…</a> with one of the text's own addresses, and <strong>…</strong>.",
			]
		`);
	});

	it('a link to somewhere else than its own addresses', () => {
		const change = (d: Data) =>
			void (d.texts.banner.links = '<a href="https://example.com/">Evästeet</a> {cookiesPath} {noticePath}');
		expect(messagesWith(change)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "texts.banner.links" contains "<a href="https://example.com/">", HTML the banner does not allow.
			  Fix: write plain text: the only HTML allowed is <a href="{…}">…</a> with one of the text's own addresses, and <strong>…</strong>.",
			]
		`);
	});

	it('a name that is not a date', () => {
		expect(messagesOf('evasteet.yaml', REAL.toString('utf8'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/evasteet.yaml: the file name is not a date.
			  Fix: name the file after the day the version is shown from, as YYYY-MM-DD.yaml or YYYY-MM-DD.json (for example 2026-11-25.yaml).",
			]
		`);
	});

	it('a .yml file', () => {
		expect(messagesOf('2026-11-25.yml', REAL.toString('utf8'))).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yml: the file name is not a date.
			  Fix: name the file after the day the version is shown from, as YYYY-MM-DD.yaml or YYYY-MM-DD.json (for example 2026-11-25.yaml).",
			]
		`);
	});

	it('YAML that does not parse, with its line', () => {
		const content = 'published: 2026-11-25\ncategories:\n  - id: a\n    name: [x\n    purpose: y\n';
		expect(messagesOf('2026-11-25.yaml', content)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml:5: the file is not valid YAML (missed comma between flow collection entries).
			  Fix: write each field on its own line as "field: value", indent lists with "- " consistently, and quote a text that contains ": " or starts with "{".",
			]
		`);
	});

	it('a field written twice', () => {
		expect(messagesOf('2026-11-25.yaml', 'published: 2026-11-25\npublished: 2026-11-26\n')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml:2: the file is not valid YAML (duplicated mapping key).
			  Fix: a field is written twice at the same level: keep one of them.",
			]
		`);
	});

	it('JSON that does not parse', () => {
		expect(messagesOf('2026-11-25.json', '{ "published": "2026-11-25", }')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.json: the file is not valid JSON (Expected double-quoted property name in JSON at position 29 (line 1 column 30)).
			  Fix: check the commas, quotes and brackets around the place named, or write the version as YAML instead.",
			]
		`);
	});

	it('a list instead of fields', () => {
		expect(messagesOf('2026-11-25.yaml', '- published: 2026-11-25\n')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: the file is not a list of fields.
			  Fix: start with "published: YYYY-MM-DD" and write each field on its own line.",
			]
		`);
	});

	it('a byte that is not UTF-8, with its offset', () => {
		const content = new Uint8Array([...encode('published: 2026-11-25\nsummary: Ev'), 0xe4, ...encode('steet\n')]);
		expect(messagesOf('2026-11-25.yaml', content)).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml:2: the file is not UTF-8 text: byte 33 (0xE4) is not part of any character.
			  Fix: save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8), then check the letters around that place.",
			]
		`);
	});

	it('accepts the same version written as JSON, and takes its fingerprint over the bytes', () => {
		const bytes = encode(JSON.stringify(base));
		const result = checkConsentFile({ fileName: '2026-11-25.json', bytes });
		expect(result.ok && result.version.sha256).toBe(sha256Bytes(bytes));
		expect(result.ok && result.version.format).toBe('json');
	});
});

describe('the folder as a whole', () => {
	const first = version('2026-11-25', () => {}, 'Ensimmäinen.');
	const wording = version('2026-12-01', (d) => void (d.texts.banner.title = 'Evästeet'));
	const twin = { fileName: '2026-11-25.json', bytes: encode(JSON.stringify({ ...base, summary: 'Kopio.' })) };

	it('refuses no versions at all', () => {
		expect(folderMessages([], {}, '2026-12-02')).toMatchInlineSnapshot(`
			[
			  "content/evasteet: the folder holds no versions of the cookie information.
			  Fix: add the cookie information as YYYY-MM-DD.yaml, or point CONSENT_CONTENT_DIR at a folder that has versions.",
			]
		`);
	});

	it('refuses two versions on one day', () => {
		expect(folderMessages([first, twin], sealOf(first, twin), '2026-12-02')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml and 2026-11-25.json are both dated 2026-11-25.
			  Fix: each day has at most one version: delete one of the two files, or merge them.",
			]
		`);
	});

	it('refuses a later version without a summary', () => {
		const files = [first, version('2026-12-01', (d) => void (d.texts.banner.title = 'Evästeet'), null)];
		expect(folderMessages(files, sealOf(first), '2026-12-01')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: "summary" is missing.
			  Fix: add it: what changed since the previous version, in plain Finnish, in quotes: summary: "…"",
			]
		`);
	});

	it('refuses a version that changes nothing', () => {
		expect(folderMessages([first, version('2026-12-01')], sealOf(first), '2026-12-01')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: the version is identical to the previous one, 2026-11-25.yaml.
			  Fix: a new version must change something a visitor is shown: edit it, or delete the file if nothing changed.",
			]
		`);
	});

	it('refuses no seal manifest', () => {
		expect(folderMessages([first], undefined, '2026-12-02')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/sealed.json: the seal manifest is missing, so nothing published would be protected.
			  Fix: restore it from version control (git checkout -- content/evasteet/sealed.json).",
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml was published on 2026-11-25, before the build date 2026-12-02, but is not sealed.
			  Fix: if this is the text that went online that day, seal it (npm run consent:seal -- 2026-11-25.yaml) and commit sealed.json with it; if it never went online, date it the day it will be published.",
			]
		`);
	});

	it('refuses a sealed version that changed', () => {
		const files = [{ ...first, bytes: encode(`${new TextDecoder().decode(first.bytes)} `) }];
		// The fingerprints by name: the files are js-yaml's output, whose bytes are not ours to pin.
		const named = folderMessages(files, sealOf(first), '2026-12-02').map((message) =>
			message
				.replace(sha256Bytes(first.bytes), '<sealed SHA-256>')
				.replace(sha256Bytes(files[0]!.bytes), '<SHA-256 of the edited file>'),
		);
		expect(named).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml was published and cannot change (sealed SHA-256 <sealed SHA-256>, the file now <SHA-256 of the edited file>).
			  Fix: undo the edit (git checkout -- content/evasteet/2026-11-25.yaml); to change it, make a new version: copy the newest file, name the copy after the day it is shown from, and edit it.",
			]
		`);
	});

	it('refuses a sealed version that is gone', () => {
		expect(folderMessages([wording], sealOf(first, wording), '2026-12-02')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml was published and cannot be removed.
			  Fix: restore it from version control (git checkout -- content/evasteet/2026-11-25.yaml); to change it, make a new version: copy the newest file, name the copy after the day it is shown from, and edit it.",
			]
		`);
	});

	it('refuses a version in force since before the build date, not sealed', () => {
		expect(folderMessages([first, wording], sealOf(first), '2026-12-02')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-12-01.yaml: 2026-12-01.yaml was published on 2026-12-01, before the build date 2026-12-02, but is not sealed.
			  Fix: if this is the text that went online that day, seal it (npm run consent:seal -- 2026-12-01.yaml) and commit sealed.json with it; if it never went online, date it the day it will be published.",
			]
		`);
	});

	it('refuses nothing in force on the build date', () => {
		expect(folderMessages([first], {}, '2026-11-24')).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: no version is in force on the build date, 2026-11-24: the first, 2026-11-25.yaml, is dated later.
			  Fix: the site needs the cookie information from its first day: date the first version on or before the day it goes online.",
			]
		`);
	});

	it('lets a new folder, with nothing published yet, start its manifest with the seal command', () => {
		const [problem] = checkConsentFolder([wording], {
			sealed: undefined,
			buildDate: '2026-12-01',
			folder: FOLDER,
		}).problems;
		expect(problem && formatProblem(problem, FOLDER)).toMatchInlineSnapshot(`
			"content/evasteet/sealed.json: the seal manifest is missing, so nothing published would be protected.
			  Fix: create it: npm run consent:seal."
		`);
		expect(problem?.code).toBe('seal');
	});

	it('builds a version dated on the build date unsealed, and says so', () => {
		const check = checkConsentFolder([first, wording], {
			sealed: sealOf(first),
			buildDate: '2026-12-01',
			folder: FOLDER,
		});
		expect(check.problems).toEqual([]);
		expect(check.unsealed).toEqual(['2026-12-01.yaml']);
		expect(check.versions.map((entry) => entry.date)).toEqual(['2026-11-25', '2026-12-01']);
	});

	it('publishes nothing of a version dated after the build date, sealed or not', () => {
		for (const sealed of [sealOf(first), sealOf(first, wording)]) {
			const check = checkConsentFolder([first, wording], { sealed, buildDate: '2026-11-30', folder: FOLDER });
			expect(check.problems).toEqual([]);
			expect(check.versions.map((entry) => entry.date)).toEqual(['2026-11-25']);
			// Not even as the day the version in force gives way.
			expect(check.versions[0]!.until).toBeUndefined();
			expect(check.scheduled.map((entry) => [entry.date, entry.reasked])).toEqual([['2026-12-01', false]]);
		}
	});
});

describe('the published site as the witness', () => {
	const first = version('2026-11-25', () => {}, 'Ensimmäinen.');
	const published = {
		name: 'https://www.solinum.fi/evasteet/versiot.json',
		files: [{ fileName: first.fileName, sha256: sha256Bytes(first.bytes) }],
	};
	const witnessMessages = (files: ConsentFile[]) =>
		checkConsentFolder(files, {
			sealed: sealOf(...files),
			buildDate: '2026-12-02',
			folder: FOLDER,
			witness: published,
		}).problems.map((problem) => formatProblem(problem, FOLDER));

	it('refuses a published version that was edited and sealed again, naming both fingerprints', () => {
		const edited = version('2026-11-25', (d) => void (d.texts.banner.title = 'Evästeet'), 'Ensimmäinen.');
		const named = witnessMessages([edited]).map((message) =>
			message
				.replace(published.files[0]!.sha256, '<published SHA-256>')
				.replace(sha256Bytes(edited.bytes), '<SHA-256 of the edited file>'),
		);
		expect(named).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml differs from what was published: https://www.solinum.fi/evasteet/versiot.json gives SHA-256 <published SHA-256>, the file has <SHA-256 of the edited file>.
			  Fix: restore the published text (download it from its sourceUrl in https://www.solinum.fi/evasteet/versiot.json, or git checkout the commit that was deployed) and restore its seal; to change it, make a new version: copy the newest file, name the copy after the day it is shown from, and edit it.",
			]
		`);
	});

	it('refuses a published version that is gone, even from the manifest', () => {
		const later = version('2026-12-01', (d) => void (d.texts.banner.title = 'Evästeet'), 'Uusi.');
		expect(witnessMessages([later])).toMatchInlineSnapshot(`
			[
			  "content/evasteet/2026-11-25.yaml: 2026-11-25.yaml is published (https://www.solinum.fi/evasteet/versiot.json) but is missing from the folder.
			  Fix: restore it from version control (git checkout -- content/evasteet/2026-11-25.yaml); a published file cannot be removed.",
			]
		`);
	});

	it('passes the folder the site published, with later versions added', () => {
		expect(
			witnessMessages([first, version('2026-12-01', (d) => void (d.texts.banner.title = 'Evästeet'), 'Uusi.')]),
		).toEqual([]);
	});

	it("reads a published versiot.json: each version's file from its sourceUrl, and nothing that is not one", () => {
		const entry = {
			date: '2026-11-25',
			sourceUrl: 'https://www.solinum.fi/evasteet/2026-11-25/2026-11-25.yaml',
			sha256: 'a'.repeat(64),
		};
		expect(listPublishedConsentVersions({ current: '2026-11-25', versions: [entry] })).toEqual([
			{ fileName: '2026-11-25.yaml', sha256: 'a'.repeat(64) },
		]);
		for (const json of [
			{},
			{ versions: [] },
			{ versions: [{ ...entry, sha256: 'x' }] },
			{ versions: [{ ...entry, sourceUrl: 'https://x/evasteet/2026-11-24/2026-11-24.yaml' }] },
			{ revisions: [] },
			null,
		]) {
			expect(listPublishedConsentVersions(json)).toBeUndefined();
		}
	});

	it('tells a checkout that converted line endings from an edit', () => {
		const crlf = { ...first, bytes: encode(new TextDecoder().decode(first.bytes).replace(/\n/g, '\r\n')) };
		expect(folderMessages([crlf], sealOf(first), '2026-12-02')[0]).toMatchInlineSnapshot(`
			"content/evasteet/2026-11-25.yaml: 2026-11-25.yaml was published with LF line endings, and this copy has CRLF: its SHA-256 no longer matches the seal.
			  Fix: your Git converted the line endings (core.autocrlf): restore the file as committed with git checkout -- content/evasteet/2026-11-25.yaml; the repository's .gitattributes keeps it byte for byte from then on."
		`);
	});
});

describe('the folder on disk', () => {
	const folder = () => {
		const path = mkdtempSync(join(tmpdir(), 'evasteet-'));
		writeFileSync(join(path, '2026-11-25.yaml'), REAL);
		writeFileSync(join(path, 'sealed.json'), readFileSync(`${FOLDER}/sealed.json`));
		return path;
	};
	const messages = (path: string) =>
		readConsentFolder(path).problems.map((problem) => formatProblem(problem, 'evasteet'));
	/** The messages for the folder once `spoil` has been done to it, the temporary path written as evasteet. */
	const messagesAfter = (spoil: (path: string) => void) => {
		const path = folder();
		spoil(path);
		return messages(path).map((message) => message.replace(path, 'evasteet'));
	};

	it("reads the versions as bytes, ignoring editors' backup and swap files", () => {
		const path = folder();
		for (const name of ['2026-12-01.yaml~', '.2026-12-01.yaml.swp', '#2026-12-01.yaml#', '.DS_Store'])
			writeFileSync(join(path, name), 'x');
		const read = readConsentFolder(path);
		expect(read.problems).toEqual([]);
		expect(read.files.map((file) => file.fileName)).toEqual(['2026-11-25.yaml']);
		expect(sha256Bytes(read.files[0]!.bytes)).toBe(read.sealed!['2026-11-25.yaml']);
	});

	it('refuses a subfolder', () => {
		expect(messagesAfter((path) => mkdirSync(join(path, 'vanhat')))).toMatchInlineSnapshot(`
			[
			  "evasteet/vanhat: is a folder, and the folder holds no subfolders.
			  Fix: the folder holds only its dated files and sealed.json: move anything else elsewhere.",
			]
		`);
	});

	it('refuses a link to a file outside', () => {
		const spoil = (path: string) => symlinkSync('/etc/hostname', join(path, '2026-12-01.yaml'));
		expect(messagesAfter(spoil)).toMatchInlineSnapshot(`
			[
			  "evasteet/2026-12-01.yaml: is a symbolic link to /etc/hostname, outside the folder: what is published must be in the repository.
			  Fix: replace the link with the file itself (copy it into the folder), or delete the link.",
			]
		`);
	});

	it('refuses a link that leads nowhere', () => {
		const spoil = (path: string) => symlinkSync(join(path, 'ei-ole.yaml'), join(path, '2026-12-01.yaml'));
		expect(messagesAfter(spoil)).toMatchInlineSnapshot(`
			[
			  "evasteet/2026-12-01.yaml: is a symbolic link that leads nowhere.
			  Fix: delete the link, and put the file itself in the folder.",
			]
		`);
	});

	it('refuses a seal manifest that is not one', () => {
		const spoil = (path: string) => writeFileSync(join(path, 'sealed.json'), '{"2026-11-25.yaml": "x"}');
		expect(messagesAfter(spoil)).toMatchInlineSnapshot(`
			[
			  "evasteet/sealed.json: the seal manifest gives "2026-11-25.yaml" a value that is not a SHA-256 in lowercase hex.
			  Fix: restore it from version control (git checkout -- evasteet/sealed.json).",
			]
		`);
	});

	it('refuses a folder that does not exist', () => {
		const { problems } = checkConsentHistory('ei/ole', '2026-12-02');
		expect(problems.map((problem) => formatProblem(problem, 'ei/ole'))).toMatchInlineSnapshot(`
			[
			  "ei/ole: the folder of the cookie information does not exist.
			  Fix: set CONSENT_CONTENT_DIR to a folder of YYYY-MM-DD.yaml versions, or unset it to use content/evasteet.",
			]
		`);
	});
});

const parsed = checkConsentFile({ fileName: '2026-11-25.yaml', bytes: REAL }) as { ok: true; version: CheckedVersion };

/** The real first version's declaration, as checked, changed by `change` (a pure comparison needs no valid file). */
function declaration(change: (data: Data) => void = () => {}): ConsentDeclaration {
	const data = structuredClone(parsed.version.declaration) as Data;
	change(data);
	return data;
}

describe('asked again only when what visitors agree to changes', () => {
	const before = declaration();

	it.each<[string, (data: Data) => void, string[]]>([
		[
			'a new category',
			(d) =>
				void d.categories.push({
					...d.categories[1],
					id: 'personalization',
					services: [],
					cookies: [],
					consentMode: [],
				}),
			['category "personalization" was added'],
		],
		[
			'a category removed',
			(d) => void d.categories.splice(2, 1),
			[
				'category "marketing" was removed',
				'service "meta-pixel" was removed',
				'cookie "_fbp" was removed',
				'cookie "_fbc" was removed',
			],
		],
		[
			'a purpose',
			(d) => void (d.categories[1].purpose += ' Lisäksi profiloimme.'),
			['category "analytics": its purpose changed'],
		],
		[
			'whether a category can be refused',
			(d) => void (d.categories[1].refusable = false),
			['category "analytics": it can no longer be refused'],
		],
		[
			'what GPC refuses',
			(d) => void (d.categories[1].refusedByGpc = true),
			['category "analytics": Global Privacy Control now refuses it'],
		],
		[
			'a Consent Mode signal',
			(d) => void d.categories[1].consentMode.push('ad_storage'),
			['category "analytics": its Consent Mode signals changed'],
		],
		[
			'a new service',
			(d) => void d.categories[1].services.push({ ...d.categories[1].services[0], id: 'matomo', cookies: [] }),
			['service "matomo" was added'],
		],
		[
			'a service moved to another category',
			(d) => void d.categories[2].services.push(d.categories[1].services.pop()),
			['service "ga4" moved from category "analytics" to "marketing"'],
		],
		[
			'a provider',
			(d) => void (d.categories[2].services[0].provider = 'Meta Platforms, Inc.'),
			['service "meta-pixel": its provider changed from "Meta Platforms Ireland Limited" to "Meta Platforms, Inc."'],
		],
		[
			'a script',
			(d) => void (d.categories[1].services[0].script += '&l=dataLayer2'),
			['service "ga4": its script changed'],
		],
		[
			'a host',
			(d) => void d.categories[2].services[0].hosts.img.push('https://www.facebook.net'),
			['service "meta-pixel": its img hosts changed'],
		],
		[
			'a new cookie',
			(d) =>
				void d.categories[1].services[0].cookies.push({
					name: '_gid',
					prefix: false,
					lifetimeDays: 1,
					purpose: 'Erottaa kävijät.',
				}),
			['cookie "_gid" was added'],
		],
		[
			'a cookie moved to another service',
			(d) => void d.categories[2].services[0].cookies.push(d.categories[1].services[0].cookies.pop()),
			['cookie "_ga_5LQ8XK2W7N" moved from service "ga4" to service "meta-pixel"'],
		],
		[
			'a cookie lifetime',
			(d) => void (d.categories[1].services[0].cookies[0].lifetimeDays = 730),
			['cookie "_ga": its lifetime changed from 395 to 730 days'],
		],
		[
			'a cookie that became a prefix',
			(d) => void (d.categories[1].services[0].cookies[1].prefix = true),
			['cookie "_ga_5LQ8XK2W7N" became a prefix'],
		],
		[
			'the consent cookie',
			(d) => {
				d.consentCookie = 'cc_consent';
				d.categories[0].cookies[0].name = 'cc_consent';
			},
			[
				'the consent cookie changed from "cc_cookie" to "cc_consent"',
				'cookie "cc_consent" was added',
				'cookie "cc_cookie" was removed',
			],
		],
	])('%s is material', (_, change, expected) => {
		const after = declaration(change);
		expect(materialChanges(before, after)).toEqual(expected);
		expect(consentRevision(after)).not.toBe(consentRevision(before));
	});

	it.each<[string, (data: Data) => void]>([
		['a category name', (d) => void (d.categories[2].name = 'Mainonta')],
		[
			'the notice quote and its section',
			(d) => {
				d.categories[1].noticeQuote = 'Tuotteittemme ja palvelujemme käyttötavat.';
				d.categories[1].noticeSection = 'muu';
			},
		],
		['a service name', (d) => void (d.categories[1].services[0].name = 'Google Analytics')],
		[
			'a privacy policy address',
			(d) => void (d.categories[1].services[0].privacyPolicy = 'https://policies.google.com/privacy'),
		],
		[
			'a cookie purpose',
			(d) => void (d.categories[2].services[0].cookies[1].purpose = 'Muistaa, minkä mainoksen kautta tulit.'),
		],
		[
			'the order of categories, services, cookies and hosts',
			(d) => {
				d.categories.reverse();
				d.categories[1].services[0].cookies.reverse();
				d.categories[1].services[0].hosts.connect.reverse();
			},
		],
		['a signal listed twice', (d) => void d.categories[1].consentMode.push('analytics_storage')],
	])('%s is wording', (_, change) => {
		expect(materialChanges(before, declaration(change))).toEqual([]);
	});

	it('derives reasked and the widget revision from the versions: a wording-only one keeps both, a material one asks', () => {
		const versions = [
			version('2026-11-25', () => {}, 'Ensimmäinen.'),
			version(
				'2026-12-01',
				(d) => {
					d.texts.banner.title = 'Evästeet';
					d.categories[2].name = 'Mainonta';
				},
				'Sanamuotoja.',
			),
			version(
				'2027-01-10',
				(d) => void (d.categories[1].services[0].cookies[0].lifetimeDays = 730),
				'Analytiikan eväste säilyy kaksi vuotta.',
			),
		].map((file) => (checkConsentFile(file) as { ok: true; version: CheckedVersion }).version);
		const history = publishedHistory(versions);
		expect(
			history.map(({ date, reasked, materialChanges: changes, until }) => ({ date, reasked, changes, until })),
		).toEqual([
			{ date: '2026-11-25', reasked: true, changes: [], until: '2026-12-01' },
			{ date: '2026-12-01', reasked: false, changes: [], until: '2027-01-10' },
			{
				date: '2027-01-10',
				reasked: true,
				changes: ['cookie "_ga": its lifetime changed from 395 to 730 days'],
				until: undefined,
			},
		]);
		const [first, wording, material] = history;
		expect(wording!.revision).toBe(first!.revision);
		expect(material!.revision).not.toBe(first!.revision);
		// While the wording-only version is in force, a returning visitor asked again is told why the first one asked.
		expect(versionSource(history, wording!)).toMatchObject({ revision: first!.revision, changeNote: 'Ensimmäinen.' });
		expect(versionSource(history, material!).changeNote).toBe('Analytiikan eväste säilyy kaksi vuotta.');
	});
});

describe('the real cookie information', () => {
	const real = siteConsent('published');

	it('is the present declaration as its first, sealed version, which asked everyone', () => {
		expect(real.versions.map(({ fileName, reasked }) => [fileName, reasked])).toEqual([['2026-11-25.yaml', true]]);
		expect(real.unsealed).toEqual([]);
		expect(real.current.sha256).toBe(sha256Bytes(REAL));
	});
});

describe('the fixture history of the "upcoming" site', () => {
	const fixture = siteConsent('upcoming');

	it('publishes three versions: the first, a material change that asked again, and a wording-only one in force', () => {
		expect(fixture.versions.map(({ date, reasked, materialChanges: changes }) => ({ date, reasked, changes }))).toEqual(
			[
				{ date: '2018-03-11', reasked: true, changes: [] },
				{
					date: '2023-06-01',
					reasked: true,
					changes: [
						'category "marketing" was added',
						'service "meta-pixel" was added',
						'cookie "_ga": its lifetime changed from 730 to 395 days',
						'cookie "_ga_5LQ8XK2W7N": its lifetime changed from 730 to 395 days',
						'cookie "_fbp" was added',
						'cookie "_fbc" was added',
					],
				},
				{ date: '2024-01-15', reasked: false, changes: [] },
			],
		);
		expect(fixture.agreeable.map((entry) => entry.date)).toEqual(['2023-06-01', '2024-01-15']);
	});

	it('keeps the version dated after its build date scheduled, unsealed', () => {
		expect(fixture.scheduled.map(({ fileName, reasked }) => [fileName, reasked])).toEqual([['2024-03-01.yaml', true]]);
	});

	it('holds choices to the same revision as the real site, so one stored record serves every test site', () => {
		expect(widgetSource(fixture).revision).toBe(widgetSource(siteConsent('published')).revision);
	});
});
