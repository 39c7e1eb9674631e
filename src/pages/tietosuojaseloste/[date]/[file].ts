import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { sha256 } from '../../../lib/record/seal-node.ts';
import { loadHistory, type Revision } from '../../../lib/notice/collection-node.ts';

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
	const bytes = readFileSync(filePath);
	// Only the bytes that were checked and fingerprinted are published; a file saved since fails the build.
	if (sha256(bytes) !== props.revision.sha256) {
		throw new Error(`${filePath} changed while the site was being built; build again.`);
	}
	return new Response(bytes, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
