// Node only (pure string rules, kept beside the registry that stores uploads).
// An uploaded file's name comes from the browser and is untrusted: it must never pick the
// folder it is written to. These rules turn any name into one safe file name on every OS.

/** Longest stored name in UTF-16 units; well under the 255-byte limit of common file systems. */
export const MAX_STORED_NAME = 120;
/** Longest name shown to the owner. */
export const MAX_DISPLAY_NAME = 255;

// Windows refuses these as file names whatever the extension ("CON.csv" included).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shortens without leaving half of a surrogate pair (an emoji cut in two is not valid text). */
function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max).replace(/[\ud800-\udbff]$/, '');
}

/** Shortens a file name to `max` units, keeping a short extension (readers rely on it). */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return cut(name.slice(0, name.length - ext.length), max - ext.length).replace(/[.\s]+$/, '') + ext;
}

/** The last path component of a name as sent by any browser or OS ("C:\a\b.csv" → "b.csv"). */
function lastComponent(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/**
 * The name shown to the owner: what they called the file, minus any folder part and invisible
 * control characters (including bidi overrides that could disguise the extension).
 */
export function displayUploadName(name: string): string {
  const clean = shorten(lastComponent(name).replace(CONTROL_CHARS, '').trim(), MAX_DISPLAY_NAME);
  return clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
}

/**
 * The name the upload is stored under: no path separators, no "..", no characters Windows
 * refuses, no reserved device names, bounded length, the extension kept (readers use it).
 */
export function sanitizeUploadName(name: string): string {
  let clean = displayUploadName(name)
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\.{2,}/g, '.')
    // Leading dots would hide the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean === '') clean = 'upload';
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  return shorten(clean, MAX_STORED_NAME);
}
