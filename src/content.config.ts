import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { revisionLoader } from './lib/notice/loader-node.ts';
import type { LoadedRevision } from './lib/notice/revisions.ts';
import { contentDir } from './lib/site/settings-node.ts';

const revisions = defineCollection({
	loader: revisionLoader(contentDir()),
	// The loader stores each revision as the folder check read it: the front matter validated by
	// the one schema (lib/notice/schema.ts), the fingerprint and the diff blocks. This only names
	// the type; nothing is validated a second time.
	schema: z.custom<LoadedRevision>(),
});

export const collections = { revisions };
