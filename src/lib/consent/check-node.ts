import yaml from 'js-yaml';
import { consentRevision, type ConsentDeclaration } from './declaration.ts';
import {
	consentVersionSchema,
	fieldAt,
	type ConsentTexts,
	type ConsentVersionData,
	type DeclaredCategory,
	type DeclaredCookie,
	type DeclaredService,
	type HostDirective,
} from './schema.ts';
import type { IsoDate } from '../site/dates.ts';
import {
	checkSealedFolder,
	type RecordCheckOptions,
	decodeUtf8,
	sha256,
	type RecordProblem,
	type SealWording,
} from '../record/seal-node.ts';

/** A file found in the consent folder, as bytes: the fingerprint is over exactly these. */
export interface ConsentFile {
	fileName: string;
	bytes: Uint8Array;
}

/** One mistake in the consent folder, worded for the editor (the notice's problem format). */
export type ConsentProblem = RecordProblem;

/** A version that passed every check of its own. */
export interface CheckedVersion {
	fileName: string;
	/** The day it is shown from: its file name, id and permanent address. */
	date: IsoDate;
	/** What changed since the previous version; absent only on the first. */
	summary?: string | undefined;
	/** What a visitor agrees to: the consent cookie and the categories. */
	declaration: ConsentDeclaration;
	/** Every text of the banner and the preferences. */
	texts: ConsentTexts;
	/** SHA-256 (hex) of the file's bytes, exactly what `sha256sum FILE` prints. */
	sha256: string;
	/** 'yaml' or 'json', as the file is named; its published copy keeps the name. */
	format: 'yaml' | 'json';
}

/** The longest a consent record may be kept: six months, as the regulators expect. */
export const MAX_CONSENT_DAYS = 183;

const VERSION_FILE = /^(\d{4}-\d{2}-\d{2})\.(yaml|json)$/;

/** Placeholders each text is filled with; a text must use each of its own and no other. */
const PLACEHOLDERS: Record<string, readonly string[]> = {
	'banner.description': ['optional'],
	'banner.changed': ['note'],
	'banner.gpc': ['categories'],
	'banner.links': ['cookiesPath', 'noticePath'],
	'preferences.more': ['cookiesPath', 'noticePath'],
	'preferences.quote': ['href', 'quote'],
	'preferences.services': ['services'],
	'cookieTable.caption': ['category'],
	'cookieTable.prefix': ['name'],
	'lifetimes.days': ['count'],
	'lifetimes.months': ['count'],
};

type FileCheck = { ok: true; version: CheckedVersion } | { ok: false; problems: ConsentProblem[]; date?: IsoDate };

/** Checks one version file on its own: name, encoding, syntax, schema and the rules between fields. */
export function checkConsentFile(file: ConsentFile): FileCheck {
	const { fileName, bytes } = file;
	const problems: ConsentProblem[] = [];
	const problem = (message: string, hint: string, line?: number) =>
		problems.push(line === undefined ? { file: fileName, message, hint } : { file: fileName, line, message, hint });

	const name = VERSION_FILE.exec(fileName);
	if (!name) {
		problem(
			'the file name is not a date.',
			'name the file after the day the version is shown from, as YYYY-MM-DD.yaml or YYYY-MM-DD.json (for example 2026-11-25.yaml).',
		);
		return { ok: false, problems };
	}
	const nameDate = name[1]!;
	const format = name[2] as 'yaml' | 'json';

	const decoded = decodeUtf8(bytes);
	if (!('text' in decoded)) {
		problem(
			`the file is not UTF-8 text: byte ${decoded.offset} (0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}) is not part of any character.`,
			'save the file as UTF-8 (in your editor: "Save with encoding" → UTF-8), then check the letters around that place.',
			decoded.line,
		);
		return { ok: false, problems };
	}
	const source = decoded.text.replace(/^\uFEFF/, '');

	let data: unknown;
	try {
		data = format === 'yaml' ? yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: fileName }) : JSON.parse(source);
	} catch (error) {
		if (error instanceof yaml.YAMLException) {
			problem(
				`the file is not valid YAML (${error.reason}).`,
				error.reason === 'duplicated mapping key'
					? 'a field is written twice at the same level: keep one of them.'
					: 'write each field on its own line as "field: value", indent lists with "- " consistently, and quote a text that contains ": " or starts with "{".',
				error.mark ? error.mark.line + 1 : undefined,
			);
		} else {
			problem(
				`the file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
				'check the commas, quotes and brackets around the place named, or write the version as YAML instead.',
			);
		}
		return { ok: false, problems };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		problem(
			'the file is not a list of fields.',
			'start with "published: YYYY-MM-DD" and write each field on its own line.',
		);
		return { ok: false, problems };
	}

	const parsed = consentVersionSchema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) {
					const allowed = fieldAt(issue.path).fields;
					problem(
						`${where([...issue.path, key], data)} is not a field the format has.`,
						`use only these fields${issue.path.length ? ` here` : ''}: ${allowed.join(', ')}. Check the spelling of "${key}".`,
					);
				}
				continue;
			}
			const value = valueAt(data, issue.path);
			const hint = hintFor(issue.path);
			if (value === undefined) problem(`${where(issue.path, data)} is missing.`, `add it: ${hint}`);
			else problem(`${where(issue.path, data)} is ${describeValue(value)}, which ${issue.message}.`, `write ${hint}`);
		}
		const published = (data as Record<string, unknown>)['published'];
		return typeof published === 'string' ? { ok: false, problems, date: published } : { ok: false, problems };
	}

	const version = parsed.data;
	if (version.published !== nameDate) {
		problem(
			`"published" is ${version.published} but the file is named ${fileName}.`,
			'the date and the file name must be the same day: rename the file or correct the date.',
		);
	}
	problems.push(...checkRules(fileName, version));
	problems.push(...checkTexts(fileName, version.texts));
	if (problems.length > 0) return { ok: false, problems, date: version.published };

	const { published, summary, consentCookie, categories, texts } = version;
	return {
		ok: true,
		version: {
			fileName,
			date: published,
			summary,
			declaration: { consentCookie, categories },
			texts,
			sha256: sha256(bytes),
			format,
		},
	};
}

/** The rules between fields that a schema cannot say: unique keys, the consent cookie, hosts. */
function checkRules(fileName: string, version: ConsentVersionData): ConsentProblem[] {
	const problems: ConsentProblem[] = [];
	const problem = (message: string, hint: string) => problems.push({ file: fileName, message, hint });
	const categoryIds = new Set<string>();
	const serviceIds = new Map<string, string>();
	const cookieNames = new Map<string, string>();
	const signals = new Map<string, string>();
	const claimCookie = (cookie: DeclaredCookie, owner: string) => {
		const twin = cookieNames.get(cookie.name);
		if (twin) {
			problem(
				`the cookie "${cookie.name}" is listed twice, in ${twin} and in ${owner}.`,
				'list each cookie once, under the service (or category) that sets it.',
			);
		} else cookieNames.set(cookie.name, owner);
	};

	for (const category of version.categories) {
		const label = `category "${category.id}"`;
		if (categoryIds.has(category.id)) {
			problem(
				`there are two categories with the id "${category.id}".`,
				'give each category its own id, or merge the two.',
			);
		}
		categoryIds.add(category.id);
		if (!category.refusable) {
			if (category.services.length > 0) {
				problem(
					`${label} cannot be refused but lets third parties run (${category.services.map((service) => service.id).join(', ')}).`,
					'a category that cannot be refused runs nothing of a third party: move the services to a category a visitor can refuse.',
				);
			}
			if (category.refusedByGpc || category.consentMode.length > 0) {
				problem(
					`${label} cannot be refused but has ${category.refusedByGpc ? '"refusedByGpc: true"' : 'Consent Mode signals'}.`,
					'only a category a visitor can refuse is refused by Global Privacy Control or grants Consent Mode signals: set refusable: true, or remove the field.',
				);
			}
		}
		for (const signal of category.consentMode) {
			const twin = signals.get(signal);
			if (twin) {
				problem(
					`the Consent Mode signal ${signal} is in both ${twin} and ${label}.`,
					'each signal follows one category: remove it from one of them.',
				);
			} else signals.set(signal, label);
		}
		for (const cookie of category.cookies) claimCookie(cookie, label);
		for (const service of category.services) {
			const serviceLabel = `service "${service.id}"`;
			const twin = serviceIds.get(service.id);
			if (twin) {
				problem(
					`there are two services with the id "${service.id}", in ${twin} and in ${label}.`,
					'give each service its own id, or list it once.',
				);
			} else serviceIds.set(service.id, label);
			const scriptOrigin = new URL(service.script).origin;
			if (!(service.hosts.script ?? []).includes(scriptOrigin)) {
				problem(
					`the script of ${serviceLabel} is on ${scriptOrigin}, which its hosts.script does not list.`,
					`add ${scriptOrigin} to hosts.script of ${serviceLabel}: the site's Content-Security-Policy allows only the hosts listed.`,
				);
			}
			for (const cookie of service.cookies) claimCookie(cookie, serviceLabel);
		}
	}

	const record = version.categories.flatMap((category) =>
		category.cookies.filter((cookie) => cookie.name === version.consentCookie).map((cookie) => ({ category, cookie })),
	)[0];
	if (!record) {
		problem(
			`the consent cookie "${version.consentCookie}" is not among the cookies of any category.`,
			'list it, with its lifetime and purpose, under "cookies" of the category that cannot be refused.',
		);
	} else {
		if (record.category.refusable) {
			problem(
				`the consent cookie "${version.consentCookie}" is in category "${record.category.id}", which can be refused.`,
				'the record of a choice is strictly necessary: list it under the category with refusable: false.',
			);
		}
		if (record.cookie.prefix || record.cookie.lifetimeDays > MAX_CONSENT_DAYS) {
			problem(
				record.cookie.prefix
					? `the consent cookie "${version.consentCookie}" is marked as a prefix.`
					: `the consent cookie "${version.consentCookie}" is kept ${record.cookie.lifetimeDays} days, more than six months.`,
				`a choice is kept six months at most: give it its exact name and lifetimeDays of ${MAX_CONSENT_DAYS} or less (182 is the usual).`,
			);
		}
	}
	return problems;
}

/** Placeholders and markup of every text: only the site's placeholders and simple links. */
function checkTexts(fileName: string, texts: ConsentTexts): ConsentProblem[] {
	const problems: ConsentProblem[] = [];
	for (const [group, entries] of Object.entries(texts)) {
		for (const [key, value] of Object.entries(entries as Record<string, string>)) {
			const path = `${group}.${key}`;
			const field = `"texts.${path}"`;
			const own = PLACEHOLDERS[path] ?? [];
			const used = [...value.matchAll(/\{(\w*)\}/g)].map((match) => match[1]!);
			for (const name of used.filter((candidate) => !own.includes(candidate))) {
				problems.push({
					file: fileName,
					message: `${field} has the placeholder {${name}}, which the site does not fill there.`,
					hint: own.length
						? `use only ${own.map((placeholder) => `{${placeholder}}`).join(' and ')} in this text; check the spelling.`
						: 'this text has no placeholders: write it out, without braces.',
				});
			}
			for (const name of own.filter((candidate) => !used.includes(candidate))) {
				problems.push({
					file: fileName,
					message: `${field} has no {${name}}.`,
					hint: `write {${name}} where it belongs: ${fieldAt(['texts', group, key]).description}`,
				});
			}
			const markup = value.replace(/<a href="\{\w+\}">/g, '').replace(/<\/a>|<\/?strong>/g, '');
			const stray = /<[^>]*>?|>/.exec(markup)?.[0];
			if (stray) {
				problems.push({
					file: fileName,
					message: `${field} contains "${stray}", HTML the banner does not allow.`,
					hint: 'write plain text: the only HTML allowed is <a href="{…}">…</a> with one of the text\'s own addresses, and <strong>…</strong>.',
				});
			}
		}
	}
	return problems;
}

/** A version as it stands in the published history. */
export interface PublishedVersion extends CheckedVersion {
	/** True when visitors who agreed to an earlier version are asked again (always for the first). */
	reasked: boolean;
	/** What changed that visitors agree to, against the previous version (empty when only wording changed). */
	materialChanges: string[];
	/** The day the next version took over, if one has. */
	until?: IsoDate;
	/** The widget's revision while this version is in force: that of the newest version that asked again. */
	revision: number;
}

/**
 * The differences between two versions that change what a visitor agrees to: a category, its
 * purpose or rules, a service, its provider, script or hosts, a cookie or its lifetime, the
 * consent cookie. Names, descriptions, quotes, links, texts and order are wording.
 */
export function materialChanges(previous: ConsentDeclaration, next: ConsentDeclaration): string[] {
	const changes: string[] = [];
	if (previous.consentCookie !== next.consentCookie) {
		changes.push(`the consent cookie changed from "${previous.consentCookie}" to "${next.consentCookie}"`);
	}
	/** Pairs items by key: reports what was added and removed, and hands each pair to `compare`. */
	const pair = <T>(
		kind: string,
		before: Map<string, T>,
		after: Map<string, T>,
		compare: (a: T, b: T, label: string) => void,
	) => {
		for (const [key, item] of after) {
			const earlier = before.get(key);
			if (earlier === undefined) changes.push(`${kind} "${key}" was added`);
			else compare(earlier, item, `${kind} "${key}"`);
		}
		for (const key of before.keys()) if (!after.has(key)) changes.push(`${kind} "${key}" was removed`);
	};
	const sameSet = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
		JSON.stringify([...new Set(a ?? [])].sort()) === JSON.stringify([...new Set(b ?? [])].sort());

	pair('category', categoriesOf(previous), categoriesOf(next), (a, b, label) => {
		if (a.purpose !== b.purpose) changes.push(`${label}: its purpose changed`);
		if (a.refusable !== b.refusable)
			changes.push(`${label}: it ${b.refusable ? 'can now be refused' : 'can no longer be refused'}`);
		if (a.refusedByGpc !== b.refusedByGpc) {
			changes.push(`${label}: Global Privacy Control ${b.refusedByGpc ? 'now refuses it' : 'no longer refuses it'}`);
		}
		if (!sameSet(a.consentMode, b.consentMode)) changes.push(`${label}: its Consent Mode signals changed`);
	});
	pair('service', servicesOf(previous), servicesOf(next), (a, b, label) => {
		if (a.category !== b.category) changes.push(`${label} moved from category "${a.category}" to "${b.category}"`);
		if (a.service.provider !== b.service.provider) {
			changes.push(`${label}: its provider changed from "${a.service.provider}" to "${b.service.provider}"`);
		}
		if (a.service.script !== b.service.script) changes.push(`${label}: its script changed`);
		for (const directive of HOST_DIRECTIVES) {
			if (!sameSet(a.service.hosts[directive], b.service.hosts[directive]))
				changes.push(`${label}: its ${directive} hosts changed`);
		}
	});
	pair('cookie', cookiesOf(previous), cookiesOf(next), (a, b, label) => {
		if (a.owner !== b.owner) changes.push(`${label} moved from ${a.owner} to ${b.owner}`);
		if (a.cookie.prefix !== b.cookie.prefix)
			changes.push(`${label} ${b.cookie.prefix ? 'became a prefix' : 'is no longer a prefix'}`);
		if (a.cookie.lifetimeDays !== b.cookie.lifetimeDays) {
			changes.push(`${label}: its lifetime changed from ${a.cookie.lifetimeDays} to ${b.cookie.lifetimeDays} days`);
		}
	});
	return changes;
}

const HOST_DIRECTIVES = ['script', 'connect', 'img', 'frame'] as const satisfies readonly HostDirective[];

function categoriesOf(declaration: ConsentDeclaration): Map<string, DeclaredCategory> {
	return new Map(declaration.categories.map((category) => [category.id, category]));
}

function servicesOf(declaration: ConsentDeclaration): Map<string, { service: DeclaredService; category: string }> {
	return new Map(
		declaration.categories.flatMap((category) =>
			category.services.map((service) => [service.id, { service, category: category.id }] as const),
		),
	);
}

/** Every cookie by name, with who sets it: a cookie that moves changes which choice lets it in. */
function cookiesOf(declaration: ConsentDeclaration): Map<string, { cookie: DeclaredCookie; owner: string }> {
	return new Map(
		declaration.categories.flatMap((category): [string, { cookie: DeclaredCookie; owner: string }][] => [
			...category.cookies.map(
				(cookie) =>
					[cookie.name, { cookie, owner: `category "${category.id}"` }] as [
						string,
						{ cookie: DeclaredCookie; owner: string },
					],
			),
			...category.services.flatMap((service) =>
				service.cookies.map(
					(cookie) =>
						[cookie.name, { cookie, owner: `service "${service.id}"` }] as [
							string,
							{ cookie: DeclaredCookie; owner: string },
						],
				),
			),
		]),
	);
}

/**
 * Orders checked versions into the published history: each compared with the one before it,
 * `reasked` and the widget revision derived from the comparison.
 */
export function publishedHistory(versions: readonly CheckedVersion[]): PublishedVersion[] {
	const ordered = [...versions].sort((a, b) => a.date.localeCompare(b.date));
	let revision = 0;
	return ordered.map((version, index) => {
		const previous = ordered[index - 1];
		const next = ordered[index + 1];
		const changes = previous ? materialChanges(previous.declaration, version.declaration) : [];
		const reasked = !previous || changes.length > 0;
		if (reasked) revision = consentRevision(version.declaration);
		return { ...version, reasked, materialChanges: changes, revision, ...(next ? { until: next.date } : {}) };
	});
}

/** Every problem between versions: duplicate dates, missing summaries, versions that change nothing. */
export function checkHistory(versions: readonly CheckedVersion[]): ConsentProblem[] {
	const problems: ConsentProblem[] = [];
	const ordered = [...versions].sort((a, b) => a.date.localeCompare(b.date) || a.fileName.localeCompare(b.fileName));
	ordered.forEach((version, index) => {
		const previous = ordered[index - 1];
		if (!previous) return;
		if (previous.date === version.date) {
			problems.push({
				file: version.fileName,
				message: `${version.fileName} and ${previous.fileName} are both dated ${version.date}.`,
				hint: 'each day has at most one version: delete one of the two files, or merge them.',
			});
			return;
		}
		if (version.summary === undefined) {
			problems.push({
				file: version.fileName,
				message: '"summary" is missing.',
				hint: `add it: ${hintFor(['summary'])}`,
			});
		}
		if (
			JSON.stringify([previous.declaration, previous.texts]) === JSON.stringify([version.declaration, version.texts])
		) {
			problems.push({
				file: version.fileName,
				message: `the version is identical to the previous one, ${previous.fileName}.`,
				hint: 'a new version must change something a visitor is shown: edit it, or delete the file if nothing changed.',
			});
		}
	});
	return problems;
}

/** "field" at `path`, with the ids of the categories, services and cookies on the way. */
function where(path: readonly PropertyKey[], data: unknown): string {
	let written = '';
	const on: string[] = [];
	let node: unknown = data;
	path.forEach((key, index) => {
		written += typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`;
		node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
		const parent = path[index - 1];
		if (typeof key === 'number' && node && typeof node === 'object') {
			const item = node as Record<string, unknown>;
			const id =
				typeof item['id'] === 'string' ? item['id'] : typeof item['name'] === 'string' ? item['name'] : undefined;
			const kind =
				parent === 'categories'
					? 'category'
					: parent === 'services'
						? 'service'
						: parent === 'cookies'
							? 'cookie'
							: undefined;
			if (id !== undefined && kind) on.push(`${kind} "${id}"`);
		}
	});
	return `"${written}"${on.length ? ` (${on.join(', ')})` : ''}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let node = data;
	for (const key of path) {
		if (!node || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

function hintFor(path: readonly PropertyKey[]): string {
	return fieldAt(path).description ?? 'see the first version in content/evasteet/ for the format';
}

function describeValue(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** The seal rules' hints, worded for the cookie information's versions. */
export function consentSealWording(folder: string): SealWording {
	return {
		folder,
		sealCommand: 'npm run consent:seal',
		changeInstead:
			'make a new version: copy the newest file, name the copy after the day it is shown from, and edit it',
	};
}

/** The outcome of checking a consent folder as of a build date. */
export interface ConsentFolderCheck {
	/** The versions online as of the build date, oldest first, the last one in force. */
	versions: PublishedVersion[];
	/** Versions dated after the build date: nothing of them is published until a build on or after their date. */
	scheduled: PublishedVersion[];
	problems: ConsentProblem[];
	/** A published version not sealed yet: only one dated on the build date itself may be. */
	unsealed: string[];
}

/** What a folder check needs besides the files. */
export type ConsentFolderOptions = RecordCheckOptions;

/**
 * Checks a whole consent folder as of the build date: each file, the history as a whole, the
 * seals (the notice's rules, src/lib/record/seal-node.ts) and, when given, what the published site
 * says it published.
 */
export function checkConsentFolder(files: readonly ConsentFile[], options: ConsentFolderOptions): ConsentFolderCheck {
	const { sealed, buildDate, folder = 'content/evasteet', witness } = options;
	const problems: ConsentProblem[] = [];
	const checked: CheckedVersion[] = [];
	for (const file of files) {
		const result = checkConsentFile(file);
		if (result.ok) checked.push(result.version);
		else problems.push(...result.problems);
	}
	if (files.length === 0) {
		problems.push({
			message: 'the folder holds no versions of the cookie information.',
			hint: 'add the cookie information as YYYY-MM-DD.yaml, or point CONSENT_CONTENT_DIR at a folder that has versions.',
		});
	}
	problems.push(...checkHistory(checked));
	// Nothing of a scheduled version shows in the published ones, not even as the day one ends.
	const versions = publishedHistory(checked.filter((version) => version.date <= buildDate));
	const scheduled = publishedHistory(checked).filter((version) => version.date > buildDate);
	if (checked.length > 0 && versions.length === 0 && problems.length === 0) {
		problems.push({
			file: scheduled[0]!.fileName,
			message: `no version is in force on the build date, ${buildDate}: the first, ${scheduled[0]!.fileName}, is dated later.`,
			hint: 'the site needs the cookie information from its first day: date the first version on or before the day it goes online.',
		});
	}

	const seals = checkSealedFolder(files, VERSION_FILE, sealed, buildDate, consentSealWording(folder), witness);
	problems.push(...seals.problems);
	return { versions, scheduled, problems, unsealed: seals.unsealedToday };
}
