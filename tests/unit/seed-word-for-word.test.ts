import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeWords, words } from '../support/page-text.ts';
import { siteOutDir } from '../support/sites.ts';

const SEED = new URL('../../../shared/seed/000_9e789dee753716c2.txt', import.meta.url);
const built = (path: string) => readFileSync(`${siteOutDir('published')}${path}`, 'utf8');

// The seed marks list items with "•"; the site marks them with <li>, which is structure, not words.
const seedWords = words(readFileSync(SEED, 'utf8')).filter((word) => word !== '•');

describe('the first revision is the seed, word for word', () => {
	it.each([
		['the notice', '/tietosuojaseloste/index.html'],
		['its permanent address', '/tietosuojaseloste/2018-03-11/index.html'],
	])('%s shows every word of the seed, in order, and nothing else', (_, path) => {
		const pageWords = noticeWords(built(path));
		expect(pageWords.length).toBe(seedWords.length);
		expect(pageWords).toEqual(seedWords);
	});

	it('keeps the seed\'s own typos and spacing in the source', () => {
		const source = readFileSync('content/tietosuojaseloste/2018-03-11.mdx', 'utf8');
		for (const quirk of ['tietosuojaja turvallisuusohjeistuksen', 'Solinum Oy:n ei luovuta', 'jos rekisterinpitäjän ei ole', 'hyväksyminen\u00a0']) {
			expect(source).toContain(quirk);
		}
	});
});
