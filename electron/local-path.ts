// Node only (no Electron import).
// Checks a file path that arrived over IPC before anything opens it. The preload resolves a
// dropped file's path, but the message crosses a process boundary, so main treats it as
// untrusted: it must be a string, absolute, free of NUL bytes, and name an existing regular
// file (not a folder, device, FIFO or socket, which could block a reader forever).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../shared/core/result';

/** Longer than any real path on the supported systems (Windows long paths reach 32,767). */
const MAX_PATH_LENGTH = 32_767;

function shownName(p: string): string {
  const base = path.basename(p);
  return base.length > 0 ? base : p;
}

export async function validateLocalFilePath(candidate: unknown): Promise<Result<string>> {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_PATH_LENGTH || candidate.includes('\0')) {
    return fail(
      'source.bad-path',
      'Mesh Desk could not tell where this file is on your computer. Please choose it again with File › Open…',
    );
  }
  if (!path.isAbsolute(candidate)) {
    return fail(
      'source.bad-path',
      `Mesh Desk could not tell where "${shownName(candidate)}" is on your computer. Please choose it again with File › Open…`,
    );
  }
  const name = shownName(candidate);
  let stat;
  try {
    stat = await fs.stat(candidate);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EACCES' || code === 'EPERM') {
      return fail(
        'source.no-access',
        `Mesh Desk is not allowed to read "${name}". Check that you have permission to open it, or copy it to your Documents folder and try again.`,
      );
    }
    return fail(
      'source.not-found',
      `"${name}" could not be found. It may have been moved, renamed or deleted; please choose the file again.`,
    );
  }
  if (stat.isDirectory()) {
    return fail('source.not-a-file', `"${name}" is a folder. Please choose a CSV or Excel file inside it instead.`);
  }
  if (!stat.isFile()) {
    return fail(
      'source.not-a-file',
      `"${name}" is not an ordinary file (it may be a device or a shortcut to one). Please choose a CSV or Excel file.`,
    );
  }
  return ok(path.normalize(candidate));
}
