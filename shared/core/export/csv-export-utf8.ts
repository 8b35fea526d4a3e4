// Runs anywhere (pure core).
// UTF-8 checking for the CSV fast path, one character at a time where the scanner meets a
// non-ASCII byte. The general path decodes every part with a fatal TextDecoder; the fast path
// copies bytes instead, and must refuse exactly the same parts — so the rules here are the
// WHATWG decoder's: no overlong forms, no surrogates (ED A0–BF), nothing above U+10FFFF.
// Checking in place avoids decoding (and then discarding) every chunk as a string.

/**
 * The length (2–4) of the valid UTF-8 character whose lead byte is at `i`; 0 when the bytes up
 * to `end` are a valid but unfinished start of one (more bytes are needed); -1 when invalid.
 */
export function utf8Sequence(buf: Uint8Array, i: number, end: number): number {
  const lead = buf[i]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) lo = 0xa0;
    else if (lead === 0xed) hi = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) lo = 0x90;
    else if (lead === 0xf4) hi = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return 0;
    const c = buf[i + k]!;
    // Only the second byte has a narrowed range; the others are plain continuation bytes.
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return -1;
  }
  return need + 1;
}
