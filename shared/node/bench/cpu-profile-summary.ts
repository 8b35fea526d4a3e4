// Node only (bench tooling).
// Reads a V8 .cpuprofile (written by `node --cpu-prof`) and says where the time went: self
// time per function and per source file. Enough to see whether a slow reader spends its time
// parsing, decoding text, typing values or collecting garbage, without opening DevTools.

import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  files: HotSpot[];
}

/** Maps a line of a bundle to the source module it came from (see moduleStarts). */
type LineMapper = (url: string, line: number) => string | undefined;

export function summarizeProfile(profile: CpuProfile, top = 12, mapLine: LineMapper = () => undefined): ProfileSummary {
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the gap to the next one; the deltas array is aligned with samples.
  for (let i = 0; i < samples.length; i++) {
    const next = deltas[i + 1] ?? 0;
    selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + next / 1000);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const source = mapLine(url, lineNumber + 1);
    const file = source ?? (shortUrl(url) || '(native / V8)');
    const where = source ? ` (bundle line ${lineNumber + 1})` : url ? `:${lineNumber + 1}` : '';
    const fn = `${functionName || '(anonymous)'} ${file}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>): HotSpot[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 }));
  return { totalMs, functions: rank(byFunction), files: rank(byFile) };
}

function shortUrl(url: string): string {
  const at = url.indexOf('/node_modules/');
  if (at >= 0) return url.slice(at + 1);
  const repo = url.search(/\/(shared|test)\//);
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, '');
}

/** The newest .cpuprofile in `dir`, summarized; undefined when there is none. */
export async function summarizeNewestProfile(dir: string, top = 12): Promise<ProfileSummary | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.cpuprofile'));
  let newest: { path: string; mtime: number } | undefined;
  for (const n of names) {
    const path = join(dir, n);
    const mtime = (await stat(path)).mtimeMs;
    if (!newest || mtime > newest.mtime) newest = { path, mtime };
  }
  if (!newest) return undefined;
  const profile = JSON.parse(await readFile(newest.path, 'utf8')) as CpuProfile;
  // A --bundled child is one file: attribute its lines back to the modules esbuild joined.
  const starts = new Map<string, Array<[number, string]>>();
  for (const node of profile.nodes) {
    const url = node.callFrame.url;
    if (url.endsWith('.bundle.mjs') && !starts.has(url)) {
      starts.set(url, moduleStarts(await readFile(fileURLToPath(url), 'utf8').catch(() => '')));
    }
  }
  const mapLine: LineMapper = (url, line) => {
    const list = starts.get(url);
    if (!list) return undefined;
    let found: string | undefined;
    for (const [start, module] of list) {
      if (start > line) break;
      found = module;
    }
    return found;
  };
  return summarizeProfile(profile, top, mapLine);
}

/** esbuild starts each bundled module with a `// path/to/module.ts` comment line. */
export function moduleStarts(bundle: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const lines = bundle.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:shared|test|node_modules)\/\S+\.[cm]?[jt]sx?)$/.exec(lines[i]!);
    if (m) out.push([i + 1, m[1]!]);
  }
  return out;
}

export function formatProfileSummary(title: string, s: ProfileSummary): string {
  const row = (h: HotSpot) => `    ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.ms.toFixed(0).padStart(6)} ms  ${h.name}`;
  return [
    `${title} — ${s.totalMs.toFixed(0)} ms profiled (self time)`,
    '  by file:',
    ...s.files.map(row),
    '  by function:',
    ...s.functions.map(row),
    '',
  ].join('\n');
}
