// Runs anywhere (pure core).
// The bounds that keep a hostile or broken workbook from eating the machine. An .xlsx is a zip
// of XML parts: a few kilobytes can declare gigabytes, a million-column range, or an XML entity
// bomb. Every bound is checked on what the file SAYS before any work (declared sizes, entry
// count, compression ratio) and again on what it DOES while we read (actual bytes, cells,
// columns), because declarations can lie. Defaults are far above what real workbooks reach.

export interface XlsxLimits {
  /** Files in the zip. Real workbooks have tens to a few hundred parts. */
  maxEntries: number;
  /** Sheets listed in the workbook. Each is looked at when the workbook is opened. */
  maxSheets: number;
  /** Uncompressed bytes of any one part we read (declared and actual). */
  maxPartBytes: number;
  /** Uncompressed bytes of all the parts a workbook needs (workbook, styles, strings, sheets). */
  maxTotalBytes: number;
  /** Uncompressed bytes of the small parts parsed into memory (workbook, relationships, styles). */
  maxMetaPartBytes: number;
  /** Compression ratio allowed for a part bigger than `ratioFloorBytes` (zip-bomb guard). */
  maxRatio: number;
  /** Parts smaller than this may be compressed at any ratio: small parts cannot hurt. */
  ratioFloorBytes: number;
  /** Uncompressed bytes of the shared-strings part. */
  maxSharedStringsBytes: number;
  /** Entries in the shared-strings table. */
  maxSharedStrings: number;
  /** Characters kept over the whole shared-strings table (held in memory while reading). */
  maxSharedStringChars: number;
  /** Characters kept per cell: Excel's own limit. Longer texts are cut, with a warning. */
  maxCellChars: number;
  /** Cells with a value read from one sheet in one pass. */
  maxCells: number;
  /** Widest table: a value beyond this column refuses the sheet instead of allocating 16,384. */
  maxColumns: number;
  /** Merged ranges listed per sheet; more are counted, not kept. */
  maxMerges: number;
  /** Cell formats (styles) read from styles.xml. Excel itself allows 64,000. */
  maxStyles: number;
  /** Characters in one XML token (text, attribute, comment) before the part counts as damaged. */
  maxXmlTokenChars: number;
  /** Nesting depth of XML elements (sheet XML is 5–6 deep). */
  maxXmlDepth: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxEntries: 10_000,
  maxSheets: 1_000,
  maxPartBytes: 2 * GiB,
  maxTotalBytes: 4 * GiB,
  maxMetaPartBytes: 64 * MiB,
  maxRatio: 250,
  ratioFloorBytes: 16 * MiB,
  maxSharedStringsBytes: 512 * MiB,
  maxSharedStrings: 2_000_000,
  maxSharedStringChars: 64_000_000,
  maxCellChars: 32_767,
  maxCells: 50_000_000,
  maxColumns: 4_096,
  maxMerges: 10_000,
  maxStyles: 100_000,
  maxXmlTokenChars: 4_000_000,
  maxXmlDepth: 64,
});

export function resolveLimits(partial?: Partial<XlsxLimits>): XlsxLimits {
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS };
  if (!partial) return limits;
  for (const key of Object.keys(limits) as (keyof XlsxLimits)[]) {
    const v = partial[key];
    // Ignore nonsense (NaN, negatives) rather than silently disabling a guard.
    if (typeof v === 'number' && v >= 0 && !Number.isNaN(v)) limits[key] = v;
  }
  return limits;
}
