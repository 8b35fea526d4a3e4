// Tests of how an Electron IPC event is turned into SenderInfo, with objects shaped like Electron's.
import { describe, expect, it } from 'vitest';
import { describeSender, type FrameLike, type WindowLike } from '../../electron/ipc-sender';

const frame = (url: string, ids: [number, number] = [4, 1], parent: FrameLike | null = null): FrameLike => ({
  url,
  parent,
  processId: ids[0],
  routingId: ids[1],
});

function makeWindow(destroyed = false) {
  const mainFrame = frame('app://mesh-desk/index.html');
  const webContents = { mainFrame };
  const win: WindowLike = { isDestroyed: () => destroyed, webContents };
  return { win, webContents, mainFrame };
}

describe('describeSender', () => {
  it('recognises the main window top frame, even through a fresh wrapper object', () => {
    const { win, webContents } = makeWindow();
    const info = describeSender({ sender: webContents, senderFrame: frame('app://mesh-desk/index.html') }, win);
    expect(info).toEqual({ fromMainWindow: true, isTopFrame: true, frameUrl: 'app://mesh-desk/index.html' });
  });

  it('flags iframes and other frames of the same window', () => {
    const { win, webContents, mainFrame } = makeWindow();
    const iframe = frame('app://mesh-desk/index.html', [4, 7], mainFrame);
    expect(describeSender({ sender: webContents, senderFrame: iframe }, win).isTopFrame).toBe(false);
    const otherProcess = frame('app://mesh-desk/index.html', [9, 1]);
    expect(describeSender({ sender: webContents, senderFrame: otherProcess }, win).isTopFrame).toBe(false);
  });

  it('flags other webContents', () => {
    const { win, mainFrame } = makeWindow();
    const info = describeSender({ sender: { mainFrame }, senderFrame: mainFrame }, win);
    expect(info.fromMainWindow).toBe(false);
    expect(info.isTopFrame).toBe(false);
  });

  it('treats a missing window, a destroyed window or a vanished frame as untrusted', () => {
    const { win, webContents, mainFrame } = makeWindow();
    expect(describeSender({ sender: webContents, senderFrame: mainFrame }, null).fromMainWindow).toBe(false);
    const gone = makeWindow(true);
    expect(describeSender({ sender: gone.webContents, senderFrame: gone.mainFrame }, gone.win).fromMainWindow).toBe(false);
    expect(describeSender({ sender: webContents, senderFrame: null }, win)).toEqual({ fromMainWindow: true, isTopFrame: false, frameUrl: null });
  });

  it('treats a frame whose properties throw (disposed) as untrusted', () => {
    const { win, webContents } = makeWindow();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
      processId: 4,
      routingId: 1,
    };
    expect(describeSender({ sender: webContents, senderFrame: disposed }, win)).toEqual({
      fromMainWindow: false,
      isTopFrame: false,
      frameUrl: null,
    });
  });
});
