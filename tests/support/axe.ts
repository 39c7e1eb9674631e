// The one accessibility check every browser spec runs: axe-core at WCAG 2.2 AA.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The success criteria audited: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds on the page as it is now, one line per rule: its id, impact and the elements.
 * `exclude` leaves out a part that its own tests audit.
 */
export async function axeViolations(page: Page, options: { exclude?: string } = {}): Promise<string[]> {
	let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
	if (options.exclude) builder = builder.exclude(options.exclude);
	const { violations } = await builder.analyze();
	return violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
	);
}
