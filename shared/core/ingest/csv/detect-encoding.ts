// Runs anywhere (pure core).
// Which encoding a CSV file is in, judged from its first bytes: a byte-order mark first, then
// UTF-16 without a mark (every other byte NUL), then strict UTF-8, else Windows-1252 — what
// Excel on a Western-European Windows writes for "CSV (Comma delimited)". Binary files are
// refused here, before any row is read.

import type { ProblemInput } from '../../problems';
import { UserFacingError } from '../../result';
import { completeUtf8Length, type CsvEncoding } from './decode';
import { notTextMessage, windows1252Message } from './messages';

export const SAMPLE_BYTES = 64 * 1024;

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Things the owner should know (e.g. "read as Windows-1252"). */
  notes: ProblemInput[];
}

/**
 * @param sample the file's first bytes (up to SAMPLE_BYTES)
 * @param wholeFile true when the sample is the entire file (a cut character at its end is then an error)
 */
export function detectEncoding(sample: Uint8Array, wholeFile: boolean, fileName: string): EncodingGuess {
  const b0 = sample[0];
  const b1 = sample[1];
  if (b0 === 0xef && b1 === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, notes: [] };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2, notes: [] };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2, notes: [] };

  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, notes: [] };

  const binaryKind = binaryKindOf(sample);
  if (binaryKind !== undefined) {
    throw new UserFacingError('csv.not-text', notTextMessage(fileName, binaryKind || undefined));
  }

  const body = wholeFile ? sample : sample.subarray(0, completeUtf8Length(sample));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { encoding: 'utf-8', bomLength: 0, notes: [] };
  } catch {
    return {
      encoding: 'windows-1252',
      bomLength: 0,
      notes: [{ severity: 'info', code: 'csv.encoding-windows-1252', message: windows1252Message(fileName) }],
    };
  }
}

/** UTF-16 text in a Latin script has a NUL in (nearly) every other byte; binary data does not. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * undefined for text; otherwise a description of the binary file ('' when unknown). Control
 * bytes other than tab, line breaks, form feed and escape never occur in real text files, in
 * any of the encodings above; random or compressed data has them in about 1 byte of 10.
 */
function binaryKindOf(sample: Uint8Array): string | undefined {
  const sig = (...bytes: number[]): boolean => bytes.every((b, i) => sample[i] === b);
  let known: string | undefined;
  if (sig(0x50, 0x4b, 0x03, 0x04) || sig(0x50, 0x4b, 0x05, 0x06)) known = 'an Excel workbook (.xlsx) or another zip file';
  else if (sig(0xd0, 0xcf, 0x11, 0xe0)) known = 'an old Excel workbook (.xls)';
  else if (sig(0x25, 0x50, 0x44, 0x46)) known = 'a PDF document';
  else if (sig(0x1f, 0x8b)) known = 'a compressed (gzip) file';
  else if (sig(0x89, 0x50, 0x4e, 0x47)) known = 'a PNG picture';
  else if (sig(0xff, 0xd8, 0xff)) known = 'a JPEG picture';
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  if (known !== undefined && control > 0) return known;
  // One stray NUL in a short file is damage, not binary data: require a real share.
  if (control > 0 && control >= Math.max(2, sample.length * 0.01)) return known ?? '';
  return undefined;
}
