import { z } from 'astro/zod';
import { isIsoDate } from '../site/dates.ts';

const isoDate = z
	.string({ error: 'must be a date written as YYYY-MM-DD' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD', abort: true })
	.refine(isIsoDate, { error: 'is not a real date' });

/**
 * The front matter of a revision file. Every field an editor may write is here; any other
 * field is refused, so that a typo (`sumary`) cannot silently drop information.
 */
export const revisionFrontmatterSchema = z.strictObject({
	/**
	 * The notice's title, shown as its main heading.
	 * @example title: Solinum Oy Tietosuojaseloste
	 */
	title: z.string().trim().min(1, { error: 'must not be empty' }),
	/**
	 * The day the revision is published. It is also the file name and the permanent address:
	 * `2018-03-11` lives in `2018-03-11.mdx` at `/tietosuojaseloste/2018-03-11/`.
	 * @example published: 2018-03-11
	 */
	published: isoDate,
	/**
	 * The day the revision takes effect, when later than `published`; until then it is
	 * announced as an upcoming change. Defaults to `published`.
	 * @example effective: 2026-06-01
	 */
	effective: isoDate.optional(),
	/**
	 * A plain-language summary of what changed, shown on the notice, in the change log and
	 * the feed. Required on every revision after the first.
	 * @example summary: "Lisätty evästeitä koskeva osio."
	 */
	summary: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
});

/** Front matter as the editor wrote it. */
export type RevisionFrontmatter = z.infer<typeof revisionFrontmatterSchema>;

/** The fields an editor may write, in the order the scaffold writes them. */
export const REVISION_FIELDS = Object.keys(revisionFrontmatterSchema.shape);
