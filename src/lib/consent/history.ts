/**
 * The cookie information's history as the pages and the widget use it: the version in force,
 * the revision choices are held to, and what a record of a choice may name. Pure: the folder is
 * read by src/lib/consent/versions-node.ts.
 */
import type { PublishedVersion } from './check-node.ts';
import { type WidgetSource } from './config.ts';
import type { ReceiptData, WidgetVersions } from './widget.ts';
import { formatFinnishDate, type IsoDate } from '../site/dates.ts';
import { consentSourcePath, consentVersionPath } from '../site/routes.ts';

/** The cookie information's whole history as of the build date. */
export interface ConsentHistory {
	/** The folder as configured (CONSENT_CONTENT_DIR or content/evasteet). */
	folder: string;
	/** The date the build treats as today. */
	date: IsoDate;
	/** Every published version, oldest first. */
	versions: PublishedVersion[];
	/** The version in force: the newest published one. */
	current: PublishedVersion;
	/** The versions a trustworthy record may name: from the newest that asked again to the one in force. */
	agreeable: PublishedVersion[];
	/** Versions dated after the build date, not published. */
	scheduled: PublishedVersion[];
	/** Published versions not sealed yet (dated on the build date). */
	unsealed: string[];
	/** The version's file, byte for byte, as it is published. */
	bytesOf(version: PublishedVersion): Uint8Array;
}

/** The versions a record of the revision in force may name: the newest that asked again and those after it. */
export function agreeableVersions(versions: readonly PublishedVersion[]): PublishedVersion[] {
	const asking = versions.findLastIndex((version) => version.reasked);
	return versions.slice(Math.max(0, asking));
}

/**
 * What the widget was configured from while `version` was in force: its declaration and texts,
 * under the revision of the newest version up to it that asked again, whose summary says why.
 */
export function versionSource(versions: readonly PublishedVersion[], version: PublishedVersion): WidgetSource {
	const asking = versions.filter((candidate) => candidate.reasked && candidate.date <= version.date).at(-1);
	const { declaration, texts, revision } = version;
	return { declaration, texts, revision, changeNote: asking?.summary ?? '' };
}

/** The widget's configuration source now: the version in force. */
export function widgetSource(history: Pick<ConsentHistory, 'versions' | 'current'>): WidgetSource {
	return versionSource(history.versions, history.current);
}

/** The versions the widget writes into a record and accepts in one. */
export function widgetVersions(history: Pick<ConsentHistory, 'current' | 'agreeable'>): WidgetVersions {
	return { version: history.current.date, versions: history.agreeable.map((version) => version.date) };
}

/** What the record and the receipt show of the versions and services; `site` makes addresses absolute. */
export function receiptData(history: Pick<ConsentHistory, 'current' | 'agreeable'>, site: URL | string): ReceiptData {
	const absolute = (path: string) => new URL(path, site).href;
	return {
		site: absolute('/'),
		versions: Object.fromEntries(
			history.agreeable.map((version) => [
				version.date,
				{
					label: formatFinnishDate(version.date),
					path: consentVersionPath(version),
					url: absolute(consentVersionPath(version)),
					sourceUrl: absolute(consentSourcePath(version)),
					sha256: version.sha256,
				},
			]),
		),
		services: Object.fromEntries(
			history.current.declaration.categories.flatMap((category) =>
				category.services.map((service) => [service.id, { name: service.name, provider: service.provider }]),
			),
		),
	};
}
