// Runs anywhere (pure).
// File › Open… must start the same flow as the page's own "Choose a file" button, so the page
// can first ask about unsaved work and then call 'source.pick': the host → page event
// 'app.command' of the API contract. Should that event ever leave EVENT_NAMES, the menu item
// greys out rather than pretending to work (the preload drops events the contract does not list).

import { EVENT_NAMES } from '../shared/core/api/contract';
import type { ApiEvents, EventName } from '../shared/core/api/contract';

export const OPEN_FILE_EVENT: EventName = 'app.command';
export const OPEN_FILE_PAYLOAD: ApiEvents['app.command'] = { command: 'open-file' };

export function canRequestOpenFile(eventNames: readonly string[] = EVENT_NAMES): boolean {
  return eventNames.includes(OPEN_FILE_EVENT);
}
