// `npm run build`: astro build, but a failed build leaves no output behind, so that nothing
// half-built (or left over from an earlier build) can be deployed by mistake.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const outDirFlag = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
const outDirArg = args[outDirFlag] ?? '';
const outDir = (outDirArg.includes('=') ? outDirArg.slice('--outDir='.length) : args[outDirFlag + 1]) || 'dist';

rmSync(outDir, { recursive: true, force: true });
const { status } = spawnSync('astro', ['build', ...args], { stdio: 'inherit' });
if (status !== 0) {
	rmSync(outDir, { recursive: true, force: true });
	console.error(`\nThe build failed: ${outDir}/ was removed and nothing was published.`);
	process.exit(status ?? 1);
}
