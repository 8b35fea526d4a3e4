// Runs anywhere (pure core).
// Recognizes a workbook that Mesh Desk wrote for a pull ("Open in Excel") when the owner brings
// it back: which product, version and table it came from, and where the product lives. The
// export stores these facts twice (see shared/node/export/product-xlsx.ts): as custom document
// properties, which survive renaming and moving sheets, and as defined names pointing at the
// About sheet, which survive tools that drop custom properties (exceljs among them). Properties
// are trusted first, names second; the two are never mixed, so a half-damaged set cannot make
// up an identity that neither source states.
//
// Everything read here comes from a file we do not trust: each value is checked (product slug,
// plain semver, endpoint name), and a workbook whose facts do not check out is simply "not
// recognized" — it can still be published as a new product.

import type { OpenedSource, SourceRow } from '../ingest/types';
import { isValidSlug } from '../metadata/slug';
import { formatVersion, parseVersion } from '../versioning/semver';
import { parseCellRef } from '../columns';
import { CancelledError, throwIfCancelled } from '../result';

/** Names of the custom document properties (the same as PRODUCT_PROPERTIES of the export). */
export const PULLED_PROPERTIES = {
  format: 'MeshDeskExport',
  product: 'MeshDeskProduct',
  version: 'MeshDeskVersion',
  endpoint: 'MeshDeskEndpoint',
  address: 'MeshDeskAddress',
  pulledAt: 'MeshDeskPulledAt',
} as const;
/** The defined names the export writes (each points at a value cell on the About sheet). */
export const PULLED_NAMES = {
  product: 'MeshDesk_Product',
  version: 'MeshDesk_Version',
  endpoint: 'MeshDesk_Table',
  address: 'MeshDesk_Address',
} as const;
/** Layouts this code understands: "mesh-desk-product/1", and later ones of the same family. */
const FORMAT = /^mesh-desk-product\/\d{1,4}$/;

export interface PulledWorkbookIdentity {
  /** Product id (slug), e.g. "campaign-budgets". */
  product: string;
  /** Version pulled, plain semver, e.g. "1.2.0". */
  version: string;
  /** Table (endpoint) pulled, e.g. "default". */
  endpoint: string;
  /** Mesh address of the product as it was when pulled, when stated and plausible. */
  address?: string;
  /** When it was pulled (ISO text), when stated by the properties. */
  pulledAt?: string;
  /** Which of the two records it was recognized by. */
  source: 'properties' | 'names';
}

const ENDPOINT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ADDRESS = /^(?:s3|file|https?):\/\/\S{1,2040}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
/** A defined name pointing further down than this is not the About sheet we wrote: not followed. */
const MAX_NAME_ROW = 1_000;

interface Raw {
  product: string | undefined;
  version: string | undefined;
  endpoint: string | undefined;
  address: string | undefined;
}

/** Checks the raw texts; undefined unless product and version are valid and the table is too. */
function validated(raw: Raw): Omit<PulledWorkbookIdentity, 'source'> | undefined {
  const product = raw.product?.trim();
  const semver = raw.version === undefined ? undefined : parseVersion(raw.version.trim());
  if (product === undefined || !isValidSlug(product) || !semver) return undefined;
  // The export always names the table; an older or hand-made record without one means the first.
  const endpoint = raw.endpoint?.trim() || 'default';
  if (!ENDPOINT.test(endpoint) || endpoint === 'stats') return undefined;
  const out: Omit<PulledWorkbookIdentity, 'source'> = { product, version: formatVersion(semver), endpoint };
  const address = raw.address?.trim();
  if (address && ADDRESS.test(address)) out.address = address;
  return out;
}

function fromProperties(props: Record<string, string> | undefined): PulledWorkbookIdentity | undefined {
  if (!props) return undefined;
  const own = (k: string): string | undefined => (Object.hasOwn(props, k) ? props[k] : undefined);
  if (!FORMAT.test(own(PULLED_PROPERTIES.format)?.trim() ?? '')) return undefined;
  const id = validated({
    product: own(PULLED_PROPERTIES.product),
    version: own(PULLED_PROPERTIES.version),
    endpoint: own(PULLED_PROPERTIES.endpoint),
    address: own(PULLED_PROPERTIES.address),
  });
  if (!id) return undefined;
  const pulledAt = own(PULLED_PROPERTIES.pulledAt)?.trim();
  return { ...id, ...(pulledAt && ISO_INSTANT.test(pulledAt) ? { pulledAt } : {}), source: 'properties' };
}

/** A defined name's target: a single cell on a sheet, or a constant text. */
type NameTarget = { sheet: string; row: number; col: number } | { text: string };

/** "About!$B$3", "'Allowed values'!B3", "\"text\"" (a constant), or undefined for anything else. */
export function nameTarget(formula: string): NameTarget | undefined {
  const f = formula.trim().replace(/^=/, '');
  const constant = /^"((?:[^"]|"")*)"$/.exec(f);
  if (constant) return { text: constant[1]!.replace(/""/g, '"') };
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7})$/.exec(f);
  if (!m) return undefined;
  const cell = parseCellRef(m[3]!.replace(/\$/g, ''));
  if (!cell) return undefined;
  return { sheet: (m[1]?.replace(/''/g, "'") ?? m[2]!).trim(), row: cell.row, col: cell.col };
}

/** The texts behind the MeshDesk_* names, reading each referenced sheet once, only as far as needed. */
async function nameValues(opened: OpenedSource, names: Record<string, string>, signal?: AbortSignal): Promise<Raw> {
  const keys = Object.keys(PULLED_NAMES) as (keyof typeof PULLED_NAMES)[];
  const raw: Raw = { product: undefined, version: undefined, endpoint: undefined, address: undefined };
  const wanted = new Map<string, { key: keyof Raw; row: number; col: number }[]>();
  for (const key of keys) {
    const formula = Object.hasOwn(names, PULLED_NAMES[key]) ? names[PULLED_NAMES[key]] : undefined;
    const target = formula === undefined ? undefined : nameTarget(formula);
    if (!target) continue;
    if ('text' in target) raw[key] = target.text;
    else if (target.row <= MAX_NAME_ROW) {
      const sheet = opened.sheets.find((s) => s.name.toLowerCase() === target.sheet.toLowerCase());
      if (sheet) wanted.set(sheet.name, [...(wanted.get(sheet.name) ?? []), { key, row: target.row, col: target.col }]);
    }
  }
  // Problems met on the way (odd cells on the About sheet) are not the owner's concern here.
  const problems = { add() {} };
  for (const [sheet, cells] of wanted) {
    const last = Math.max(...cells.map((c) => c.row));
    const rows = opened.rows(sheet, { problems, ...(signal ? { signal } : {}) });
    outer: for await (const batch of rows) {
      throwIfCancelled(signal);
      for (const r of batch) {
        for (const c of cells) if (c.row === r.row) raw[c.key] = cellText(r, c.col);
        if (r.row >= last) break outer;
      }
    }
  }
  return raw;
}

function cellText(row: SourceRow, col: number): string | undefined {
  const cell = row.cells[col];
  if (typeof cell === 'string') return cell;
  // A version typed over by hand may have become a number ("2" or "1.5"); it fails validation.
  if (typeof cell === 'number') return String(cell);
  return undefined;
}

/**
 * Who this workbook was pulled from, or undefined when it is not a (recognizable) Mesh Desk
 * pull. Never throws for damaged or hostile facts (a damaged About sheet behind the names means
 * "not recognized"); throws CancelledError when cancelled.
 */
export async function recognizePulledWorkbook(opened: OpenedSource, o: { signal?: AbortSignal } = {}): Promise<PulledWorkbookIdentity | undefined> {
  throwIfCancelled(o.signal);
  if (opened.format !== 'xlsx') return undefined;
  const byProperties = fromProperties(opened.properties);
  if (byProperties) return byProperties;
  if (!opened.definedNames) return undefined;
  let raw: Raw;
  try {
    raw = await nameValues(opened, opened.definedNames, o.signal);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    // A damaged About sheet means the names cannot vouch for anything: not recognized.
    return undefined;
  }
  const id = validated(raw);
  return id ? { ...id, source: 'names' } : undefined;
}
