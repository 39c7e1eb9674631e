// `npm run lint`: ESLint's and typescript-eslint's recommended rules, Astro's for components,
// and the one rule of the layout that a name alone cannot enforce: a module that does not say
// it runs only in Node (the `-node.ts` suffix) imports nothing that needs Node, so that a
// `<script>` can import any other module of src/lib.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = [
	{ group: ['node:*'], message: 'Node built-ins: put this in a module named *-node.ts.' },
	{ group: ['satteri'], message: 'satteri parses with a native binding: put this in a module named *-node.ts.' },
	{
		group: ['astro:content', 'astro/loaders', 'astro/errors'],
		message: 'Build-time Astro APIs: put this in a module named *-node.ts.',
	},
	{
		group: ['**/*-node.ts'],
		message: 'A *-node.ts module runs only in Node: import it from another *-node.ts module, a page or a build step.',
	},
];

export default defineConfig(
	{ ignores: ['dist/', '.astro/', '.test-sites/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['src/scripts/**/*.ts', 'src/components/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		files: ['src/lib/**/*.ts', 'src/scripts/**/*.ts'],
		ignores: ['src/lib/**/*-node.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ patterns: NODE_ONLY.map((rule) => ({ ...rule, allowTypeImports: true })) },
			],
		},
	},
);
