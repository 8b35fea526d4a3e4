// Runs anywhere (pure core).
// Which delimiter a CSV uses: comma, semicolon (Excel in most of Europe, where the comma is the
// decimal sign), tab or pipe. Each candidate tokenizes the first records with the real
// tokenizer — so quoted values are skipped exactly as they will be when reading — and the one
// whose count per record is the same (and above zero) in most records wins.

import type { ProblemSink } from '../../problems';
import { CsvTokenizer } from './tokenizer';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
export const SAMPLE_RECORDS = 50;

const ignore: ProblemSink = { add() {} };

interface Score {
  delimiter: CsvDelimiter;
  /** Share of records whose delimiter count equals the most common non-zero count. */
  consistency: number;
  /** That most common count (0 = the delimiter never occurs). */
  mode: number;
}

/**
 * @param sampleText the decoded start of the file
 * @param wholeFile true when the sample is the whole file (its last record is then complete)
 */
export function detectDelimiter(sampleText: string, wholeFile: boolean, fileName: string): CsvDelimiter {
  const scores = DELIMITERS.map((d) => score(sampleText, wholeFile, d));
  if (/\.(tsv|tab)$/i.test(fileName)) {
    const tab = scores.find((s) => s.delimiter === '\t');
    if (tab && tab.mode > 0) return '\t';
  }
  let best: Score | undefined;
  for (const s of scores) {
    if (s.mode === 0) continue;
    // Ties go to more columns, then to the earlier candidate (comma first).
    if (!best || s.consistency > best.consistency + 1e-9 || (Math.abs(s.consistency - best.consistency) <= 1e-9 && s.mode > best.mode)) best = s;
  }
  return best ? best.delimiter : ',';
}

function score(text: string, wholeFile: boolean, delimiter: CsvDelimiter): Score {
  const tok = new CsvTokenizer({ delimiter, problems: ignore, batchRows: SAMPLE_RECORDS });
  tok.push(text);
  // A partial sample's last record may be cut: it is left out (never completed) there.
  if (wholeFile) tok.finish();
  const first = tok.nextBatch() ?? tok.flush();
  const counts = first.map((r) => r.cells.length - 1);
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let modeFreq = 0;
  for (const [c, f] of freq) {
    if (f > modeFreq || (f === modeFreq && c > mode)) (mode = c), (modeFreq = f);
  }
  return { delimiter, mode, consistency: counts.length === 0 ? 0 : modeFreq / counts.length };
}
