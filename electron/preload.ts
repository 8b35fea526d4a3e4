// Electron preload (sandboxed renderer). Bundled by electron/build.mjs into ONE CommonJS file,
// build/electron/preload.cjs: a sandboxed preload can require only 'electron' (and a few
// polyfilled modules), so everything else must be inlined.
// Exposes window.meshDesk, exactly the MeshDeskApi contract and nothing else.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { LocalFile } from '../shared/core/api/contract';
import { EVENT_CHANNEL } from './ipc-channels';
import { createPreloadApi } from './preload-api';

const api = createPreloadApi({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  // One IPC listener for the lifetime of the page; the API fans events out to subscribers.
  listen: (listener) => {
    ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => listener(name, payload));
  },
  // contextBridge hands the page's File object through; the path stays in this preload.
  pathForFile: (file: LocalFile) => webUtils.getPathForFile(file as File),
  readSlice: async (file: LocalFile, start: number, end: number) => new Uint8Array(await (file as File).slice(start, end).arrayBuffer()),
  reportListenerError: (error) => console.error('[mesh-desk] An event listener failed:', error),
});

contextBridge.exposeInMainWorld('meshDesk', api);
