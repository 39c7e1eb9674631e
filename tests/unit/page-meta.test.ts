import { describe, expect, it } from 'vitest';
import {
	changesDescription,
	noticeDescription,
	revisionDates,
	revisionDescription,
	structuredData,
} from '../../src/lib/notice/page-meta.ts';
import type { RevisionInfo } from '../../src/lib/notice/revisions.ts';

const first: RevisionInfo = { title: 'Solinum Oy Tietosuojaseloste', published: '2018-03-11', effective: '2018-03-11' };
const later: RevisionInfo = {
	title: 'Solinum Oy Tietosuojaseloste',
	published: '2024-02-15',
	effective: '2024-03-01',
	summary: 'Lisätty evästeitä koskeva osio.',
};

describe('descriptions', () => {
	it.each([
		[
			'the notice, first revision',
			noticeDescription(first),
			'Solinum Oy:n voimassa oleva tietosuojaseloste: miten keräämme, käytämme, luovutamme ja säilytämme henkilötietoja.',
		],
		[
			'the notice, a later revision',
			noticeDescription(later),
			'Solinum Oy:n voimassa oleva tietosuojaseloste: miten keräämme, käytämme, luovutamme ja säilytämme henkilötietoja. Viimeisin muutos 15.2.2024: Lisätty evästeitä koskeva osio.',
		],
		[
			'a first revision',
			revisionDescription(first),
			'Solinum Oy:n tietosuojaselosteen ensimmäinen julkaistu versio, 11.3.2018.',
		],
		[
			'a later revision',
			revisionDescription(later),
			'Solinum Oy:n tietosuojaselosteen versio 15.2.2024. Muutos edelliseen versioon: Lisätty evästeitä koskeva osio.',
		],
		[
			"a first revision's changes",
			changesDescription(first),
			'Solinum Oy:n tietosuojaselosteen ensimmäinen versio, 11.3.2018: aiempaa versiota, johon sitä voisi verrata, ei ole.',
		],
		[
			"a later revision's changes",
			changesDescription(later),
			'Mitä Solinum Oy:n tietosuojaselosteen versiossa 15.2.2024 muuttui: Lisätty evästeitä koskeva osio.',
		],
	])('%s', (_, description, expected) => {
		expect(description).toBe(expected);
	});
});

describe('structuredData', () => {
	const page = {
		name: 'Solinum Oy Tietosuojaseloste',
		description: 'Kuvaus </script><script>alert(1)</script>',
		url: 'https://www.solinum.fi/tietosuojaseloste/',
		dates: revisionDates(later),
		publisher: { name: 'Solinum Oy', url: 'https://www.solinum.fi/' },
	};

	it('is schema.org JSON-LD in Finnish, with the revision dates and the publisher', () => {
		expect(JSON.parse(structuredData(page))).toEqual({
			'@context': 'https://schema.org',
			'@type': 'WebPage',
			name: 'Solinum Oy Tietosuojaseloste',
			description: 'Kuvaus </script><script>alert(1)</script>',
			url: 'https://www.solinum.fi/tietosuojaseloste/',
			inLanguage: 'fi',
			datePublished: '2024-02-15',
			dateModified: '2024-02-15',
			publisher: { '@type': 'Organization', name: 'Solinum Oy', url: 'https://www.solinum.fi/' },
		});
	});

	it('cannot close its script element, whatever the text says', () => {
		expect(structuredData(page)).not.toContain('<');
	});
});
