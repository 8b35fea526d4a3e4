// Runs anywhere (pure core).
// The memory behind comparing a million published rows with an edited sheet: per published row
// only a 53-bit hash of its key (or of the whole row), a 53-bit hash of its content, and a
// "matched" mark — 17 bytes a slot in typed arrays, about 35 MB for 1M rows at the table's load,
// never the rows themselves. A slot's position in the published order (its id) gives back the
// row number the owner saw in the pulled workbook.
//
// Entries with the same key may repeat (a published table without a clean key, or a whole-row
// hash seen twice): take() matches one unmatched entry per call, preferring one whose content is
// equal, so the table behaves as a multiset. The 53-bit hashes come from checks/hash-index.ts;
// see there why a collision (one in ~18,000 tables of a million distinct rows) is acceptable.

export class RowMatchTable {
  private keys: Float64Array;
  private values: Float64Array;
  private ids: Uint32Array;
  private matched: Uint8Array;
  private mask: number;
  /** Entries added (= the next id). */
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.ids = new Uint32Array(cap);
    this.matched = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** Adds one published row; returns its id (0, 1, 2 … in the order added). */
  add(keyHash: number, valueHash: number): number {
    const key = keyHash === 0 ? 1 : keyHash; // 0 marks a free slot
    let i = this.start(key);
    while (this.keys[i] !== 0) i = (i + 1) & this.mask;
    const id = this.size++;
    this.keys[i] = key;
    this.values[i] = valueHash;
    this.ids[i] = id;
    if (this.size * 2 > this.keys.length) this.grow();
    return id;
  }

  /**
   * Matches an edited row: finds an unmatched entry with this key (one with equal content
   * first), marks it matched and returns its slot; -1 when every entry with the key is taken.
   */
  take(keyHash: number, valueHash: number): number {
    const key = keyHash === 0 ? 1 : keyHash;
    const keys = this.keys;
    let first = -1;
    for (let i = this.start(key); keys[i] !== 0; i = (i + 1) & this.mask) {
      if (keys[i] !== key || this.matched[i] !== 0) continue;
      if (this.values[i] === valueHash) {
        this.matched[i] = 1;
        return i;
      }
      if (first < 0) first = i;
    }
    if (first >= 0) this.matched[first] = 1;
    return first;
  }

  valueAt(slot: number): number {
    return this.values[slot]!;
  }

  idAt(slot: number): number {
    return this.ids[slot]!;
  }

  /** Ids of the entries no edited row matched, in table order. */
  *unmatchedIds(): Generator<number> {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0 && this.matched[i] === 0) yield this.ids[i]!;
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength + this.ids.byteLength + this.matched.byteLength;
  }

  private start(key: number): number {
    // Low 32 bits are well mixed; fold in the high ones too (as HashIndex does).
    return ((key >>> 0) ^ Math.floor(key / 4294967296)) & this.mask;
  }

  private grow(): void {
    const [keys, values, ids, matched] = [this.keys, this.values, this.ids, this.matched];
    const cap = keys.length * 2;
    this.keys = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.ids = new Uint32Array(cap);
    this.matched = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      if (key === 0) continue;
      let i = this.start(key);
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.values[i] = values[j]!;
      this.ids[i] = ids[j]!;
      this.matched[i] = matched[j]!;
    }
  }
}
