// What the consent preferences dialog needs beyond the widget: its styles and the record of the
// choice with its receipt (consent-record.ts). Loaded when a visitor first reaches for the
// dialog (src/scripts/consent.ts), so that a first visit carries none of it.
import schemeCssUrl from 'vanilla-cookieconsent/dist/css-components/light-scheme.css?url';
import preferencesCssUrl from 'vanilla-cookieconsent/dist/css-components/preferences-modal.css?url';
import preferencesThemeCssUrl from '../styles/consent-preferences.css?url';

export { mountRecord } from './consent-record.ts';

let preferencesCss: Promise<string> | undefined;
// The preferences' styles (the library's colour scheme and dialog, and our theme's additions)
// are the larger half and most visitors never open them: they are fetched when a visitor first
// reaches for the dialog, as text rather than linked, so that they join the same layers.
export function fetchPreferencesCss(): Promise<string> {
	const text = (url: string) => fetch(url).then((response) => response.text());
	preferencesCss ??= Promise.all([schemeCssUrl, preferencesCssUrl, preferencesThemeCssUrl].map(text)).then(
		([scheme, dialog, theme]) => `@layer consent.library{${scheme}${dialog}}${theme}`,
	);
	return preferencesCss;
}

let preferencesStyled: Promise<void> | undefined;
/** Adds the dialog's styles with `adopt` (the widget's, so that they join its layers); it stays hidden (src/styles/consent.css) until they are in. */
export function applyPreferencesStyles(modal: HTMLElement, adopt: (css: string) => void): Promise<void> {
	preferencesStyled ??= fetchPreferencesCss().then((css) => {
		adopt(css);
		document.getElementById('cc-main')?.setAttribute('data-preferences-styled', '');
		// The widget focuses the dialog 100 ms after opening it; if it was still hidden then, do it now.
		if (document.documentElement.classList.contains('show--preferences') && !modal.contains(document.activeElement)) {
			modal.querySelector<HTMLElement>(':scope > [tabindex="-1"]')?.focus();
		}
	});
	return preferencesStyled;
}
