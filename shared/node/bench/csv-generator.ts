// Node only (bench tooling).
// Writes the bench CSV: a header line then `rows` deterministic rows, streamed to disk in
// batches with backpressure so generating 130 MB never holds more than one batch in memory.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { HEADERS, csvLine, sampleRows } from './sample-data';
import { progress } from './progress';

const BATCH_ROWS = 10_000;

/** `label: false` writes silently (tests); otherwise progress goes to stderr under that label. */
export async function writeBenchCsv(path: string, rows: number, label: string | false = 'generating CSV'): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const next = sampleRows();
  const shown = label === false ? { update() {}, finish() {} } : progress(label, rows);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(`${HEADERS.join(',')}\n`);
  let batch: string[] = [];
  for (let id = 1; id <= rows; id++) {
    batch.push(csvLine(next(id)));
    if (batch.length === BATCH_ROWS || id === rows) {
      await write(`${batch.join('\n')}\n`);
      batch = [];
      shown.update(id);
    }
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  shown.finish(`${rows.toLocaleString('en-US')} rows`);
}
