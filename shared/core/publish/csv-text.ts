// Runs anywhere (pure core).
// RFC 4180 text for published data parts: comma-delimited, CRLF after every record, a field
// quoted only when it must be (it holds a comma, a double quote, CR or LF), quotes inside it
// doubled. Quoting only where needed keeps parts small and lets every reader (Excel, pandas,
// DuckDB, papaparse) read them alike; the field text itself is never changed otherwise —
// leading zeros, spaces and long digit strings stay byte-for-byte.

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** One field per RFC 4180: quoted (with "" doubling) only when it holds , " CR or LF. */
export function csvField(s: string): string {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // One comparison rejects every ordinary character: all four specials are below 45.
    if (c < 45 && (c === COMMA || c === QUOTE || c === CR || c === LF)) return quoted(s, i);
  }
  return s;
}

/** `s` in quotes; `from` is the first special character (no quote can come before it). */
function quoted(s: string, from: number): string {
  const firstQuote = s.indexOf('"', from);
  return firstQuote < 0 ? `"${s}"` : `"${s.replaceAll('"', '""')}"`;
}

/** A record: fields joined by "," and ended with CRLF. */
export function csvRecord(fields: readonly string[]): string {
  const n = fields.length;
  if (n === 0) return '\r\n';
  let out = csvField(fields[0]!);
  for (let i = 1; i < n; i++) out += ',' + csvField(fields[i]!);
  return out + '\r\n';
}
