import { fill } from '../site/fill.ts';

// Part of the Finnish dictionary (site/i18n.ts spreads it in): the texts of a diff and of the compare
// page's results. A module of their own, so that the compare page's script, which renders diffs
// in the browser, takes them without the rest of the dictionary.
export const COMPARE_TEXTS = {
	'history.diff.countOne': '1 muutettu kohta',
	'history.diff.count': '{count} muutettua kohtaa',
	'history.diff.legendTitle': 'Merkinnät',
	'history.diff.legendAdded': '{sample} on alleviivattu.',
	'history.diff.legendAddedSample': 'Lisätty teksti',
	'history.diff.legendRemoved': '{sample} on yliviivattu.',
	'history.diff.legendRemovedSample': 'Poistettu teksti',
	'history.diff.legendMoved': '{sample} teksti on siirretty toiseen kohtaan; linkki vie sen toiseen paikkaan.',
	'history.diff.legendFolded': 'Muuttumattomat kohdat on tiivistetty: Näytä-painike avaa ne.',
	'history.diff.legendWords':
		'Ruudunlukija lukee ja tuloste näyttää muutoksen edessä sanan Lisätty, Poistettu tai Siirretty.',
	'history.diff.added': 'Lisätty: ',
	'history.diff.removed': 'Poistettu: ',
	'history.diff.moved': 'Siirretty',
	'history.diff.movedTo': 'uuteen paikkaan',
	'history.diff.movedFrom': 'aiemmasta paikasta',
	'history.diff.linkChanged': 'Linkin ”{text}” osoite:',
	'history.diff.linkAdded': 'Linkki lisätty tekstiin ”{text}”:',
	'history.diff.linkRemoved': 'Linkki poistettu tekstistä ”{text}”:',
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
