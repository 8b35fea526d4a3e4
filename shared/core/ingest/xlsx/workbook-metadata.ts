// Runs anywhere (pure core).
// Workbook-level facts that are not cells: the custom document properties (docProps/custom.xml,
// Excel's File › Info › Properties › Custom) and the defined names (Formulas › Name Manager,
// in the workbook part). A workbook pulled from the mesh carries its product, version and table
// in both, so a re-import can recognize where it came from.
//
// These facts are optional extras: a damaged or oversized properties part must never stop the
// owner from reading the data, so any damage here makes the facts "absent" (undefined) instead of
// refusing the workbook. Only cancellation is passed on. Both parts are bounded in bytes (a small
// part budget, not the sheet one), in entries and in characters, like the rest of the reader.

import { CancelledError, UserFacingError } from '../../result';
import type { ByteSource } from '../types';
import type { XlsxLimits } from './limits';
import { readRelationships, readXmlPart, type PartReadOptions } from './package-parts';
import type { ZipDirectory, ZipEntry } from './zip-directory';

export interface WorkbookMetadata {
  /** Custom document properties by name, values as text; undefined when the part is absent or damaged. */
  properties?: Record<string, string>;
  /**
   * Defined names → what they refer to as written (e.g. "About!$B$3", or a constant such as
   * "\"text\""). Workbook-wide names win over sheet-local names of the same name. Undefined when
   * the workbook defines none, or the list cannot be read.
   */
  definedNames?: Record<string, string>;
}

/** Bounds for these small parts: far above anything a real workbook carries. */
export const METADATA_LIMITS = Object.freeze({
  /** Bytes of docProps/custom.xml (real ones: a few KB). */
  maxPropertiesBytes: 4 * 1024 * 1024,
  maxProperties: 1_000,
  maxDefinedNames: 10_000,
  /** Characters kept per value; longer values are left out (no fact we look for is that long). */
  maxValueChars: 8_192,
});

const CUSTOM_PART = 'docProps/custom.xml';

/** Reads both; never throws for damage (only CancelledError). */
export async function readWorkbookMetadata(
  src: ByteSource,
  dir: ZipDirectory,
  workbookPart: string,
  limits: XlsxLimits,
  signal?: AbortSignal,
): Promise<WorkbookMetadata> {
  const opts: PartReadOptions = { limits, maxBytes: Math.min(limits.maxMetaPartBytes, METADATA_LIMITS.maxPropertiesBytes), ...(signal ? { signal } : {}) };
  const out: WorkbookMetadata = {};
  const properties = await absentOnDamage(() => readCustomProperties(src, dir, opts));
  if (properties) out.properties = properties;
  const workbook = dir.get(workbookPart);
  // The workbook part was read once already at open; it may be as large as the meta budget.
  const names = workbook ? await absentOnDamage(() => readDefinedNames(src, workbook, { ...opts, maxBytes: limits.maxMetaPartBytes })) : undefined;
  if (names) out.definedNames = names;
  return out;
}

async function absentOnDamage<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    // Damage in a part we only read for extras: behave as if it was not there.
    if (e instanceof UserFacingError) return undefined;
    throw e;
  }
}

/** The custom-properties part: found through the package relationships, else its usual name. */
async function findCustomPart(src: ByteSource, dir: ZipDirectory, opts: PartReadOptions): Promise<ZipEntry | undefined> {
  const rels = await absentOnDamage(() => readRelationships(src, dir, '', opts));
  for (const rel of rels?.values() ?? []) {
    if (rel.type === 'custom-properties') {
      const entry = dir.get(rel.target);
      if (entry) return entry;
    }
  }
  return dir.get(CUSTOM_PART);
}

export async function readCustomProperties(src: ByteSource, dir: ZipDirectory, opts: PartReadOptions): Promise<Record<string, string> | undefined> {
  const entry = await findCustomPart(src, dir, opts);
  if (!entry) return undefined;
  const found = new Map<string, string>();
  let root: string | undefined;
  let current: string | undefined; // name of the open <property>
  let valueDepth = 0; // > 0 inside the property's value element
  let value = '';
  let tooLong = false;
  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (root !== 'Properties') return;
      if (name === 'property' && current === undefined) {
        current = attrs['name'] ?? '';
        value = '';
        tooLong = false;
        valueDepth = 0;
      } else if (current !== undefined) {
        valueDepth++;
      }
    },
    text(t) {
      if (current === undefined || valueDepth === 0 || tooLong) return;
      if (value.length + t.length > METADATA_LIMITS.maxValueChars) tooLong = true;
      else value += t;
    },
    close(name) {
      if (current === undefined) return;
      if (name === 'property' && valueDepth === 0) {
        // First one wins, as for every other list in the package; nameless and overlong are left out.
        if (current !== '' && !tooLong && !found.has(current) && found.size < METADATA_LIMITS.maxProperties) found.set(current, value);
        current = undefined;
      } else if (valueDepth > 0) {
        valueDepth--;
      }
    },
  }, opts);
  if (root !== 'Properties') return undefined;
  // fromEntries defines own properties, so a property called "__proto__" stays a plain entry.
  return Object.fromEntries(found);
}

export async function readDefinedNames(src: ByteSource, entry: ZipEntry, opts: PartReadOptions): Promise<Record<string, string> | undefined> {
  const global = new Map<string, string>();
  const local = new Map<string, string>();
  let root: string | undefined;
  let inNames = false;
  let current: { name: string; local: boolean } | undefined;
  let value = '';
  let tooLong = false;
  await readXmlPart(src, entry, {
    open(name, attrs) {
      root ??= name;
      if (root !== 'workbook') return;
      if (name === 'definedNames') inNames = true;
      else if (name === 'definedName' && inNames) {
        current = { name: attrs['name'] ?? '', local: attrs['localSheetId'] !== undefined };
        value = '';
        tooLong = false;
      }
    },
    text(t) {
      if (!current || tooLong) return;
      if (value.length + t.length > METADATA_LIMITS.maxValueChars) tooLong = true;
      else value += t;
    },
    close(name) {
      if (name === 'definedNames') inNames = false;
      else if (name === 'definedName' && current) {
        const into = current.local ? local : global;
        if (current.name !== '' && !tooLong && !into.has(current.name) && global.size + local.size < METADATA_LIMITS.maxDefinedNames) {
          into.set(current.name, value.trim());
        }
        current = undefined;
      }
    },
  }, opts);
  if (root !== 'workbook' || global.size + local.size === 0) return undefined;
  for (const [name, v] of local) if (!global.has(name)) global.set(name, v);
  return Object.fromEntries(global);
}
