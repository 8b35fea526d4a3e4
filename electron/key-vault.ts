// Electron main only.
// Mesh access keys kept with the operating system's keychain: Electron safeStorage encrypts them
// (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and only the encrypted bytes
// are written to the data folder. Where no keychain is available — or Linux falls back to its
// "basic_text" backend, which only obscures the keys with a fixed password — keys are refused
// outright and the owner is told how to use an AWS profile instead.

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
  /** Linux only (Electron ≥ 22): which keychain backs safeStorage; "basic_text" is no keychain at all. */
  getSelectedStorageBackend?(): string;
}

/** What the Settings screen says when keys cannot be kept safely on this computer. */
export const KEYS_REFUSED_MESSAGE =
  'This computer has no secure password store that Mesh Desk can use (on Linux: GNOME Keyring or KWallet), so Mesh Desk will not store access keys. ' +
  'Use an AWS profile instead: put the keys in the AWS credentials file (~/.aws/credentials) under a profile name such as [finance], then choose "Use my AWS profile or environment" and enter that name.';

/** False when safeStorage would not really protect the keys. */
export function keychainUsable(crypto: Encryptor, platform: NodeJS.Platform = process.platform): boolean {
  if (!crypto.isEncryptionAvailable()) return false;
  if (platform === 'linux' && crypto.getSelectedStorageBackend) {
    const backend = crypto.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return false;
  }
  return true;
}

export function createKeyVault(dataDir: string, crypto: Encryptor, platform: NodeJS.Platform = process.platform): SecretStore {
  const file = join(dataDir, 'mesh-keys.bin');
  const persistent = keychainUsable(crypto, platform);
  // Every read-modify-write runs in turn, so two meshes saved at once both keep their keys.
  const serial = serialQueue();

  async function readAll(): Promise<Record<string, AccessKeys>> {
    if (!persistent) return {};
    try {
      const parsed = JSON.parse(crypto.decryptString(await readFile(file))) as Record<string, AccessKeys>;
      return typeof parsed === 'object' && parsed !== null ? parsed : {};
    } catch {
      return {};
    }
  }

  async function writeAll(all: Record<string, AccessKeys>): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, crypto.encryptString(JSON.stringify(all)), { mode: 0o600 });
    await rename(tmp, file);
  }

  return {
    persistent,
    ...(persistent ? {} : { refusal: KEYS_REFUSED_MESSAGE }),
    async get(id) {
      const all = await readAll();
      return Object.hasOwn(all, id) ? { ...all[id]! } : undefined;
    },
    set: (id, keys) =>
      serial(async () => {
        // Never reached through the settings store (it refuses first); a last line of defence.
        if (!persistent) throw new Error(KEYS_REFUSED_MESSAGE);
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
