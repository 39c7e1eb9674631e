import { fill } from './fill.ts';

// Part of the Finnish dictionary (i18n.ts spreads it in): the texts of a diff and of the compare
// page's results. A module of their own, so that the compare page's script, which renders diffs
// in the browser, takes them without the rest of the dictionary.
export const COMPARE_TEXTS = {
	'history.diff.countOne': '1 muutettu kohta',
	'history.diff.count': '{count} muutettua kohtaa',
	'history.diff.legend': 'Lisätty teksti on alleviivattu ja poistettu yliviivattu; muuttumattomat kohdat on tiivistetty.',
	'history.diff.added': 'Lisätty: ',
	'history.diff.removed': 'Poistettu: ',
	'history.diff.jumpLabel': 'Siirry muutokseen',
	'history.diff.change': 'Muutos {index}/{total}',
	'history.diff.previous': 'Edellinen muutos',
	'history.diff.next': 'Seuraava muutos',
	'history.diff.foldOne': 'Näytä 1 muuttumaton kohta',
	'history.diff.fold': 'Näytä {count} muuttumatonta kohtaa',
	'history.diff.identical': 'Versioiden teksti on sama.',
	'history.compare.result': 'Muutokset',
	'history.compare.loading': 'Ladataan versioita…',
	'history.compare.failed': 'Versioita ei voitu ladata. Yritä uudelleen.',
	'history.compare.same': 'Valitse kaksi eri versiota.',
	'history.compare.unknown': 'Osoitteessa on päivämäärä, jolla ei ole versiota.',
} as const;

/** A compare text with its `{name}` placeholders filled in. */
export function compareText(key: keyof typeof COMPARE_TEXTS, values: Record<string, string | number> = {}): string {
	return fill(COMPARE_TEXTS[key], values);
}
