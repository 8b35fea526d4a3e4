// Node only (test child). Saves drafts continuously — several drafts, sizes from a few hundred
// bytes to about 2 MB, saves to different drafts at once, state changes, delete and undo —
// until the kill test SIGKILLs it. Prints "ready" once the store is open and a save is done.
// Each description carries its own length, so the test can tell a whole document from a cut one.
// Usage: node kill-child.bundle.mjs <dataDir> <seed>

import type { DraftContent } from '../../../shared/core/api/draft-types';
import { DraftStore } from '../../../shared/node/drafts/draft-store';
import { seededRandom as random } from '../../../shared/node/bench/prng';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';

export const KILL_DRAFT_IDS = ['killDraft0', 'killDraft1', 'killDraft2', 'killDraft3', 'killDraft4'];

/** "len:<n>;" then n characters: checkable without trusting anything else in the file. */
export function selfCheckingText(n: number, fill: string): string {
  return `len:${n};${fill.repeat(Math.ceil(n / fill.length)).slice(0, n)}`;
}

function makeContent(rand: () => number, seq: number, small = false): DraftContent {
  const columns: Record<string, { description: string; required?: boolean }> = {};
  // Mostly small drafts, sometimes big ones (up to ~2 MB), as owners describe wide sheets.
  const count = small ? 3 : rand() < 0.3 ? Math.floor(rand() * 4000) : Math.floor(rand() * 40);
  for (let i = 0; i < count; i++) columns[`column ${i}`] = { description: selfCheckingText(Math.floor(rand() * 500), `c${i}·`), required: i % 2 === 0 };
  return {
    meta: { name: 'kill-test', title: `Draft #${seq}`, description: selfCheckingText(Math.floor(rand() * 20_000), 'ü€x'), columns },
    waivers: [],
    bySheet: { Data: { headerRow: 1 + (seq % 5), typeOverrides: { 0: 'text' } } },
    step: 'describe',
  };
}

async function main(): Promise<void> {
  const [dataDir, seedText] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: kill-child <dataDir> <seed>');
  const rand = random(Number(seedText ?? 1));
  const store = await new DraftStore(dataDir).open();
  const sources = new SourceRegistry({ dataDir });
  const pick = () => KILL_DRAFT_IDS[Math.floor(rand() * KILL_DRAFT_IDS.length)]!;
  let seq = 0;
  // A small first save, so "ready" comes quickly and the kill lands in the loop below.
  await store.save({ id: pick(), content: makeContent(rand, ++seq, true) }, sources);
  process.stdout.write('ready\n');
  for (;;) {
    const r = rand();
    if (r < 0.6) {
      await store.save({ id: pick(), content: makeContent(rand, ++seq) }, sources);
    } else if (r < 0.8) {
      // Two drafts saved at once, as two windows would.
      await Promise.all([store.save({ id: pick(), content: makeContent(rand, ++seq) }, sources), store.save({ id: pick(), content: makeContent(rand, ++seq) }, sources)]);
    } else if (r < 0.92) {
      await store.setState(pick(), { state: rand() < 0.5 ? 'queued' : 'draft', outboxId: `job${seq}` });
    } else {
      const id = pick();
      if (await store.remove(id)) await store.restore(id);
    }
  }
}

if (process.argv[1] && /kill-child/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
