// Test helper (Node). A stand-in for the 'electron' module, for loading the BUILT main and
// preload bundles without the Electron binary. It implements only what Mesh Desk calls and
// records every call, so tests can check the real wiring: which scheme is registered, which
// window options are used, what IPC answers, which navigations are refused.
import { EventEmitter } from 'node:events';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://mesh-desk/index.html', parent: null, processId: 7, routingId: 1 };
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  isDestroyed(): boolean {
    return false;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
}

/** An Electron-style event whose preventDefault is recorded. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const e = { ...fields, defaultPrevented: false, preventDefault() { e.defaultPrevented = true; } };
  return e;
}

export function createFakeMainElectron() {
  const appEvents = new EventEmitter();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const rec = {
    sandboxEnabled: false,
    name: '',
    paths: {} as Record<string, string>,
    schemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as FakeBrowserWindow[],
    menu: null as unknown,
    opened: [] as string[],
    permissionRequest: null as null | ((wc: unknown, perm: string, cb: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    deviceCheck: null as null | ((...a: unknown[]) => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    errorBoxes: [] as string[][],
    quitCalls: 0,
    exitCode: null as number | null,
    dialogsOpened: 0,
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl = '';
    shown = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      rec.windows.push(this);
      appEvents.emit('web-contents-created', fakeEvent({}), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    show(): void {
      this.shown = true;
    }
    focus(): void {}
    close(): void {}
  }

  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        rec.sandboxEnabled = true;
      },
      setName: (n: string) => {
        rec.name = n;
      },
      setPath: (k: string, v: string) => {
        rec.paths[k] = v;
      },
      getPath: (k: string) => rec.paths[k] ?? `/fake/${k}`,
      getVersion: () => '0.1.0-test',
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: (...a: unknown[]) => void) => appEvents.on(name, fn),
      whenReady: () => ready,
      quit: () => {
        rec.quitCalls++;
      },
      exit: (code: number) => {
        rec.exitCode = code;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: typeof rec.schemes) => {
        rec.schemes.push(...s);
      },
      handle: (scheme: string, fn: (req: { url: string; method: string }) => Promise<Response>) => {
        rec.protocolHandlers.set(scheme, fn);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof rec.permissionRequest) => {
          rec.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => {
          rec.permissionCheck = fn;
        },
        setDevicePermissionHandler: (fn: typeof rec.deviceCheck) => {
          rec.deviceCheck = fn;
        },
        webRequest: {
          onBeforeRequest: (fn: typeof rec.beforeRequest) => {
            rec.beforeRequest = fn;
          },
        },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        rec.ipcHandlers.set(channel, fn);
      },
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => {
        rec.menu = m;
      },
    },
    dialog: {
      showOpenDialog: async () => {
        rec.dialogsOpened++;
        return { canceled: true, filePaths: [] };
      },
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: (title: string, content: string) => {
        rec.errorBoxes.push([title, content]);
      },
    },
    shell: {
      openExternal: async (url: string) => {
        rec.opened.push(url);
      },
    },
    BrowserWindow: FakeBrowserWindow,
    // A keychain that "encrypts" by reversing bytes: enough to prove keys never hit the disk as typed.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    },
  };

  return { electron, rec, appEvents, markReady: () => markReady() };
}

export function createFakePreloadElectron() {
  const rec = {
    exposed: [] as [string, unknown][],
    invoked: [] as unknown[][],
    listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        rec.exposed.push([key, api]);
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        rec.invoked.push(args);
        if (args[0] === 'mesh:upload-begin') return { ok: true, value: { uploadId: 'upload-1' } };
        return { ok: true, value: { echoed: args } };
      },
      on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
        rec.listeners.set(channel, [...(rec.listeners.get(channel) ?? []), fn]);
      },
    },
    webUtils: {
      getPathForFile: (file: { name: string }) => (file.name === 'in-memory.csv' ? '' : `/home/owner/${file.name}`),
    },
  };
  return { electron, rec };
}
