// Runs anywhere (pure core).
// Product names are slugs because they become part of a storage address (s3://…/{name}/) that
// must stay the same on every platform; titles are what people read.

/** The product-name rule from the design: lower-case letters, digits and dashes, 2–63 long. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,62}$';
const SLUG_RE = new RegExp(SLUG_PATTERN);
export const FALLBACK_SLUG = 'dataset';

export function isValidSlug(name: string): boolean {
  return SLUG_RE.test(name);
}

// Letters that do not decompose into base letter + accent, or that German writes out.
const FOLDS: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', å: 'a', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ı: 'i',
};

/** Lower-case text with accents folded (ä → ae, é → e, ß → ss). */
export function foldAccents(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const ch of lower) out += FOLDS[ch] ?? ch;
  // NFD splits é into e + combining accent; the accents are then dropped.
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The file name without folders and without its last extension. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

/** A valid product name made from any text; "dataset" when nothing usable is left. */
export function toSlug(text: string): string {
  const dashed = foldAccents(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '');
  const cut = dashed.slice(0, 63).replace(/-+$/, '');
  return isValidSlug(cut) ? cut : FALLBACK_SLUG;
}

export function slugFromFileName(fileName: string): string {
  return toSlug(baseName(fileName));
}

/** "q3_price-list.final.xlsx" → "Q3 Price List Final". Keeps the owner's own capitals (ACME). */
export function titleFromFileName(fileName: string): string {
  const words = baseName(fileName)
    .replace(/[_\-.+]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1));
  const title = words.join(' ').slice(0, 200).trim();
  return title === '' ? 'Dataset' : title;
}
