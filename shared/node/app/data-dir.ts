// Node only.
// Where Mesh Desk keeps its own files (uploads, drafts, settings). One function so Electron
// main, the web host and the CLI agree; $MESH_DESK_HOME overrides it for tests and portable use.

import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, win32, posix } from 'node:path';
import { UserFacingError } from '../../core/result';

/** Folder name on Linux (lower case, like other XDG apps) and on macOS / Windows. */
const LINUX_DIR = 'mesh-desk';
const DESKTOP_DIR = 'Mesh Desk';

/**
 * The platform's usual app-data folder for Mesh Desk, without touching the disk.
 * Exposed separately so every platform's rule can be tested on any machine.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    // %APPDATA% is the roaming profile folder; fall back to its usual place under the profile.
    const appData = env.APPDATA && win32.isAbsolute(env.APPDATA) ? env.APPDATA : win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, DESKTOP_DIR);
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', DESKTOP_DIR);
  }
  // Linux and other Unix: the XDG spec says a relative $XDG_CONFIG_HOME must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
  return posix.join(base, LINUX_DIR);
}

/**
 * The data folder: $MESH_DESK_HOME when set (made absolute), else the platform default.
 * The folder is created when missing; a clear error says what to do when that is impossible.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.MESH_DESK_HOME?.trim();
  const dir = override ? (isAbsolute(override) ? override : resolve(override)) : defaultDataDir(env, platform);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UserFacingError(
      'app.data-dir',
      `Mesh Desk could not create its data folder "${dir}" (${detail}). ` +
        (override
          ? 'Check the MESH_DESK_HOME setting points to a folder you can write to.'
          : 'Check that your user account can write to that place, or set MESH_DESK_HOME to another folder.'),
    );
  }
  return dir;
}

/** Sub-folders of the data folder, named once. */
export const uploadsDir = (dataDir: string): string => join(dataDir, 'uploads');
