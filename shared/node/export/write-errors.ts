// Node only.
// Why a report could not be saved, in the owner's words: the file system's error codes
// (ENOENT, EACCES …) mean nothing to them, the folder name and what to do next do.

import { basename, dirname } from 'node:path';
import type { AppError } from '../../core/result';

export function writeError(code: string, target: string): AppError {
  const folder = dirname(target);
  const name = basename(target);
  const say = (message: string): AppError => ({ code: `export.${code.toLowerCase()}`, message });
  switch (code) {
    case 'ENOENT':
      return say(`Mesh Desk could not save "${name}": the folder "${folder}" does not exist (any more). Choose another folder and save again.`);
    case 'ENOTDIR':
      return say(`Mesh Desk could not save "${name}": "${folder}" is not a folder. Choose a folder to save the report in.`);
    case 'EISDIR':
      return say(`Mesh Desk could not save the report as "${target}": there is a folder with that name. Choose another file name.`);
    case 'EACCES':
    case 'EPERM':
      return say(`Mesh Desk could not save "${name}": you do not have permission to write in "${folder}", or a report with that name is open in Excel. Close it, or choose another folder such as your Documents, and save again.`);
    case 'EBUSY':
      return say(`Mesh Desk could not save "${name}": a file with that name is open in another program (Excel?). Close it and save again, or choose another name.`);
    case 'EROFS':
      return say(`Mesh Desk could not save "${name}": "${folder}" is on a drive that cannot be written to. Choose another folder and save again.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return say(`Mesh Desk could not save "${name}": the drive of "${folder}" is full. Free some space or choose another drive, and save again.`);
    case 'ENAMETOOLONG':
      return say(`Mesh Desk could not save the report: the name "${name}" or its folder path is too long. Choose a shorter name or a folder closer to the top of the drive.`);
    default:
      return say(`Mesh Desk could not save "${name}" in "${folder}" (the system said ${code}). Nothing was saved; try another folder, and report this if it happens again.`);
  }
}
