import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { revisionLoader } from './lib/notice/loader-node.ts';
import { revisionFrontmatterSchema } from './lib/notice/schema.ts';
import { contentDir } from './lib/site/settings-node.ts';

const revisions = defineCollection({
	loader: revisionLoader(contentDir()),
	// The loader stores front matter it has already checked, with the derived fields filled in.
	schema: revisionFrontmatterSchema.extend({
		effective: revisionFrontmatterSchema.shape.published,
		/** SHA-256 of the revision file's bytes, as sealed. */
		sha256: z.string().regex(/^[0-9a-f]{64}$/),
		/** Published after the build date: only `astro dev` has it, to preview it. */
		scheduled: z.boolean(),
	}),
});

export const collections = { revisions };
