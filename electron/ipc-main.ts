// Node only (Electron main process).
// Connects every IPC channel to its route. Each handler first turns the Electron event into
// SenderInfo, so no route can forget the sender check (the routes refuse untrusted senders).

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  ADD_PATH_CHANNEL,
  CALL_CHANNEL,
  UPLOAD_ABORT_CHANNEL,
  UPLOAD_BEGIN_CHANNEL,
  UPLOAD_CHUNK_CHANNEL,
  UPLOAD_END_CHANNEL,
} from './ipc-channels';
import type { createIpcRoutes } from './ipc-routes';
import { describeSender } from './ipc-sender';

export function registerIpcHandlers(routes: ReturnType<typeof createIpcRoutes>, mainWindow: () => BrowserWindow | null): void {
  const sender = (event: IpcMainInvokeEvent) => describeSender(event, mainWindow());
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => routes.call(sender(event), name, input));
  ipcMain.handle(ADD_PATH_CHANNEL, (event, candidate: unknown) => routes.addPath(sender(event), candidate));
  ipcMain.handle(UPLOAD_BEGIN_CHANNEL, (event, name: unknown, lastModified: unknown) =>
    routes.uploadBegin(sender(event), name, lastModified),
  );
  ipcMain.handle(UPLOAD_CHUNK_CHANNEL, (event, uploadId: unknown, bytes: unknown) => routes.uploadChunk(sender(event), uploadId, bytes));
  ipcMain.handle(UPLOAD_END_CHANNEL, (event, uploadId: unknown) => routes.uploadEnd(sender(event), uploadId));
  ipcMain.handle(UPLOAD_ABORT_CHANNEL, (event, uploadId: unknown) => routes.uploadAbort(sender(event), uploadId));
}
