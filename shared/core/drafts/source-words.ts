// Runs anywhere (pure core).
// What the owner reads when a draft's file is gone or different since the draft was saved.
// Only the file's name and the name of its folder appear — never a whole path, which may hold
// the owner's user name or a network share the page has no business knowing.

import type { SourceCheck } from '../api/draft-types';

const KEPT = 'nothing you typed is lost';

/** "3 March 2026, 10:05 UTC": unambiguous in every country (03/04 is not). */
export function plainDateTime(iso: string): string | undefined {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

export interface MissingSourceFacts {
  fileName: string;
  /** The name of the folder it was in (not its path). Absent for a browser upload's copy. */
  folderName?: string;
  /** True when the draft used Mesh Desk's own copy of a file added in the browser. */
  upload?: boolean;
  /** True when the file is there but cannot be read (permissions, a locked network drive). */
  unreadable?: boolean;
}

export function missingSourceCheck(f: MissingSourceFacts): SourceCheck {
  const name = `“${f.fileName}”`;
  let what: string;
  if (f.unreadable) {
    what = `Mesh Desk cannot read ${name} any more (it may be open in another program, or you may no longer have access to it).`;
  } else if (f.upload) {
    what = `Mesh Desk no longer has its copy of ${name}, the file this draft was made from.`;
  } else if (f.folderName) {
    what = `${name} is no longer in the folder “${f.folderName}”: it was moved, renamed or deleted.`;
  } else {
    what = `${name} is no longer where it was: it was moved, renamed or deleted.`;
  }
  return {
    status: 'missing',
    message: `${what} Locate it (the same file, or a newer copy of it) to go on describing, checking and publishing — ${KEPT}.`,
  };
}

export interface ChangedSourceFacts {
  fileName: string;
  /** When the draft last recorded the file (its last save with the file). */
  savedAt?: string;
}

export function changedSourceCheck(f: ChangedSourceFacts): SourceCheck {
  const when = f.savedAt ? plainDateTime(f.savedAt) : undefined;
  return {
    status: 'changed',
    message:
      `“${f.fileName}” has changed since this draft was saved${when ? ` (${when})` : ''}. ` +
      'Mesh Desk will read it again and check it; your description is kept.',
  };
}
