// Node only.
// Files Mesh Desk made for the owner to take away (quality reports now, pulled products later).
// In the desktop app the owner picks the place in a save dialog; in browser mode the file is
// written under <dataDir>/exports/<id>/ and fetched once by the page through the loopback host.
// Ids are random; paths never reach the renderer. Old exports are cleaned at start.

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizeUploadName } from '../sources/upload-name';

export interface ExportEntry {
  id: string;
  name: string;
  path: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class ExportRegistry {
  private readonly entries = new Map<string, ExportEntry>();

  constructor(private readonly dataDir: string) {}

  get folder(): string {
    return join(this.dataDir, 'exports');
  }

  /** Reserves a place for a new file called `name`; the caller writes it there. */
  async reserve(name: string): Promise<ExportEntry> {
    const id = randomBytes(16).toString('base64url');
    const dir = join(this.folder, id);
    await mkdir(dir, { recursive: true });
    const entry = { id, name, path: join(dir, sanitizeUploadName(name)) };
    this.entries.set(id, entry);
    return entry;
  }

  get(id: string): ExportEntry | undefined {
    return this.entries.get(id);
  }

  /** Removes exports older than a day (they were handed to the browser long ago). */
  async cleanOld(now = Date.now()): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    await Promise.all(
      names.map(async (name) => {
        const dir = join(this.folder, name);
        const info = await stat(dir).catch(() => undefined);
        if (info && now - info.mtimeMs > DAY_MS) await rm(dir, { recursive: true, force: true });
      }),
    );
  }
}
