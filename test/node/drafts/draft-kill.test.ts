// Node only (test). The kill test: a child process saves drafts continuously and is
// SIGKILLed at random moments (like a crash or a pulled plug), many times over the same data
// folder. After every kill each draft file must parse and pass the validator, whole (its
// self-checking texts have their declared lengths); after the store next opens, no temporary
// file of a killed save is left.
// The child is bundled once with esbuild and run by plain Node (~50 ms to start instead of the
// tsx loader's ~400 ms), so 50 rounds fit in about 15 seconds.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { seededRandom as random } from '../../../shared/node/bench/prng';
import { readJsonFile } from '../../../shared/node/store/atomic-json';
import { DraftStore } from '../../../shared/node/drafts/draft-store';
import { isStoredDraft, type StoredDraft } from '../../../shared/node/drafts/stored-draft';
import { tempDir } from '../../fixtures/make-fixtures';

const ROUNDS = 50;
const root = tempDir('mesh-desk-draft-kill-');
const dataDir = join(root, 'data');
let bundle = '';

beforeAll(async () => {
  bundle = join(root, 'kill-child.bundle.mjs');
  await build({ entryPoints: [join(__dirname, 'kill-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: bundle, logLevel: 'silent' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the child, kills it with SIGKILL `delayMs` after it is ready (or after start, if `early`). */
function killRound(seed: number, delayMs: number, early: boolean): Promise<{ ready: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Extra CA certificates cost Node ~200 ms to load at every start; the child needs no network.
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const child = spawn(process.execPath, [bundle, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let ready = false;
    let stderr = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.stdout.on('data', (b: Buffer) => {
      if (!ready && b.toString().includes('ready')) {
        ready = true;
        if (!early) kill();
      }
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // Anything but our SIGKILL is a failure of the child itself (a crash would hide a bug).
      if (signal !== 'SIGKILL') reject(new Error(`kill child ended by itself (code ${code}): ${stderr}`));
      else resolve({ ready, stderr });
    });
    if (early) kill();
  });
}

/** "len:<n>;" followed by exactly n characters. */
function wholeText(s: string | undefined): boolean {
  if (s === undefined) return true;
  const m = /^len:(\d+);/.exec(s);
  return m !== null && s.length - m[0].length === Number(m[1]);
}

function wholeDraft(d: StoredDraft): boolean {
  return wholeText(d.content.meta.description) && Object.values(d.content.meta.columns ?? {}).every((c) => wholeText(c.description));
}

/** Every draft document in the folder and its bin: parsed, valid, whole. Returns the count and temp files seen. */
async function checkAll(): Promise<{ drafts: number; temps: number; bad: string[] }> {
  let drafts = 0;
  let temps = 0;
  const bad: string[] = [];
  for (const dir of [join(dataDir, 'drafts'), join(dataDir, 'drafts', '.bin')]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        temps++;
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const r = await readJsonFile(join(dir, name));
      if (r.kind !== 'ok') bad.push(`${name}: ${r.kind}`);
      else if (!isStoredDraft(r.value)) bad.push(`${name}: not a valid draft`);
      else if (!wholeDraft(r.value)) bad.push(`${name}: a text was cut`);
      else drafts++;
    }
  }
  return { drafts, temps, bad };
}

describe('drafts survive SIGKILL during saves', () => {
  it(`${ROUNDS} rounds: zero unreadable drafts, and no stale temporary file once the store opens`, async () => {
    const rand = random(20261121);
    let roundsWithTemps = 0;
    let readyRounds = 0;
    const started = Date.now();
    for (let round = 1; round <= ROUNDS; round++) {
      // One round in six is killed early: during start-up, the clean-up or the first save.
      const early = round % 6 === 0;
      const { ready } = await killRound(round, early ? Math.floor(rand() * 80) : Math.floor(rand() * 150), early);
      if (ready) readyRounds++;
      const { bad, temps } = await checkAll();
      expect(bad, `round ${round}`).toEqual([]);
      if (temps > 0) roundsWithTemps++;
    }
    const store = await new DraftStore(dataDir).open();
    const after = await checkAll();
    expect(after.bad).toEqual([]);
    expect(after.temps).toBe(0);
    expect(after.drafts).toBeGreaterThanOrEqual(4);
    const list = await store.list();
    expect(list.filter((d) => d.title === 'Damaged draft')).toEqual([]);
    // The test must really have killed saves half-way, or it proves nothing.
    expect(readyRounds).toBeGreaterThan(ROUNDS / 2);
    expect(roundsWithTemps).toBeGreaterThan(0);
    console.log(`kill test: ${ROUNDS} rounds in ${((Date.now() - started) / 1000).toFixed(1)} s; ${roundsWithTemps} left a half-written temporary file; ${after.drafts} drafts, all whole`);
  }, 60_000);
});
