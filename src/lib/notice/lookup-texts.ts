// Part of the Finnish dictionary (site/i18n.ts spreads it in): the answers of the change log's date
// field, which its script writes in the browser without the rest of the dictionary.
export const LOOKUP_TEXTS = {
	'history.lookup.was': 'Päivänä {date} voimassa oli {version}.',
	'history.lookup.is': 'Päivänä {date} voimassa on {version}.',
	'history.lookup.version': 'versio {date}',
	'history.lookup.takesEffect': 'Se tulee voimaan {date}.',
	'history.lookup.unpublished': 'Päivänä {date} tietosuojaselostetta ei ollut vielä julkaistu.',
	'history.lookup.notInForce':
		'Päivänä {date} mikään versio ei ollut vielä voimassa: ensimmäinen tuli voimaan {effective}.',
	'history.lookup.notYetInForce':
		'Päivänä {date} mikään versio ei ole vielä voimassa: ensimmäinen tulee voimaan {effective}.',
	'history.lookup.invalid': 'Päivämäärä ei kelpaa. Valitse päivä kentästä.',
} as const;
