// Runs anywhere (pure core).
// Published numbers the CSV fast path may copy unchanged. The typed path writes a number as
// String(Number(text)), so "1.50" becomes "1.5" and "-0" becomes "0"; these checks, on the
// bytes, accept only texts for which that is a no-op (or a trim of trailing fraction zeros),
// and send everything else to the typed path's writer. Unsure means slower, never different.

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** "0" or "-?[1-9]\d{0,14}": exactly what String(Number(text)) writes back (safe integers). */
export function canonicalInteger(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (buf[i] === MINUS) i++;
  if (i >= end || end - i > 15) return false;
  const d = buf[i]!;
  if (d === ZERO) return i + 1 === end && i === start;
  if (d < ZERO + 1 || d > NINE) return false;
  for (i++; i < end; i++) {
    const c = buf[i]!;
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/**
 * Where a decimal stops being what String(Number(text)) writes: the end of the text when it is
 * already that form, an earlier end when only trailing fraction zeros (and a bare ".") must go,
 * or -1 when the general writer must decide (exponents, leading zeros, "-0", more than 15
 * significant digits, tiny numbers that JavaScript writes with an exponent).
 */
export function canonicalNumberEnd(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  const intStart = i;
  while (i < end && buf[i]! >= ZERO && buf[i]! <= NINE) i++;
  const intLen = i - intStart;
  if (intLen === 0 || intLen > 15) return -1;
  const intZero = buf[intStart] === ZERO;
  if (intZero && intLen > 1) return -1;
  if (i === end) return negative && intZero ? -1 : end;
  if (buf[i] !== DOT) return -1;
  const fracStart = ++i;
  while (i < end && buf[i]! >= ZERO && buf[i]! <= NINE) i++;
  if (i !== end) return -1;
  let e = end;
  while (e > fracStart && buf[e - 1] === ZERO) e--;
  if (e === fracStart) return negative && intZero ? -1 : fracStart - 1;
  if (intZero) {
    let z = fracStart;
    while (buf[z] === ZERO) z++;
    return z - fracStart > 5 || e - z > 15 ? -1 : e;
  }
  return intLen + (e - fracStart) > 15 ? -1 : e;
}
