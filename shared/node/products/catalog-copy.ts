// Node only.
// Where the last catalog read from a mesh is kept (<dataDir>/catalog-cache/<mesh id>.json), so
// the Catalog screen works offline and a queued publish knows the version its owner last saw.
// One definition of the name, so the writer and the readers cannot drift apart.

import { join } from 'node:path';

/** The offline copy of a saved mesh's catalog (the id made safe as a file name). */
export function catalogCopyPath(dataDir: string, meshId: string): string {
  return join(dataDir, 'catalog-cache', `${meshId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}
