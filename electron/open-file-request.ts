// Runs anywhere (pure).
// File › Open… must start the same flow as the page's own "Choose a file" button, so the page
// can first ask about unsaved work and then call 'source.pick'. That needs a host → page event.
// The contract does not name one yet; this file is the single place that knows its name and
// shape. Until the event exists in EVENT_NAMES the menu item stays greyed out rather than
// pretending to work (the preload drops events the contract does not list).

import { EVENT_NAMES } from '../shared/core/api/contract';

/** Proposed addition to ApiEvents: 'app.command': { command: 'open-file' }. */
export const OPEN_FILE_EVENT = 'app.command';
export const OPEN_FILE_PAYLOAD = { command: 'open-file' } as const;

export function canRequestOpenFile(eventNames: readonly string[] = EVENT_NAMES): boolean {
  return eventNames.includes(OPEN_FILE_EVENT);
}
