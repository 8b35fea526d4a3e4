// Runs anywhere (pure core).
// A streaming XML reader for workbook parts, made safe for hostile input. saxes does the
// parsing; this wrapper adds what it does not do on its own:
//  - any DOCTYPE refuses the part (entity bombs, external entities — Excel never writes one);
//  - undefined entities refuse it (saxes knows only the five XML ones and character references);
//  - nesting depth and the size of any single token (text, attribute, comment) are bounded,
//    because saxes buffers a token until it ends and a crafted part can make one gigabytes long;
//  - bytes are decoded by BOM or declared encoding (Excel writes UTF-8; some tools UTF-16);
//  - element names are handed over by local name, so `x:row` and `row` read the same.

import { SaxesParser } from 'saxes';
import { UserFacingError } from '../../result';
import type { XlsxLimits } from './limits';
import { xlsxErrors } from './xlsx-errors';

export interface XmlSink {
  /** Start of an element; `name` without namespace prefix (unless rawNames); attribute names as written. */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

export interface XmlReader {
  write(bytes: Uint8Array): void;
  /** Call after the last bytes: checks the document is complete. */
  end(): void;
}

export interface XmlReaderOptions {
  part: string;
  sheet?: string;
  limits: XlsxLimits;
  /** Extra words for a damage message, e.g. "after row 1,204". */
  where?: () => string;
  /**
   * Hand element names over as written (with any prefix). For the sheet reader, which strips a
   * prefix itself only for names it does not recognise, saving a string search per element.
   */
  rawNames?: boolean;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

const HEAD_BYTES = 256;

/** saxes messages in the owner's words; the parser's own words are kept for support. */
function explainSaxes(msg: string): [plain: string, technical: string] {
  const technical = msg.replace(/^[\d:]+\s*/, '').replace(/\.$/, '');
  const plain = /unclosed|root element|unexpected end|incomplete/i.test(technical)
    ? 'it ends too early, as if it was cut off'
    : 'its contents are garbled';
  return [plain, technical];
}

/** Encoding of a part from its first bytes: BOM, then the XML declaration; UTF-8 otherwise. */
export function pickEncoding(head: Uint8Array): string {
  const [a, b, c] = [head[0], head[1], head[2]];
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0x3c && b === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c) return 'utf-16be';
  let ascii = '';
  for (let i = 0; i < head.length && i < HEAD_BYTES; i++) ascii += String.fromCharCode(head[i]!);
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii);
  const declared = m?.[1]?.toLowerCase();
  if (declared && /^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(declared)) return 'windows-1252';
  return 'utf-8';
}

export function createXmlReader(sink: XmlSink, opts: XmlReaderOptions): XmlReader {
  const { part, sheet, limits } = opts;
  const parser = new SaxesParser({ position: false });
  let decoder: TextDecoder | undefined;
  let head: Uint8Array | undefined = new Uint8Array(0);
  let written = 0;
  let lastEventAt = 0;
  let depth = 0;
  const maxDepth = limits.maxXmlDepth;

  const damaged = (plain: string, technical?: string): UserFacingError => {
    const where = opts.where?.();
    const detail = `${plain}${where ? `, ${where}` : ''}${technical ? `; technical detail: ${technical}` : ''}`;
    return xlsxErrors.damagedXml(part, detail, sheet);
  };

  // Only six handlers, registered in this order. saxes stores each handler as a property added
  // after construction; from the eighth on, V8 turns the parser into a slow "dictionary" object
  // and every saxes method (for all parsers in the process) runs several times slower. Comments
  // and processing instructions need no handler: their text is buffered like any token and is
  // bounded by the same guard.
  parser.on('doctype', () => {
    throw xlsxErrors.xmlDoctype(part, sheet);
  });
  parser.on('error', (e) => {
    if (e instanceof UserFacingError) throw e;
    const msg = e.message;
    if (/undefined entity/i.test(msg)) throw xlsxErrors.xmlEntity(part, sheet);
    throw damaged(...explainSaxes(msg));
  });
  // The sink's methods are taken once: calling them through `sink.` would look up a method on
  // five different kinds of sink (workbook, styles, strings, sheet …) at one place in the code,
  // which V8 handles slowly; a direct call of a known function stays fast.
  const onOpen = sink.open.bind(sink);
  const onClose = sink.close.bind(sink);
  const onText = sink.text.bind(sink);
  const name = opts.rawNames ? (n: string) => n : localName;
  parser.on('opentag', (tag) => {
    lastEventAt = written;
    if (++depth > maxDepth) throw damaged('its elements are nested far deeper than any spreadsheet needs');
    onOpen(name(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    lastEventAt = written;
    depth--;
    onClose(name(tag.name));
  });
  // Text always ends at a tag, so the tag events alone keep the token guard up to date.
  parser.on('text', onText);
  parser.on('cdata', (t) => {
    lastEventAt = written;
    onText(t);
  });

  const feed = (text: string): void => {
    if (!text) return;
    written += text.length;
    try {
      parser.write(text);
    } catch (e) {
      if (e instanceof UserFacingError) throw e;
      throw damaged(...explainSaxes(e instanceof Error ? e.message : String(e)));
    }
    if (written - lastEventAt > limits.maxXmlTokenChars) {
      throw damaged(`it holds a single piece of text or markup longer than ${limits.maxXmlTokenChars.toLocaleString('en-US')} characters`);
    }
  };

  const decode = (bytes: Uint8Array, final: boolean): string => {
    try {
      return final ? decoder!.decode(bytes) : decoder!.decode(bytes, { stream: true });
    } catch {
      throw damaged('it contains bytes that are not valid text');
    }
  };

  const startDecoding = (): void => {
    decoder = new TextDecoder(pickEncoding(head!), { fatal: true });
    const h = head!;
    head = undefined;
    feed(decode(h, false));
  };

  return {
    write(bytes) {
      if (head) {
        // Keep the first bytes until the encoding can be recognised.
        const joined = new Uint8Array(head.length + bytes.length);
        joined.set(head);
        joined.set(bytes, head.length);
        head = joined;
        if (head.length >= HEAD_BYTES) startDecoding();
        return;
      }
      feed(decode(bytes, false));
    },
    end() {
      if (head) startDecoding();
      feed(decode(new Uint8Array(0), true));
      try {
        parser.close();
      } catch (e) {
        if (e instanceof UserFacingError) throw e;
        throw damaged(...explainSaxes(e instanceof Error ? e.message : String(e)));
      }
    },
  };
}
