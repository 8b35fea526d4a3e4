// Node only.
// Finds and reads the official ODCS / ODPS JSON Schemas the validators need. They are not part
// of the project's source (licence and provenance are kept in one place, ../shared/schemas), so
// the app looks for them: $MESH_DESK_SCHEMAS first, then ../shared/schemas beside the repository.

import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../../core/result';
import type { StandardSchemas } from '../../core/contract/standard-validators';

export const ODCS_FILE = 'odcs-json-schema-v3.1.0.json';
export const ODPS_FILE = 'odps-json-schema-v1.0.0.json';

export interface LoadSchemasOptions {
  /** Environment to read MESH_DESK_SCHEMAS from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Repository root; default: three folders above this file (shared/node/contract/). */
  repoRoot?: string;
}

/** Folders searched, in order. */
export function schemaFolders(options: LoadSchemasOptions = {}): string[] {
  const env = options.env ?? process.env;
  const repoRoot = options.repoRoot ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const folders: string[] = [];
  const fromEnv = env.MESH_DESK_SCHEMAS?.trim();
  if (fromEnv) folders.push(resolve(fromEnv));
  folders.push(join(repoRoot, '..', 'shared', 'schemas'));
  return folders;
}

async function readJson(path: string): Promise<object | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through to the error below: a damaged file must not count as found
  }
  throw new UserFacingError('schemas.damaged', `The standard description ${path} is not valid JSON. Replace it with the official file (see schemas/README.md).`);
}

export async function loadStandardSchemas(options: LoadSchemasOptions = {}): Promise<StandardSchemas> {
  const folders = schemaFolders(options);
  for (const folder of folders) {
    const odcs = await readJson(join(folder, ODCS_FILE));
    const odps = await readJson(join(folder, ODPS_FILE));
    if (odcs && odps) return { odcs, odps };
  }
  throw new UserFacingError(
    'schemas.missing',
    `Mesh Desk cannot check data contracts because the official schema files (${ODCS_FILE} and ${ODPS_FILE}) were not found. ` +
      `It looked in: ${folders.join(', ')}. Set MESH_DESK_SCHEMAS to the folder that holds them, or reinstall Mesh Desk.`,
  );
}
