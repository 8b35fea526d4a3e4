// Electron main only.
// Mesh access keys kept with the operating system's keychain: Electron safeStorage encrypts them
// (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and only the encrypted bytes
// are written to the data folder. Where no keychain is available, keys are refused for saving
// (kept for this session only) rather than written in plain text.

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccessKeys, SecretStore } from '../shared/node/settings/secret-store';
import { serialQueue } from '../shared/node/settings/serial';

/** The part of Electron's safeStorage we use (injected, so the vault is testable without Electron). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function createKeyVault(dataDir: string, crypto: Encryptor): SecretStore {
  const file = join(dataDir, 'mesh-keys.bin');
  const session = new Map<string, AccessKeys>();
  const persistent = crypto.isEncryptionAvailable();
  // Every read-modify-write runs in turn, so two meshes saved at once both keep their keys.
  const serial = serialQueue();

  async function readAll(): Promise<Record<string, AccessKeys>> {
    if (!persistent) return Object.fromEntries([...session].map(([k, v]) => [k, { ...v }]));
    try {
      const parsed = JSON.parse(crypto.decryptString(await readFile(file))) as Record<string, AccessKeys>;
      return typeof parsed === 'object' && parsed !== null ? parsed : {};
    } catch {
      return {};
    }
  }

  async function writeAll(all: Record<string, AccessKeys>): Promise<void> {
    if (!persistent) {
      session.clear();
      for (const [k, v] of Object.entries(all)) session.set(k, v);
      return;
    }
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, crypto.encryptString(JSON.stringify(all)), { mode: 0o600 });
    await rename(tmp, file);
  }

  return {
    persistent,
    async get(id) {
      const all = await readAll();
      return Object.hasOwn(all, id) ? { ...all[id]! } : undefined;
    },
    set: (id, keys) =>
      serial(async () => {
        const all = await readAll();
        all[id] = { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
        await writeAll(all);
      }),
    delete: (id) =>
      serial(async () => {
        const all = await readAll();
        if (!Object.hasOwn(all, id)) return;
        delete all[id];
        await writeAll(all);
      }),
    async has(id) {
      return Object.hasOwn(await readAll(), id);
    },
  };
}
