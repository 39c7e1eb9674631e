// src/lib/site/: what the whole site shares. This module is the Finnish dictionary; beside it:
// dates (dates.ts), text templates and escaping (fill.ts, html.ts), the build's settings from the
// environment (settings-node.ts) and where it may write (build-output-node.ts), and the
// Content-Security-Policy (csp.ts).
import { COMPARE_TEXTS } from '../diff/texts.ts';
import { LOOKUP_TEXTS } from '../notice/lookup-texts.ts';
import { SEARCH_STATUS_TEXTS } from '../search/texts.ts';

/**
 * Every string the interface shows, in Finnish, keyed by where it is used. Components read
 * them through `t()`, so wording is changed here once and nowhere else.
 */
const fi = {
	'site.name': 'Solinum Oy',
	// Each page's own description for search engines and link previews.
	'meta.notice':
		'Solinum Oy:n voimassa oleva tietosuojaseloste: miten keräämme, käytämme, luovutamme ja säilytämme henkilötietoja.',
	'meta.lastChange': 'Viimeisin muutos {date}: {summary}',
	'meta.revision': 'Solinum Oy:n tietosuojaselosteen versio {date}. Muutos edelliseen versioon: {summary}',
	'meta.revision.first': 'Solinum Oy:n tietosuojaselosteen ensimmäinen julkaistu versio, {date}.',
	'meta.changes': 'Mitä Solinum Oy:n tietosuojaselosteen versiossa {date} muuttui: {summary}',
	'meta.changes.first':
		'Solinum Oy:n tietosuojaselosteen ensimmäinen versio, {date}: aiempaa versiota, johon sitä voisi verrata, ei ole.',
	'meta.log':
		'Solinum Oy:n tietosuojaselosteen kaikki versiot uusin ensin: julkaisu- ja voimaantulopäivät, muutosten yhteenvedot ja pysyvät osoitteet.',
	'meta.compare':
		'Vertaa mitä tahansa kahta Solinum Oy:n tietosuojaselosteen versiota ja katso, mitä niiden välillä muuttui.',
	'skipLink.label': 'Siirry sisältöön',
	'nav.label': 'Päävalikko',
	'nav.notice': 'Tietosuojaseloste',
	'footer.label': 'Alatunniste',
	'footer.copyright': '© Solinum Oy',
	'notice.lastUpdated': 'Viimeksi päivitetty',
	'notice.permanentLink': 'Tämän version pysyvä osoite',
	'toc.label': 'Sisällys',
	'notice.section.changed': 'Muutettu viimeksi',
	'notice.section.unchanged': 'Ennallaan ensimmäisestä versiosta',
	'notFound.title': 'Sivua ei löytynyt',
	'notFound.body': 'Etsimääsi sivua ei ole tai sen osoite on muuttunut.',
	'notFound.link': 'Siirry tietosuojaselosteeseen',
	'home.title': 'Solinum Oy',
	'home.redirect': 'Siirryt tietosuojaselosteeseen.',
	// Revision history: status on the notice, change log, changes, compare, feed.
	'history.nav': 'Muutoshistoria',
	'history.published': 'Julkaistu',
	'history.effective': 'Voimaantulo',
	'history.summary': 'Muutos',
	'history.changesLink': 'Katso, mitä tässä versiossa muuttui',
	'history.first': 'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio.',
	'history.validity': 'Voimassa',
	'history.validity.since': 'alkaen',
	'history.validity.never': 'Ei tullut voimaan: seuraava versio korvasi sen ennen voimaantuloa.',
	'history.earlier.title': 'Tämä ei ole voimassa oleva versio.',
	'history.earlier.replaced': 'Sen korvasi',
	'history.earlier.version': 'versio',
	'history.earlier.replacedEffective': 'joka tuli voimaan',
	'history.earlier.current': 'Lue voimassa oleva tietosuojaseloste',
	'history.upcoming.title': 'Tämä versio tulee voimaan',
	'history.upcoming.current': 'Siihen asti on voimassa',
	'history.scheduled.title': 'Esikatselu: tätä versiota ei ole vielä julkaistu.',
	'history.scheduled.when': 'Se julkaistaan',
	'history.scheduled.short': 'esikatselu, ei vielä julkaistu',
	'history.announce': 'Tietosuojaseloste muuttuu',
	'history.announce.read': 'Lue uusi versio',
	'history.announce.changes': 'katso, mitä muuttuu',
	'history.log.title': 'Muutoshistoria',
	'history.log.intro':
		'Kaikki tietosuojaselosteen versiot, uusin ensin. Jokainen versio säilyy omassa pysyvässä osoitteessaan.',
	'history.log.count': 'Versioita on julkaistu {count}.',
	'history.log.onlyOne':
		'Tietosuojaselosteesta on julkaistu toistaiseksi yksi versio. Kun sitä muutetaan, uusi versio ja sen muutokset näkyvät tässä.',
	'history.log.version': 'Versio',
	'history.log.current': 'Voimassa',
	'history.log.upcoming': 'Tulossa',
	'history.log.earlier': 'Aiempi',
	'history.log.permanent': 'Pysyvä osoite',
	'history.log.changes': 'Muutokset edelliseen versioon',
	'history.log.parts': 'Muutetut kohdat',
	'history.log.part.title': 'Otsikko',
	'history.log.part.intro': 'Johdanto',
	'history.log.part.removed': '{title} (poistettu)',
	...LOOKUP_TEXTS,
	'history.lookup.title': 'Mikä versio oli voimassa?',
	'history.lookup.intro': 'Valitse päivä, niin näet, mikä tietosuojaselosteen versio oli silloin voimassa.',
	'history.lookup.label': 'Päivämäärä',
	'history.lookup.submit': 'Näytä',
	'history.lookup.periods': 'Kunkin version voimassaoloaika',
	'history.log.more': 'Lisää',
	'history.log.compare': 'Vertaa mitä tahansa kahta versiota',
	'history.log.feed': 'Tilaa muutokset syötteenä (RSS)',
	'history.log.json': 'Versiot ja niiden SHA-256-tarkisteet koneluettavassa muodossa (JSON)',
	'history.changes.title': 'Muutokset {date}',
	'history.changes.heading': 'Muutokset versiossa',
	'history.changes.against': 'Verrattuna edelliseen versioon',
	'history.changes.none':
		'Tämä on tietosuojaselosteen ensimmäinen julkaistu versio, joten aiempaa versiota, johon sitä voisi verrata, ei ole.',
	'history.changes.read': 'Lue tämä versio kokonaan',
	'history.changes.log': 'Kaikki versiot',
	...COMPARE_TEXTS,
	'history.compare.title': 'Vertaa versioita',
	'history.compare.intro': 'Valitse kaksi versiota nähdäksesi, mitä niiden välillä muuttui. Osoitteen voi jakaa.',
	'history.compare.old': 'Vanhempi versio',
	'history.compare.new': 'Uudempi versio',
	'history.compare.submit': 'Vertaa',
	'history.compare.optionCurrent': '{date} (voimassa)',
	'history.compare.optionUpcoming': '{date} (tulossa)',
	'history.compare.consecutive': 'Kunkin version muutokset edelliseen',
	'history.compare.noscript':
		'Kahden vapaasti valitun version vertailu tarvitsee JavaScriptin. Ilman sitä voit lukea kunkin version muutokset edelliseen versioon alta.',
	'history.feed.title': 'Solinum Oy:n tietosuojaselosteen muutokset',
	'history.feed.description': 'Tietosuojaselosteen uudet versiot: julkaisupäivä, voimaantulo ja muutoksen yhteenveto.',
	'history.feed.item': '{date}: {summary}',
	'history.feed.effective': 'Voimaan {date}.',
	'history.feed.first': 'Ensimmäinen julkaistu versio.',
	'history.feed.read': 'Lue versio',
	'history.feed.changes': 'katso muutokset',
	// Site search: the field in the header, its results and the labels of revisions.
	...SEARCH_STATUS_TEXTS,
	'search.label': 'Hae tietosuojaselosteesta',
	'search.history': 'Hae myös aiemmista ja tulevista versioista',
	'search.results': 'Hakutulokset',
	'search.revision.current': 'Voimassa oleva versio',
	'search.revision.earlier': 'Aiempi versio {date}',
	'search.revision.upcoming': 'Tuleva versio, voimassa {date} alkaen',
	// Cookie consent: the footer link, the record of a choice in the preferences, and the
	// cookie pages. The banner's and preferences' own texts are part of each version of the cookie
	// information (content/evasteet/), so that what a visitor was shown stays on record.
	'consent.footerLink': 'Evästeasetukset',
	'consent.record.title': 'Tallennettu valintasi',
	'consent.record.none': 'Et ole vielä tehnyt valintaa: vain välttämätön on käytössä.',
	'consent.record.choice': 'Sallittu: {categories}.',
	'consent.record.dates': 'Annettu {first}, viimeksi muutettu {last}.',
	'consent.record.id': 'Suostumuksen tunniste: {id}',
	'consent.record.version': 'Valintasi perustuu evästetietojen versioon {version}.',
	'consent.record.receipt': 'Lataa kuitti',
	'consent.record.receiptNote':
		'Kuitti on selaimessasi tehty JSON-tiedosto valinnastasi ja sen evästetietojen versiosta. Mitään ei lähetetä minnekään.',
	'consent.page.title': 'Evästeet',
	'consent.page.description':
		'Mitä Solinum Oy:n sivusto tallentaa selaimeesi, kenelle tiedot päätyvät ja kuinka kauan ne säilyvät.',
	'consent.page.intro':
		'Sivusto käyttää vain välttämätöntä, kunnes sallit muuta. Alla on jokainen eväste, jonka sivusto tai sen kolmannet osapuolet voivat tallentaa, käyttötarkoituksittain.',
	// {link} is the link that opens the preferences, worded by consent.page.changeLink.
	'consent.page.change': 'Voit antaa tai perua suostumuksesi {link}.',
	'consent.page.changeLink': 'evästeasetuksista',
	'consent.page.refusable': 'Voit sallia tai kieltää tämän.',
	'consent.page.required': 'Aina käytössä: sivusto ei toimi ilman tätä.',
	'consent.page.version': 'Evästetietojen voimassa oleva versio:',
	'consent.page.history': 'Kaikki evästetietojen versiot',
	// Every version of the cookie information: the list and each version's page.
	'consent.history.title': 'Evästetietojen versiot',
	'consent.history.description':
		'Jokainen Solinum Oy:n sivuston evästetietojen versio: milloin se oli voimassa, kysyttiinkö kävijöiltä uudelleen ja sen SHA-256-tarkiste.',
	'consent.history.intro':
		'Jokainen versio, jonka sivusto on näyttänyt kävijöilleen, uusin ensin. Kunkin version sivulla on se, mitä kävijä silloin näki: evästeilmoitus, evästeasetukset ja niiden säännöt.',
	'consent.history.reaskedNote':
		'Kävijöiltä kysytään uudelleen vain, kun se, mihin he suostuvat, muuttuu: käyttötarkoitus, palvelu, sen tarjoaja tai osoitteet, eväste tai sen säilytysaika. Pelkkä sanamuodon muutos ei kysy keneltäkään uudelleen.',
	'consent.history.version': 'Versio',
	'consent.history.inForce': 'Voimassa',
	'consent.history.from': 'alkaen',
	'consent.history.current': 'voimassa oleva',
	'consent.history.asked': 'Kysyttiinkö uudelleen',
	'consent.history.first': 'Ensimmäinen versio: kysyttiin kaikilta.',
	'consent.history.reasked': 'Kyllä: kaikilta kysyttiin uudelleen.',
	'consent.history.notReasked': 'Ei: vain sanamuotoja muutettiin, annetut valinnat pysyivät voimassa.',
	'consent.history.summary': 'Muutos',
	'consent.history.sha256': 'SHA-256',
	'consent.history.source': 'Lähdetiedosto',
	'consent.history.json': 'Versiot ja niiden SHA-256-tarkisteet koneluettavassa muodossa (JSON)',
	'consent.version.title': 'Evästetiedot {date}',
	'consent.version.description':
		'Mitä Solinum Oy:n sivuston kävijä näki evästeistä {date} alkaen: evästeilmoitus, evästeasetukset ja niiden säännöt.',
	'consent.version.current': 'Tämä on voimassa oleva versio.',
	'consent.version.replaced': 'Tämä versio ei ole enää voimassa. Sen korvasi',
	'consent.version.replacedBy': 'versio',
	'consent.version.banner': 'Evästeilmoitus',
	'consent.version.bannerIntro': 'Ilmoitus näytetään jokaisella sivulla, kunnes kävijä valitsee.',
	'consent.version.bannerLabel': 'Nimi ruudunlukijalle',
	'consent.version.buttons': 'Painikkeet',
	'consent.version.closeLabel': 'Sulkemispainikkeen (✕) nimi',
	'consent.version.changed': 'Palaavalle kävijälle, jolta kysytään uudelleen, lisäksi',
	'consent.version.gpc': 'Kun selain lähettää Global Privacy Control -signaalin, lisäksi',
	'consent.version.links': 'Linkit',
	'consent.version.preferences': 'Evästeasetukset',
	'consent.version.preferencesIntro':
		'Asetukset avautuvat ilmoituksen Asetukset-painikkeesta ja jokaisen sivun alalaidan Evästeasetukset-linkistä.',
	'consent.version.whenGpc': 'Kun selain lähettää Global Privacy Control -signaalin, lisäksi',
	'consent.version.off': 'Pois päältä, kunnes kävijä sallii sen.',
	'consent.version.rules': 'Säännöt',
	'consent.version.ruleDefault': 'Oletuksena käytössä: {categories}. Muut ovat pois päältä, kunnes kävijä sallii ne.',
	'consent.version.ruleGpc': 'Global Privacy Control -signaali hylkää: {categories}.',
	'consent.version.ruleNoGpc': 'Global Privacy Control -signaali ei hylkää mitään käyttötarkoitusta.',
	'consent.version.ruleKept': 'Valinta säilyy {lifetime}, minkä jälkeen kysytään uudelleen.',
	'consent.version.ruleRevision': 'Evästeilmoituksen versionumero (revision): {revision}.',
} as const;

/** The site's language, as `<html lang>`, the feed and structured data name it. */
export const LANGUAGE = 'fi';
/** The same as a locale, as Open Graph names it. */
export const LOCALE = 'fi_FI';

/** A key of the Finnish dictionary. */
export type UiKey = keyof typeof fi;

/** The Finnish text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
	// The same rule as fill() in fill.ts, written out: importing it here would make the bundler
	// split it into a chunk of its own, one more request on every page.
	return fi[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in values ? String(values[name]) : placeholder,
	);
}
