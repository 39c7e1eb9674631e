import type { APIRoute, GetStaticPaths } from 'astro';
import { revisionPaths, type Revision } from '../../../lib/notice/collection-node.ts';

// One small file per revision, so that the compare page can diff any pair in the browser while
// the build grows with the number of revisions, not the number of pairs.
export const getStaticPaths = revisionPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ revision: Revision }> = ({ props }) =>
	new Response(JSON.stringify(props.revision.blocks), {
		headers: { 'content-type': 'application/json; charset=utf-8' },
	});
