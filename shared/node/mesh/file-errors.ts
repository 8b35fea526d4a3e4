// Node only.
// Turns file-system failures (errno codes) into MeshErrors in the owner's words: what failed,
// where, and what to do. The codes match the S3 store's so callers handle both alike.

import { MeshError } from '../../core/mesh/mesh-store';
import { CancelledError, UserFacingError } from '../../core/result';

export function errnoOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** `action` is a short phrase such as 'save "price-list/product.yaml"'. */
export function meshIoError(e: unknown, action: string, folder: string): UserFacingError {
  if (e instanceof UserFacingError) return e;
  if (e instanceof Error && e.name === 'AbortError') return new CancelledError();
  const where = `in the mesh folder ${folder}`;
  switch (errnoOf(e)) {
    case 'EACCES':
    case 'EPERM':
      return new MeshError('mesh.forbidden', `Mesh Desk is not allowed to ${action} ${where}. Ask whoever manages that folder for write permission, or choose another folder.`);
    case 'EROFS':
      return new MeshError('mesh.forbidden', `Could not ${action}: the mesh folder ${folder} is on a read-only disk. Choose a folder you can write to.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new MeshError('mesh.io', `Could not ${action}: the disk holding ${folder} is full. Free some space and try again.`);
    case 'ENOTDIR':
    case 'EISDIR':
      return new MeshError('mesh.io', `Could not ${action} ${where}: a file and a folder have the same name there. Remove the stray file or folder and try again.`);
    case 'ENOENT':
      return new MeshError('mesh.not-found', `Could not ${action}: the mesh folder ${folder} (or a folder inside it) has disappeared. Check that the disk or network drive is connected.`);
    case 'EMFILE':
    case 'ENFILE':
    case 'EBUSY':
      return new MeshError('mesh.io', `Could not ${action} ${where}: the computer is busy with too many open files. Close some programs and try again.`);
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return new MeshError('mesh.io', `Could not ${action} ${where} (${detail}). Check the disk or network drive and try again.`);
    }
  }
}
