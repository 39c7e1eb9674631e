// Part of the Finnish dictionary (site/i18n.ts spreads it in): the texts the search code shows while
// it searches. A module of their own, so that the lazily loaded search code takes them without
// the rest of the dictionary, and a page that is only read carries none of them.
export const SEARCH_STATUS_TEXTS = {
	'search.loading': 'Ladataan hakua…',
	'search.none': 'Ei tuloksia haulle ”{query}”.',
	'search.countOne': '1 osuma haulle ”{query}”.',
	'search.count': '{count} osumaa haulle ”{query}”.',
	'search.failed': 'Haku ei juuri nyt toimi. Lataa sivu uudelleen ja yritä sitten uudestaan.',
	'search.dev':
		'Hakuhakemisto syntyy vasta käännöksessä. Kokeile hakua ajamalla npm run build ja sitten npm run preview.',
} as const;
