// Runs anywhere (pure core).
// Counting distinct values of a column with millions of them in fixed memory. HyperLogLog
// (Flajolet et al. 2007): each value's hash picks one of 2^14 registers and the register keeps
// the longest run of leading zero bits seen; the harmonic mean of the registers estimates the
// count with a standard error of about 1.04/√16384 ≈ 0.8%. 16 KB per column, whatever the size.

const P = 14;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);
/** Largest rank a 32-bit hash can give after P bits pick the register. */
const MAX_RANK = 32 - P + 1;
const INVERSE_POWERS = Float64Array.from({ length: MAX_RANK + 1 }, (_, r) => 2 ** -r);

/** MurmurHash3's finalizer: every output bit depends on every input bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * 32-bit hash of a string (as a signed int): FNV-1a over pairs of UTF-16 code units, then mix32 so
 * that the high bits, which pick the register, are well mixed even for short keys.
 */
export function hashString(s: string): number {
  // Two code units per step: half the multiplications and loop turns of plain FNV-1a.
  const n = s.length;
  let h = -2128831035; // 0x811c9dc5 as a signed int
  let i = 0;
  for (; i + 1 < n; i += 2) h = Math.imul(h ^ (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)), 16777619);
  if (i < n) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return mix32(h ^ n);
}

export class HyperLogLog {
  private readonly registers = new Uint8Array(M);

  add(text: string): void {
    this.addHash(hashString(text));
  }

  /** Any 32-bit hash (signed or not). */
  addHash(hash: number): void {
    const index = hash >>> (32 - P);
    const rest = (hash << P) | 0;
    const rank = rest === 0 ? MAX_RANK : Math.clz32(rest) + 1;
    if (rank > this.registers[index]!) this.registers[index] = rank;
  }

  /** Estimated number of distinct values added. */
  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      const r = this.registers[i]!;
      sum += INVERSE_POWERS[r]!;
      if (r === 0) zeros++;
    }
    const raw = (ALPHA * M * M) / sum;
    // Small counts: linear counting over empty registers is far more accurate there.
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    // Near 2^32 values, 32-bit hashes start to collide; correct for it.
    const two32 = 2 ** 32;
    if (raw > two32 / 30) return Math.round(-two32 * Math.log(1 - raw / two32));
    return Math.round(raw);
  }
}
