// Runs anywhere (pure core).
// The small shape tests every API input validator is built from (contract.ts, validate-*.ts):
// one definition each, so an id, a sheet name or a version is accepted alike by every call.

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
export const isId = (x: unknown): x is string => typeof x === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(x);
export const optional = (x: unknown, test: (v: unknown) => boolean): boolean => x === undefined || test(x);
export const onlyKeys = (x: Record<string, unknown>, keys: string[]): boolean => Object.keys(x).every((k) => keys.includes(k));
export const shortText = (max: number) => (v: unknown): boolean => typeof v === 'string' && v.length <= max && !v.includes('\u0000');
export const isSheetName = shortText(255);
export const isHeaderRow = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1_048_576;
/** A product's name in the mesh (its folder): the slug rule. */
export const isProductName = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9][a-z0-9-]{1,62}$/.test(x);
/** "1.2.0" or "v1.2.0". */
export const isVersionText = (v: unknown): boolean => typeof v === 'string' && /^v?\d{1,9}\.\d{1,9}\.\d{1,9}$/.test(v);
/** An endpoint (table) of a product. */
export const isEndpointName = (v: unknown): boolean => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
