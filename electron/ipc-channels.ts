// Runs anywhere (pure; shared by the Electron main process and the preload).
// The only IPC channels between the window and the main process. Keeping them in one
// file means the preload and main cannot drift apart, and a review can see the whole surface.

/** Renderer → main (invoke): (name: CallName, input) → Result. */
export const CALL_CHANNEL = 'mesh:call';
/** Renderer → main (invoke): (absolutePath: string) → Result<SourceRef>. Only the preload sends it. */
export const ADD_PATH_CHANNEL = 'mesh:add-path';
/**
 * Renderer → main (invoke), for a file with no path on the disk (see upload-sessions.ts):
 * begin (name, lastModified) → {uploadId}; chunk (uploadId, Uint8Array) → null, resolved when
 * the chunk was taken; end (uploadId) → SourceRef; abort (uploadId) → null.
 */
export const UPLOAD_BEGIN_CHANNEL = 'mesh:upload-begin';
export const UPLOAD_CHUNK_CHANNEL = 'mesh:upload-chunk';
export const UPLOAD_END_CHANNEL = 'mesh:upload-end';
export const UPLOAD_ABORT_CHANNEL = 'mesh:upload-abort';
/** Main → renderer (send): (name: EventName, payload). Sent to the main window only. */
export const EVENT_CHANNEL = 'mesh:event';
