/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's own Vite pipeline, so that a unit test can render a revision's MDX exactly as the pages
// do (tests/unit/revision-page-text.test.ts), with no build first.
export default getViteConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
	},
});
