// The first revision is Solinum Oy's notice word for word. Rendered here by Astro's own MDX
// pipeline, as its page renders it, so that the check needs no build; the built pages are checked
// against the seed in tests/e2e/notice.spec.ts.
import { readFileSync } from 'node:fs';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { seedWords, words } from '../support/page-text.ts';

const SOURCE = 'content/tietosuojaseloste/2018-03-11.mdx';

describe('the first revision is the seed, word for word', () => {
	it('renders every word of the seed, in order, and nothing else', async () => {
		const module = await import('../../content/tietosuojaseloste/2018-03-11.mdx');
		const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
		const $ = cheerio.load(await container.renderToString(module.default));
		$('br').replaceWith(' ');
		$('h1, h2, h3, p, li').after(' ');
		const rendered = words(`${module.frontmatter.title} ${$.root().text()}`);
		expect(rendered.length).toBe(seedWords().length);
		expect(rendered).toEqual(seedWords());
	});

	it("keeps the seed's own typos and spacing in the source", () => {
		const source = readFileSync(SOURCE, 'utf8');
		for (const quirk of [
			'tietosuojaja turvallisuusohjeistuksen',
			'Solinum Oy:n ei luovuta',
			'jos rekisterinpitäjän ei ole',
			'hyväksyminen\u00a0',
		]) {
			expect(source).toContain(quirk);
		}
	});
});
