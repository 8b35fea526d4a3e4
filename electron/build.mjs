// Build tooling (Node). `npm run build:electron`, or
// `node electron/build.mjs [--outdir DIR] [--only main,preload,worker]`.
// Bundles the Electron main process, the preload and the inspect worker into three
// self-contained CommonJS files under build/electron/. Self-contained matters twice:
//  - a sandboxed preload can only require('electron'), so it must carry everything else inline;
//  - the packaged app ships build/ only, so main and worker must not need node_modules.
// After bundling, the imports each bundle still makes are checked against those rules, so a
// stray dependency fails the build here instead of crashing the packaged app.

import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function option(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

// Code in shared/ is ES modules and may use import.meta.url; CommonJS has no import.meta, so
// each bundle defines it from its own file name.
const importMetaUrlBanner =
  "const __meshImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Each bundle, and which runtime imports it may keep (everything else must be inlined). */
const bundles = [
  {
    name: 'main',
    key: 'main',
    entry: 'electron/main.ts',
    out: 'main.cjs',
    platform: 'node',
    target: 'node20',
    external: ['electron'],
    allowed: (spec) => spec === 'electron' || nodeBuiltins.has(spec),
    meta: true,
  },
  {
    name: 'preload',
    key: 'preload',
    entry: 'electron/preload.ts',
    out: 'preload.cjs',
    // 'browser' makes any accidental Node import (fs, path …) a build error.
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
    allowed: (spec) => spec === 'electron',
    meta: false,
  },
  {
    name: 'inspect worker',
    key: 'worker',
    entry: 'shared/node/jobs/inspect-worker.ts',
    out: 'inspect-worker.cjs',
    platform: 'node',
    target: 'node20',
    external: [],
    // A worker thread has no 'electron' module: Node built-ins only.
    allowed: (spec) => nodeBuiltins.has(spec),
    meta: true,
  },
];

async function buildOne(bundle, outDir) {
  const outfile = path.join(outDir, bundle.out);
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [bundle.entry],
    outfile,
    bundle: true,
    platform: bundle.platform,
    format: 'cjs',
    target: bundle.target,
    external: bundle.external,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'inline',
    ...(bundle.meta
      ? { banner: { js: importMetaUrlBanner }, define: { 'import.meta.url': '__meshImportMetaUrl' } }
      : {}),
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(bundle.out));
  const imports = output ? output[1].imports : [];
  const forbidden = imports.filter((imp) => imp.external && !bundle.allowed(imp.path)).map((imp) => imp.path);
  if (forbidden.length > 0) {
    throw new Error(
      `The ${bundle.name} bundle still requires ${[...new Set(forbidden)].join(', ')} at run time; ` +
        'it must be inlined (or the import removed) for the packaged app to work.',
    );
  }
  const size = output ? output[1].bytes : 0;
  return { name: bundle.name, outfile, size };
}

async function main() {
  const argv = process.argv.slice(2);
  const outDirArg = option(argv, '--outdir');
  const outDir = outDirArg ? path.resolve(outDirArg) : path.join(repoRoot, 'build', 'electron');
  const only = option(argv, '--only')?.split(',');
  const unknown = only?.filter((k) => !bundles.some((b) => b.key === k)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown bundle ${unknown.join(', ')}; choose from main, preload, worker.`);
  await mkdir(outDir, { recursive: true });
  const built = [];
  for (const bundle of bundles) {
    if (!only || only.includes(bundle.key)) built.push(await buildOne(bundle, outDir));
  }
  for (const b of built) {
    const rel = path.relative(repoRoot, b.outfile);
    const shown = rel.startsWith('..') ? b.outfile : rel;
    console.log(`${b.name.padEnd(15)} ${shown}  ${(b.size / 1024).toFixed(0)} KiB`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
