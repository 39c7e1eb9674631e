import { describe, expect, it } from 'vitest';
import { checkRevisionFile, formatProblem } from '../../src/lib/revision-check.ts';

const file = (fileName: string, frontmatter: string, body = 'Teksti.\n') => ({
	fileName,
	source: `---\n${frontmatter}\n---\n${body}`,
});
const messages = (input: { fileName: string; source: string }) => {
	const result = checkRevisionFile(input);
	return result.ok ? [] : result.problems.map(formatProblem);
};

describe('a schema error names the file and the field', () => {
	it.each([
		[
			file('2026-03-01.mdx', 'title: T\npublished: 2026-03-01\nsumary: "x"'),
			'2026-03-01.mdx: the front matter has an unknown field "sumary".\n  Fix: use only these fields: title, published, effective, summary. Check the spelling of "sumary".',
		],
		[
			file('2026-03-01.mdx', 'title: T'),
			'2026-03-01.mdx: the front matter has no "published".\n  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-03-01',
		],
		[
			file('2026-02-28.mdx', 'title: T\npublished: 2026-02-30'),
			'2026-02-28.mdx: "published" is "2026-02-30", which is not a real date.\n  Fix: write the publication date as YYYY-MM-DD, the same day as the file name: published: 2026-02-28',
		],
		[
			file('2026-03-01.mdx', 'title: T\npublished: 2026-03-01\neffective: maaliskuussa'),
			'2026-03-01.mdx: "effective" is "maaliskuussa", which must be a date written as YYYY-MM-DD.\n  Fix: write the date the revision takes effect as YYYY-MM-DD, or leave the field out to use the publication date.',
		],
	])('%#', (input, expected) => {
		expect(messages(input)).toEqual([expected]);
	});

	it('accepts a well-formed revision', () => {
		const result = checkRevisionFile(file('2026-03-01.mdx', 'title: T\npublished: 2026-03-01\nsummary: "Muutos."'));
		expect(result.ok).toBe(true);
	});
});
