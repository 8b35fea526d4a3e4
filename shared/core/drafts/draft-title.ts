// Runs anywhere (pure core).
// The words Home shows for a draft: its title, else its product name, else its file's name.
// One rule for the host (the list) and the page (the editor's heading), so they never disagree.

import type { DraftContent } from '../api/draft-types';

export const UNTITLED_DRAFT = 'Untitled draft';
const COPY_PREFIX = 'Copy of ';
/** A title the Describe form accepts (ProductMeta titles are short texts). */
const MAX_TITLE = 200;

/** What the owner recognises the draft by. Blank titles count as none. */
export function draftTitle(content: Pick<DraftContent, 'meta' | 'base'>, fileName?: string): string {
  const title = content.meta.title?.trim();
  if (title) return title;
  const name = content.meta.name?.trim() || content.base?.product;
  if (name) return name;
  const file = fileName?.trim();
  if (file) return file;
  return UNTITLED_DRAFT;
}

/**
 * The title of a duplicate: "Copy of …". Duplicating a copy again gives "Copy of Copy of …", as
 * people expect from their file manager; cut to a length the form accepts.
 */
export function copyTitle(title: string): string {
  const text = `${COPY_PREFIX}${title}`;
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1)}…`;
}
