// The fences of "one core, three shells": the core imports no Node built-ins, no Electron, no
// React/DOM; the renderer imports no Node and no Node-corner code; the preload imports only
// electron and the core. A new import across a fence fails this test.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const repo = resolve(__dirname, '../..');
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): { spec: string; target?: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
    // `import type` / `export type` are erased by every build (verbatimModuleSyntax marks them).
    const typeOnly = /^[\s;]*(import|export)\s+type\s/.test(m[0]);
    return spec.startsWith('.') ? { spec, target: relative(repo, resolve(dirname(file), spec)), typeOnly } : { spec, typeOnly };
  });
}

function violations(dir: string, rule: (imp: { spec: string; target?: string }) => boolean): string[] {
  return files(join(repo, dir)).flatMap((f) =>
    importsOf(f)
      .filter(rule)
      .map((imp) => `${relative(repo, f)} imports ${imp.spec}`),
  );
}

const resolveTs = (p: string) => [p, `${p}.ts`, `${p}.tsx`, join(p, 'index.ts')].find((f) => { try { return statSync(f).isFile(); } catch { return false; } }) ?? p;

const isBuiltin = (spec: string) => builtins.has(spec) || builtins.has(spec.split('/')[0]!);
const inside = (target: string | undefined, dir: string) => target !== undefined && (target === dir || target.startsWith(dir + sep) || target.startsWith(dir + '/'));

describe('architecture fences', () => {
  it('the pure core imports no Node built-ins, Electron, React, or shell code', () => {
    const bad = violations('shared/core', ({ spec, target }) =>
      isBuiltin(spec) ||
      /^(electron|react|react-dom|zustand|exceljs|papaparse|tsx)(\/|$)/.test(spec) ||
      inside(target, 'shared/node') || inside(target, 'renderer') || inside(target, 'electron'),
    );
    expect(bad).toEqual([]);
  });

  it('the renderer talks only to the API: no Node built-ins, no Electron, no Node corner', () => {
    const bad = violations('renderer', ({ spec, target }) =>
      isBuiltin(spec) || /^electron(\/|$)/.test(spec) || inside(target, 'shared/node') || inside(target, 'electron'),
    );
    expect(bad).toEqual([]);
  });

  it('the preload (and everything it pulls in) imports only electron and the core', () => {
    // A sandboxed preload can require nothing but 'electron' at run time, so its whole import
    // graph is checked, not only its own lines.
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { spec, target, typeOnly } of importsOf(file)) {
        // Types never reach the bundle (build.test.ts checks the built preload itself).
        if (typeOnly) continue;
        if (target === undefined) {
          if (spec !== 'electron') bad.push(`${relative(repo, file)} imports ${spec}`);
        } else if (inside(target, 'shared/core') || inside(target, 'electron')) {
          visit(resolveTs(join(repo, target)));
        } else bad.push(`${relative(repo, file)} imports ${spec}`);
      }
    };
    visit(join(repo, 'electron/preload.ts'));
    expect(seen.size).toBeGreaterThan(1);
    expect(bad).toEqual([]);
  });

  it('the fence rule itself catches a forbidden import', () => {
    // Guards against a regex that silently matches nothing.
    const sample = join(repo, 'shared/core/ingest/open-source.ts');
    expect(importsOf(sample).map((i) => i.spec)).toContain('../result');
    expect(isBuiltin('node:fs')).toBe(true);
    expect(isBuiltin('fs/promises')).toBe(true);
  });
});
