// Node only (no Electron import: ipc-main.ts adapts Electron's IPC events to SenderInfo).
// What the main process does with each IPC message: check who sent it, then hand it to the
// shared dispatcher (which validates the call name and input against the contract) or to the
// source registry. Every answer is a Result, never a thrown error: an exception thrown from
// ipcMain.handle reaches the page as a bare string and loses its code.

import type { CallContext, SourceRef } from '../shared/core/api/contract';
import { fail, ok, toAppError, type Result } from '../shared/core/result';
import { validateLocalFilePath } from './local-path';
import type { createUploadSessions } from './upload-sessions';
import { APP_ORIGIN, isTrustedSender } from './security-policy';

/** The facts about an IPC sender that decide whether it is trusted. */
export interface SenderInfo {
  /** The message came from the main window's webContents. */
  fromMainWindow: boolean;
  /** The frame is that window's top frame (not an iframe), and still alive. */
  isTopFrame: boolean;
  /** The frame's current URL, or null when the frame is gone. */
  frameUrl: string | null;
}

export interface IpcRoutesDeps {
  dispatch(name: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
  /** Registers a checked path; throws a UserFacingError (turned into a Result here) on failure. */
  addPath(absolutePath: string): Promise<SourceRef>;
  /** Files without a path, sent in chunks. */
  uploads: ReturnType<typeof createUploadSessions>;
  /** Pushes an event to the main window. */
  emit: CallContext['emit'];
  /** Where refused messages are logged (never shown to the page in detail). */
  log(message: string): void;
  appOrigin?: string;
}

const untrusted = (): Result<never> =>
  fail('ipc.untrusted-sender', 'This request did not come from the Mesh Desk window, so it was refused.');

export function isTrustedIpcSender(sender: SenderInfo, appOrigin: string = APP_ORIGIN): boolean {
  return sender.fromMainWindow && sender.isTopFrame && sender.frameUrl !== null && isTrustedSender(sender.frameUrl, appOrigin);
}

function describe(sender: SenderInfo): string {
  const url = sender.frameUrl === null ? '(no frame)' : sender.frameUrl.slice(0, 200);
  return `mainWindow=${sender.fromMainWindow} topFrame=${sender.isTopFrame} url=${url}`;
}

export function createIpcRoutes(deps: IpcRoutesDeps) {
  const origin = deps.appOrigin ?? APP_ORIGIN;
  const ctx: CallContext = { emit: (name, payload) => deps.emit(name, payload) };
  const guard = (sender: SenderInfo, what: string): boolean => {
    if (isTrustedIpcSender(sender, origin)) return true;
    deps.log(`Refused ${what} from an untrusted sender (${describe(sender)}).`);
    return false;
  };

  return {
    async call(sender: SenderInfo, name: unknown, input: unknown): Promise<Result<unknown>> {
      if (!guard(sender, 'an API call')) return untrusted();
      try {
        return await deps.dispatch(name, input, ctx);
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },

    async addPath(sender: SenderInfo, candidate: unknown): Promise<Result<SourceRef>> {
      if (!guard(sender, 'a file')) return untrusted();
      const checked = await validateLocalFilePath(candidate);
      if (!checked.ok) return checked;
      try {
        return ok(await deps.addPath(checked.value));
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },

    uploadBegin(sender: SenderInfo, name: unknown, lastModified: unknown): Result<{ uploadId: string }> {
      if (!guard(sender, 'an upload')) return untrusted();
      return deps.uploads.begin(name, lastModified);
    },

    async uploadChunk(sender: SenderInfo, uploadId: unknown, bytes: unknown): Promise<Result<null>> {
      if (!guard(sender, 'an upload chunk')) return untrusted();
      return deps.uploads.chunk(uploadId, bytes);
    },

    async uploadEnd(sender: SenderInfo, uploadId: unknown): Promise<Result<SourceRef>> {
      if (!guard(sender, 'an upload end')) return untrusted();
      return deps.uploads.end(uploadId);
    },

    uploadAbort(sender: SenderInfo, uploadId: unknown): Result<null> {
      if (!guard(sender, 'an upload abort')) return untrusted();
      return deps.uploads.abort(uploadId);
    },
  };
}
