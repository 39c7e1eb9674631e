/**
 * Every string the interface shows, in Finnish, keyed by where it is used. Components read
 * them through `t()`, so wording is changed here once and nowhere else.
 */
const fi = {
	'site.name': 'Solinum Oy',
	'site.description':
		'Solinum Oy:n tietosuojaseloste: miten keräämme, käytämme, luovutamme ja säilytämme henkilötietoja, ja sen koko muutoshistoria.',
	'skipLink.label': 'Siirry sisältöön',
	'nav.label': 'Päävalikko',
	'nav.notice': 'Tietosuojaseloste',
	'footer.label': 'Alatunniste',
	'notice.lastUpdated': 'Viimeksi päivitetty',
	'notice.permanentLink': 'Tämän version pysyvä osoite',
	'toc.label': 'Sisällys',
	'notFound.title': 'Sivua ei löytynyt',
	'notFound.body': 'Etsimääsi sivua ei ole tai sen osoite on muuttunut.',
	'notFound.link': 'Siirry tietosuojaselosteeseen',
	'home.title': 'Solinum Oy',
	'home.redirect': 'Siirryt tietosuojaselosteeseen.',
} as const;

/** A key of the Finnish dictionary. */
export type UiKey = keyof typeof fi;

/** The Finnish text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
	return fi[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in values ? String(values[name]) : placeholder,
	);
}
