// Node only.
// "Test connection" for a folder mesh: the folder exists (or can be created) and Mesh Desk can
// write, read back and remove a file there. Every failure says which folder and what to do.

import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MeshError } from '../../core/mesh/mesh-store';
import { throwIfCancelled } from '../../core/result';
import { errnoOf, meshIoError } from './file-errors';
import { TEMP_PREFIX } from './file-keys';

export async function checkFolder(root: string, signal?: AbortSignal): Promise<void> {
  throwIfCancelled(signal);
  try {
    const info = await stat(root);
    if (!info.isDirectory()) {
      throw new MeshError('mesh.bad-url', `The mesh address points to ${root}, which is a file, not a folder. Choose a folder (or a new folder name) for the mesh.`);
    }
  } catch (e) {
    if (e instanceof MeshError) throw e;
    if (errnoOf(e) === 'ENOTDIR') throw partIsAFile(root);
    if (errnoOf(e) !== 'ENOENT') throw meshIoError(e, 'open the mesh folder', root);
    await createRoot(root);
  }
  throwIfCancelled(signal);
  // Write, read back and remove a small file: proves write permission and a working disk.
  const probe = join(root, `${TEMP_PREFIX}check-${randomBytes(6).toString('hex')}`);
  const text = `Mesh Desk write test ${new Date().toISOString()}\n`;
  try {
    const handle = await open(probe, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if ((await readFile(probe, 'utf8')) !== text) {
      throw new MeshError('mesh.io', `The mesh folder ${root} did not give back what Mesh Desk wrote into it. Check the disk or network drive, or choose another folder.`);
    }
  } catch (e) {
    throw meshIoError(e, 'save a test file', root);
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

async function createRoot(root: string): Promise<void> {
  try {
    await mkdir(root, { recursive: true });
  } catch (e) {
    switch (errnoOf(e)) {
      case 'EACCES':
      case 'EPERM':
      case 'EROFS':
        throw new MeshError('mesh.forbidden', `The mesh folder ${root} does not exist, and Mesh Desk is not allowed to create it. Create it yourself, or choose a folder you can write to.`);
      case 'ENOTDIR':
      case 'EEXIST':
        throw partIsAFile(root);
      case 'ENOENT':
        throw new MeshError('mesh.not-found', `The mesh folder ${root} cannot be created: the disk or drive it is on is not available. Connect it, or choose another folder.`);
      default:
        throw meshIoError(e, 'create the mesh folder', root);
    }
  }
}

function partIsAFile(root: string): MeshError {
  return new MeshError('mesh.bad-url', `The mesh folder ${root} cannot be used because part of that path is a file, not a folder. Choose another place for the mesh.`);
}
