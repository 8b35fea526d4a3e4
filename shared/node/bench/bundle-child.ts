// Node only (bench tooling).
// `--bundled`: the measurement child as one esbuild bundle run by plain Node, without the tsx
// loader. The loader runs its hooks on a second thread with its own V8 heap (~35 MB of peak
// memory here) and compiles on the fly; the shipped app is bundled like this instead, so the
// bundled figures are the ones a user's machine sees.

import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_SOURCE_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Bundles child-main.ts (and the code it measures) into `outDir`; returns the entry path. */
export async function bundleChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'child.bundle.mjs');
  await build({
    stdin: {
      contents: "import { main } from './child-main';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: BENCH_SOURCE_DIR,
      loader: 'ts',
      sourcefile: 'child-bundle-entry.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules (resolved from the repo): only our own code is bundled.
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
