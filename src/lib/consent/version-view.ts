/**
 * What a version's page shows: exactly what a visitor was shown while it was in force, taken
 * from the very builders of the widget's configuration (src/lib/consent/config.ts), so that the
 * page and the live banner cannot say different things.
 */
import { consentLifetimeDays } from './declaration.ts';
import {
	bannerDescription,
	bannerTexts,
	cookieRows,
	formatLifetime,
	gpcBannerNote,
	gpcLockedNote,
	gpcRefusedCategories,
	preferencesFrame,
	preferencesSections,
	type CookieRow,
	type WidgetSource,
} from './config.ts';

/** The banner as shown; `…Html` fields are the widget's own HTML, already escaped. */
export interface BannerView {
	label: string;
	title: string;
	descriptionHtml: string;
	/** Added for a returning visitor who is asked again. */
	changedHtml: string;
	/** Added when the browser sends Global Privacy Control; empty when GPC refuses nothing. */
	gpcHtml: string;
	buttons: string[];
	close: string;
	linksHtml: string;
}

/** A category of the preferences as shown. */
export interface CategoryView {
	id: string;
	name: string;
	descriptionHtml: string;
	/** Always on (cannot be refused). */
	required: boolean;
	/** The text added when Global Privacy Control refuses it, or undefined. */
	gpcLockedHtml: string | undefined;
	rows: CookieRow[];
}

/** The preferences dialog as shown. */
export interface PreferencesView {
	title: string;
	introHtml: string;
	categories: CategoryView[];
	buttons: string[];
	close: string;
}

/** The rules that applied: what is on by default, what GPC refuses, how long a choice is kept. */
export interface RulesView {
	onByDefault: string[];
	refusedByGpc: string[];
	kept: string;
	revision: number;
}

/** Everything a version's page shows of the banner and the preferences. */
export interface VersionView {
	banner: BannerView;
	preferences: PreferencesView;
	rules: RulesView;
}

/** The banner, the preferences and the rules of a version, as the widget showed them. */
export function versionView(source: WidgetSource): VersionView {
	const { declaration, texts } = source;
	const banner = bannerTexts(source, false);
	const prefs = preferencesFrame(source);
	const [intro, ...sections] = preferencesSections(source, false);
	const refused = new Set(gpcRefusedCategories(true, declaration).map((category) => category.id));
	return {
		banner: {
			label: banner.label ?? '',
			title: banner.title ?? '',
			descriptionHtml: bannerDescription(source, false),
			changedHtml: banner.revisionMessage ?? '',
			gpcHtml: gpcBannerNote(texts, declaration).trim(),
			buttons: [banner.acceptAllBtn, banner.acceptNecessaryBtn, banner.showPreferencesBtn].filter(
				(label) => label !== undefined,
			),
			close: banner.closeIconLabel ?? '',
			linksHtml: banner.footer ?? '',
		},
		preferences: {
			title: prefs.title ?? '',
			introHtml: intro?.description ?? '',
			categories: declaration.categories.map((category, index) => ({
				id: category.id,
				name: category.name,
				descriptionHtml: sections[index]?.description ?? '',
				required: !category.refusable,
				gpcLockedHtml: refused.has(category.id) ? gpcLockedNote(texts) : undefined,
				rows: cookieRows(texts, category),
			})),
			buttons: [prefs.acceptAllBtn, prefs.acceptNecessaryBtn, prefs.savePreferencesBtn].filter(
				(label) => label !== undefined,
			),
			close: prefs.closeIconLabel ?? '',
		},
		rules: {
			onByDefault: declaration.categories.filter((category) => !category.refusable).map((category) => category.name),
			refusedByGpc: declaration.categories
				.filter((category) => refused.has(category.id))
				.map((category) => category.name),
			kept: formatLifetime(texts, consentLifetimeDays(declaration)),
			revision: source.revision,
		},
	};
}
