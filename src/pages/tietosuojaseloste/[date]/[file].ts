import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadHistory, type Revision } from '../../../lib/notice.ts';

// Each revision's source file, byte for byte: the SHA-256 in versiot.json and sealed.json is
// over exactly these bytes, so anyone can check what was published.
export const getStaticPaths = (async () => {
	const { revisions } = await loadHistory();
	return revisions.map((revision) => ({
		params: { date: revision.published, file: `${revision.published}.mdx` },
		props: { revision },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ revision: Revision }> = ({ props }) => {
	const { filePath } = props.revision.entry;
	if (!filePath) throw new Error(`Revision ${props.revision.published} has no source file.`);
	return new Response(readFileSync(filePath), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
