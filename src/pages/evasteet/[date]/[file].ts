import type { APIRoute, GetStaticPaths } from 'astro';
import type { PublishedVersion } from '../../../lib/consent/check-node.ts';
import { loadConsentHistory } from '../../../lib/consent/versions-node.ts';

// Each version's file, byte for byte: the SHA-256 in versiot.json and sealed.json is over exactly
// these bytes, so that anyone can check with sha256sum what visitors were shown.
export const getStaticPaths = (() =>
	loadConsentHistory().versions.map((version) => ({
		params: { date: version.date, file: version.fileName },
		props: { version },
	}))) satisfies GetStaticPaths;

const TYPES = { yaml: 'application/yaml; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export const GET: APIRoute<{ version: PublishedVersion }> = ({ props }) => {
	const bytes = loadConsentHistory().bytesOf(props.version);
	return new Response(new Uint8Array(bytes), { headers: { 'content-type': TYPES[props.version.format] } });
};
