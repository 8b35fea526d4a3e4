// Runs anywhere (pure; works on the shape of Electron objects, so fakes can test it).
// Turns an IPC event into the facts the trust check needs. Identity of the frame is compared by
// process and routing id rather than by object, because Electron may hand out a fresh
// WebFrameMain wrapper for the same frame. A frame that is gone (navigated away, destroyed)
// makes property reads throw: that counts as untrusted, never as an error.

import type { SenderInfo } from './ipc-routes';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface IpcEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike };
}

const UNTRUSTED: SenderInfo = { fromMainWindow: false, isTopFrame: false, frameUrl: null };

export function describeSender(event: IpcEventLike, mainWindow: WindowLike | null): SenderInfo {
  try {
    if (mainWindow === null || mainWindow.isDestroyed()) return UNTRUSTED;
    const fromMainWindow = event.sender === mainWindow.webContents;
    const frame = event.senderFrame;
    if (frame === null) return { fromMainWindow, isTopFrame: false, frameUrl: null };
    const top = mainWindow.webContents.mainFrame;
    const isTopFrame =
      fromMainWindow && frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId;
    return { fromMainWindow, isTopFrame, frameUrl: frame.url };
  } catch {
    return UNTRUSTED;
  }
}
