// Runs anywhere (pure core).
// Spreadsheet addressing in the owner's terms: column letters (A, B, …, AA) and Excel row numbers.

/** 0-based column index → Excel letters: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters → 0-based index; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32; // upper-case
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** "B12" → { col: 1, row: 12 }; undefined when the reference is not a cell address. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]);
  if (col < 0 || row < 1) return undefined;
  return { col, row };
}

/** "A1:C10" → corners (inclusive); a single cell "A1" is its own range. */
export function parseRangeRef(ref: string): { c1: number; r1: number; c2: number; r2: number } | undefined {
  const [a, b] = ref.split(':');
  const p = a === undefined ? undefined : parseCellRef(a);
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return undefined;
  return { c1: Math.min(p.col, q.col), r1: Math.min(p.row, q.row), c2: Math.max(p.col, q.col), r2: Math.max(p.row, q.row) };
}
