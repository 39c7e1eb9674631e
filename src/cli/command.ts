// What the editor commands share: reading the command line, today's date, and sealing a dated
// record's folder. The notice's revisions and the cookie information's versions are sealed by
// one procedure, so that both commands keep the same rules and say the same things.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
	addSeals,
	describeProblems,
	SEAL_MANIFEST,
	type RecordProblem,
	type SealManifest,
} from '../lib/record/seal-node.ts';
import type { IsoDate } from '../lib/site/dates.ts';
import { buildDate, SettingError } from '../lib/site/settings-node.ts';

/**
 * The command line, parsed strictly: `--help` prints the usage and exits 0; an unknown option or
 * a missing value prints the reason and the usage and exits 2.
 */
export function parseCommandLine<Options extends NonNullable<ParseArgsConfig['options']>>(
	usage: string,
	options: Options,
	allowPositionals: boolean,
) {
	try {
		const parsed = parseArgs({
			options: { ...options, help: { type: 'boolean', short: 'h' } },
			strict: true,
			allowPositionals,
		});
		if ((parsed.values as { help?: boolean }).help) {
			console.log(usage);
			process.exit(0);
		}
		return parsed;
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exit(2);
	}
}

/** Today as the build sees it (`NOTICE_BUILD_DATE`, or Helsinki's date); a bad setting exits 1 with its fix. */
export function todayOrExit(): IsoDate {
	try {
		return buildDate();
	} catch (error) {
		if (!(error instanceof SettingError)) throw error;
		console.error(`${error.message}\n  Fix: ${error.hint}`);
		process.exit(1);
	}
}

/** One dated file of a sealed record, as the sealing commands see it. */
export interface SealableFile {
	fileName: string;
	date: IsoDate;
	sha256: string;
}

/** A record's folder after its check, and how its commands speak of it. */
export interface SealRequest {
	/** The folder as the editor names it, and as it is on disk. */
	folder: string;
	path: string;
	/** What is wrong in the folder, apart from the missing seals that sealing fixes. */
	problems: readonly RecordProblem[];
	/** Every file that would be published, and those of them dated after today. */
	files: readonly SealableFile[];
	scheduled: readonly SealableFile[];
	sealed: SealManifest | undefined;
	/** The files the editor named, by file name or date; none seals every unsealed one. */
	named: readonly string[];
	/** `revision` or `version`, and the editor's words for them. */
	noun: string;
	namingFix: string;
	finalWhen: string;
	command: string;
}

/**
 * Seals the files of a folder that builds, in its sealed.json; exits 1, sealing nothing, while
 * the folder has a mistake or a named file is not there.
 */
export function sealFolder(request: SealRequest): void {
	const { folder, noun, named } = request;
	if (request.problems.length > 0) {
		console.error(describeProblems(folder, request.problems));
		console.error('\nNothing was sealed: only a folder that builds can be sealed.');
		process.exit(1);
	}
	const unknown = named.filter((name) => !request.files.some((file) => file.fileName === name || file.date === name));
	if (unknown.length > 0) {
		console.error(`${folder}: no ${noun} named ${unknown.join(', ')}.\n  Fix: ${request.namingFix}`);
		process.exit(1);
	}
	// Unnamed, a scheduled file waits: sealing it now would freeze a draft before its day.
	const waiting =
		named.length > 0 ? [] : request.scheduled.filter((file) => !(file.fileName in (request.sealed ?? {})));
	const sealable = request.files.filter((file) => !waiting.some((wait) => wait.fileName === file.fileName));
	const { manifest, added } = addSeals(request.sealed, sealable, named);
	if (waiting.length > 0) {
		console.log(
			`Not sealed: ${waiting.map((file) => file.fileName).join(', ')}, scheduled for later. Seal it by name when ${request.finalWhen} (${request.command} -- ${waiting[0]?.fileName}).`,
		);
	}
	const manifestPath = join(request.path, SEAL_MANIFEST);
	if (added.length === 0 && request.sealed === undefined) {
		writeFileSync(manifestPath, '{}\n');
		console.log(`Created ${join(folder, SEAL_MANIFEST)}, with nothing sealed yet.`);
	} else if (added.length === 0) {
		console.log(`Nothing to seal: every ${noun} in ${folder} is sealed already.`);
	} else {
		writeFileSync(manifestPath, `${JSON.stringify(manifest, null, '\t')}\n`);
		console.log(
			`Sealed ${added.join(', ')} in ${join(folder, SEAL_MANIFEST)}. Commit it with the ${noun}: from now on the build refuses any change to ${added.length === 1 ? 'it' : 'them'}.`,
		);
	}
}
