// Browser (renderer). The object the Electron preload exposes with contextBridge, if any.

import type { MeshDeskApi } from '../../../shared/core/api/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    meshDesk?: MeshDeskApi;
  }
}

export function exposedApi(): MeshDeskApi | undefined {
  return typeof window === 'undefined' ? undefined : window.meshDesk;
}
