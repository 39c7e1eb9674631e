// A test site's revisions as its files say, read with a YAML parser of their own, so that the
// expectations of a test come from the content and not from the code under test.
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/** One revision's front matter, with `effective` defaulted as the schema documents. */
export interface RevisionFile {
	title: string;
	published: string;
	effective: string;
	summary?: string;
}

/** The revisions in `contentDir` published by `buildDate`, oldest first. */
export function revisionFiles(contentDir: string, buildDate: string): RevisionFile[] {
	return readdirSync(contentDir)
		.filter((name) => name.endsWith('.mdx'))
		.sort()
		.map((name) => {
			const source = readFileSync(`${contentDir}/${name}`, 'utf8');
			const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
			const data = yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA }) as Record<string, string>;
			const published = String(data['published']);
			return {
				title: String(data['title']),
				published,
				effective: String(data['effective'] ?? published),
				...(data['summary'] === undefined ? {} : { summary: String(data['summary']) }),
			};
		})
		.filter((revision) => revision.published <= buildDate);
}
