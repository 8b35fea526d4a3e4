// Runs anywhere (pure core).
// Names that end up in addresses and ids: endpoint names (folders in the mesh, ODCS schema
// object ids, which the standard restricts to [A-Za-z0-9_-]) and the stable document ids.

/** Endpoint names Mesh Desk reserves: the first sheet is always "default"; "stats" is generated. */
export const RESERVED_ENDPOINTS: readonly string[] = ['default', 'stats'];
const MAX_SLUG = 63;

/**
 * Lower-case ASCII slug of any text: accents dropped, everything else that is not a letter or
 * digit becomes a single dash. May return "" (e.g. for "???" or "日本"); callers supply a fallback.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/**
 * One endpoint name per sheet, in order: "default" for the first, then slugs of the other
 * sheets' names, made distinct and kept clear of the reserved names. Publish, export and the
 * contract all call this, so a sheet always lands under the same name.
 */
export function endpointNames(sheetNames: readonly string[]): string[] {
  const used = new Set<string>();
  return sheetNames.map((sheet, i) => {
    if (i === 0) {
      used.add('default');
      return 'default';
    }
    let base = slugify(sheet) || `sheet-${i + 1}`;
    if (RESERVED_ENDPOINTS.includes(base)) base = `${base}-sheet`;
    let name = base;
    for (let n = 2; used.has(name) || RESERVED_ENDPOINTS.includes(name); n++) {
      const suffix = `-${n}`;
      name = base.slice(0, MAX_SLUG - suffix.length) + suffix;
    }
    used.add(name);
    return name;
  });
}

/**
 * Product name as used in ids. A valid product name (the policy enforces the slug rule) is used
 * unchanged; anything else is slugged so the id stays a plain, URL-safe token.
 */
export function productKey(name: string | undefined): string {
  return slugify(name ?? '') || 'unnamed-product';
}

/**
 * Ids are derived from the product name, not random: the name is the product's one stable
 * address in the mesh (DATSIS "addressable"), so every version, every rebuild and every machine
 * (offline drafts included) arrives at the same id without having to store or sync a UUID.
 */
export const contractIdFor = (productName: string | undefined): string => `urn:datacontract:${productKey(productName)}`;
export const productIdFor = (productName: string | undefined): string => `urn:dataproduct:${productKey(productName)}`;
