// Runs anywhere (pure core test helpers). An in-memory mesh holding hand-made data parts, so the
// CSV fast path and the general path can be run over exactly the same bytes — including bytes
// the publisher would never write (needless quotes, LF line ends, "1.50") — and compared.

import { csvExportChunks, type CsvExportOptions } from '../../../shared/core/export/csv-export';
import { csvFastExportChunks } from '../../../shared/core/export/csv-export-fast';
import { partKey } from '../../../shared/core/mesh/layout';
import type { MeshStore } from '../../../shared/core/mesh/mesh-store';
import { csvRecord } from '../../../shared/core/publish/csv-text';
import { endpointRows, type OpenedEndpoint, type PulledColumn, type PullProgress } from '../../../shared/core/pull/read-endpoint';

export const PRODUCT = 'fast-demo';
export const VERSION = '1.0.0';

export const col = (name: string, type: PulledColumn['type']): PulledColumn => ({ name, type, required: false });

/** A read-only store over a map; streams come in `chunk`-byte pieces so records straddle them. */
export function memoryStore(objects: Map<string, Uint8Array>, chunk: number): MeshStore & { reads: string[] } {
  const reads: string[] = [];
  const no = (): never => {
    throw new Error('read-only test store');
  };
  return {
    url: 'memory://test-mesh',
    reads,
    head: async () => null,
    get: async (key) => {
      const body = objects.get(key);
      return body ? { body, etag: 'x' } : null;
    },
    getStream: async (key) => {
      const body = objects.get(key);
      if (!body) return null;
      reads.push(key);
      return (async function* () {
        for (let i = 0; i < body.length; i += chunk) yield body.slice(i, i + chunk);
      })();
    },
    put: no,
    list: () => no(),
    delete: no,
    check: async () => undefined,
  };
}

/** The endpoint record and contract columns of a hand-made product: only what the readers use. */
export function openedWith(columns: PulledColumn[], parts: number, rows: number): OpenedEndpoint {
  const endpoint = { name: 'default', sheet: 'Sheet1', rows, parts, columns: columns.length };
  const version = { version: VERSION, publishedAt: '2026-01-01T00:00:00Z', contract: 'c.yaml', stats: 's.json', endpoints: [endpoint], bump: 'initial' as const, changes: [] };
  return { product: PRODUCT, current: {} as OpenedEndpoint['current'], version, endpoint, contract: {} as OpenedEndpoint['contract'], columns };
}

/** Parts as the publisher writes them: header in every part, csvRecord for every line. */
export function publishedParts(header: string[], rows: string[][], partRows: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < Math.max(1, rows.length); i += partRows) {
    parts.push(csvRecord(header) + rows.slice(i, i + partRows).map((r) => csvRecord(r)).join(''));
  }
  return parts;
}

export function meshOf(parts: (string | Uint8Array)[]): Map<string, Uint8Array> {
  const objects = new Map<string, Uint8Array>();
  parts.forEach((p, i) => objects.set(partKey(PRODUCT, 'default', VERSION, i + 1), typeof p === 'string' ? new TextEncoder().encode(p) : p));
  return objects;
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type Outcome = { ok: true; bytes: Uint8Array; progress: PullProgress[] } | { ok: false; code: string; message: string; name: string };

async function run(chunks: () => AsyncIterable<Uint8Array>, progress: PullProgress[]): Promise<Outcome> {
  const got: Uint8Array[] = [];
  try {
    for await (const c of chunks()) got.push(c);
    return { ok: true, bytes: concat(got), progress };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { ok: false, code: err.code ?? '', message: err.message, name: err.name };
  }
}

/** The typed path, as export-product ran it before the fast path: endpointRows → csvExportChunks. */
export function generalExport(store: MeshStore, opened: OpenedEndpoint, opts: CsvExportOptions): Promise<Outcome> {
  const progress: PullProgress[] = [];
  return run(() => csvExportChunks(opened.columns, endpointRows(store, opened, { ...(opts.signal ? { signal: opts.signal } : {}), onProgress: (p) => progress.push(p) }), opts), progress);
}

export function fastExport(store: MeshStore, opened: OpenedEndpoint, opts: CsvExportOptions): Promise<Outcome> {
  const progress: PullProgress[] = [];
  return run(() => csvFastExportChunks(store, opened, { ...opts, onProgress: (p) => progress.push(p) }), progress);
}

/** A small deterministic generator (xorshift), so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}
