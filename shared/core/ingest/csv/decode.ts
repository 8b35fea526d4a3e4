// Runs anywhere (pure core).
// Byte chunks → text chunks for the encodings a CSV may come in. UTF-8 is decoded strictly so
// that bad bytes later in a file (after the sample looked fine) are noticed and reported rather
// than silently rewritten; the chunk that holds them is then decoded with replacement signs.

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedChunk {
  text: string;
  /** Character offset in `text` of the first undecodable byte sequence, or -1. */
  badAt: number;
}

export interface ChunkDecoder {
  /** `final` flushes bytes held back from earlier chunks (end of input). */
  decode(chunk: Uint8Array, final: boolean): DecodedChunk;
}

export function createDecoder(encoding: CsvEncoding): ChunkDecoder {
  switch (encoding) {
    case 'utf-8':
      return new Utf8Decoder();
    case 'windows-1252':
      return new Windows1252Decoder();
    default:
      return new Utf16Decoder(encoding);
  }
}

/** Length of the part of `bytes` that ends on a whole UTF-8 character (the rest waits for more). */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for its lead
    if (b < 0xc0) return n; // ASCII: complete
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return n - i < need ? i : n;
  }
  return n;
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1 (WHATWG rules). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

class Utf8Decoder implements ChunkDecoder {
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Bytes of a character cut by the previous chunk's end. */
  private carry: Uint8Array | undefined;

  decode(chunk: Uint8Array, final: boolean): DecodedChunk {
    let data = chunk;
    if (this.carry) {
      data = new Uint8Array(this.carry.length + chunk.length);
      data.set(this.carry, 0);
      data.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    // Decoding whole characters only (instead of the decoder's streaming mode) lets a failed
    // chunk be decoded again leniently without losing bytes held inside the decoder.
    const cut = final ? data.length : completeUtf8Length(data);
    if (cut < data.length) this.carry = data.slice(cut);
    const body = cut === data.length ? data : data.subarray(0, cut);
    if (body.length === 0) return { text: '', badAt: -1 };
    try {
      return { text: this.strict.decode(body), badAt: -1 };
    } catch {
      const bad = firstInvalidUtf8(body);
      const before = bad <= 0 ? 0 : this.strict.decode(body.subarray(0, bad)).length;
      return { text: this.lenient.decode(body), badAt: before };
    }
  }
}

class Utf16Decoder implements ChunkDecoder {
  private readonly decoder: TextDecoder;
  constructor(encoding: 'utf-16le' | 'utf-16be') {
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
  }
  decode(chunk: Uint8Array, final: boolean): DecodedChunk {
    return { text: this.decoder.decode(chunk, { stream: !final }), badAt: -1 };
  }
}

// Windows-1252 bytes 0x80–0x9F. Some runtimes (Node 20 among them) decode "windows-1252" as
// Latin-1 and leave these as C1 control characters, so they are mapped here explicitly.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1 = /[\u0080-\u009f]/g;

export function fixWindows1252(text: string): string {
  C1.lastIndex = 0;
  if (!C1.test(text)) return text;
  C1.lastIndex = 0;
  return text.replace(C1, (ch) => CP1252_80_9F.charAt(ch.charCodeAt(0) - 0x80));
}

class Windows1252Decoder implements ChunkDecoder {
  private readonly decoder = new TextDecoder('windows-1252');
  decode(chunk: Uint8Array): DecodedChunk {
    return { text: fixWindows1252(this.decoder.decode(chunk)), badAt: -1 };
  }
}
