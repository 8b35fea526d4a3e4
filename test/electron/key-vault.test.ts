// Node only (tests). The key vault with a fake safeStorage: only encrypted bytes reach the disk,
// keys survive a restart, and without an OS keychain nothing is written at all.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyVault, keychainUsable, KEYS_REFUSED_MESSAGE, type Encryptor } from '../../electron/key-vault';
import { MeshSettingsStore } from '../../shared/node/settings/mesh-settings';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function freshDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'mesh-desk-vault-'));
  roots.push(root);
  return join(root, 'data');
}

/**
 * Stands in for Electron's safeStorage: a keyed XOR stream behind a header, so the bytes differ
 * from the plain text at every position, and bytes it did not make are refused (as safeStorage
 * refuses data encrypted under another key).
 */
function fakeEncryptor(available = true, key = 0x5a): Encryptor & { encrypted: number; decrypted: number } {
  const header = Buffer.from('FAKE-OS-CRYPT1');
  const mask = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ ((key + i * 31) & 0xff)));
  return {
    encrypted: 0,
    decrypted: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      if (!available) throw new Error('Encryption is not available.');
      this.encrypted++;
      return Buffer.concat([header, mask(Buffer.from(plain, 'utf8'))]);
    },
    decryptString(encrypted) {
      if (!available) throw new Error('Encryption is not available.');
      this.decrypted++;
      if (!encrypted.subarray(0, header.length).equals(header)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return mask(encrypted.subarray(header.length)).toString('utf8');
    },
  };
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const KEYS = { accessKeyId: KEY_ID, secretAccessKey: SECRET };

/** Every file under dir (recursive), with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, bytes: readFileSync(path) };
    });
}

function expectNoSecretOnDisk(dir: string, secrets: string[]): void {
  for (const f of filesUnder(dir)) {
    for (const s of secrets) {
      for (const form of [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le'), Buffer.from(Buffer.from(s).toString('base64'))]) {
        expect(f.bytes.includes(form), `${f.path} holds "${s}"`).toBe(false);
      }
    }
  }
}

describe('createKeyVault with an OS keychain', () => {
  it('writes only encrypted bytes, readable only by the owner, with no temp file left', async () => {
    const dataDir = freshDir();
    const crypto = fakeEncryptor();
    const vault = createKeyVault(dataDir, crypto);
    expect(vault.persistent).toBe(true);
    expect(await vault.has('m1')).toBe(false);
    await vault.set('m1', KEYS);
    expect(crypto.encrypted).toBe(1);
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.path)).toEqual([join(dataDir, 'mesh-keys.bin')]);
    expectNoSecretOnDisk(dataDir, [SECRET, KEY_ID]);
    // It is the encryptor's output, not something else that merely hides the secret.
    expect(JSON.parse(crypto.decryptString(files[0]!.bytes))).toEqual({ m1: KEYS });
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'mesh-keys.bin')).mode & 0o777).toBe(0o600);
    expect(await vault.get('m1')).toEqual(KEYS);
    expect(await vault.has('m1')).toBe(true);
  });

  it('keeps keys across a restart (a new vault over the same folder)', async () => {
    const dataDir = freshDir();
    const first = createKeyVault(dataDir, fakeEncryptor());
    await first.set('m1', KEYS);
    await first.set('m2', { accessKeyId: 'AKIASECOND', secretAccessKey: 'second-secret' });
    const again = createKeyVault(dataDir, fakeEncryptor());
    expect(again.persistent).toBe(true);
    expect(await again.get('m1')).toEqual(KEYS);
    expect(await again.get('m2')).toEqual({ accessKeyId: 'AKIASECOND', secretAccessKey: 'second-secret' });
    expectNoSecretOnDisk(dataDir, [SECRET, KEY_ID, 'second-secret']);
  });

  it('replaces and deletes one mesh\'s keys, leaving the others', async () => {
    const dataDir = freshDir();
    const vault = createKeyVault(dataDir, fakeEncryptor());
    await vault.set('m1', KEYS);
    await vault.set('m2', { accessKeyId: 'A2', secretAccessKey: 'S2' });
    await vault.set('m1', { accessKeyId: 'A1-new', secretAccessKey: 'S1-new' });
    await vault.delete('m2');
    const again = createKeyVault(dataDir, fakeEncryptor());
    expect(await again.get('m1')).toEqual({ accessKeyId: 'A1-new', secretAccessKey: 'S1-new' });
    expect(await again.has('m2')).toBe(false);
    expect(await again.get('m2')).toBeUndefined();
    expectNoSecretOnDisk(dataDir, [SECRET, KEY_ID]);
  });

  it('does not rewrite the file to delete keys it does not have', async () => {
    const dataDir = freshDir();
    const crypto = fakeEncryptor();
    const vault = createKeyVault(dataDir, crypto);
    await vault.delete('nothing-here');
    expect(existsSync(dataDir)).toBe(false);
    await vault.set('m1', KEYS);
    await vault.delete('other');
    expect(crypto.encrypted).toBe(1);
  });

  it('stores only the two key fields it was given', async () => {
    const dataDir = freshDir();
    const crypto = fakeEncryptor();
    const vault = createKeyVault(dataDir, crypto);
    await vault.set('m1', { ...KEYS, extra: 'not a key' } as typeof KEYS);
    expect(JSON.parse(crypto.decryptString(readFileSync(join(dataDir, 'mesh-keys.bin'))))).toEqual({ m1: KEYS });
  });

  it('answers "no keys" (no crash) for a damaged or foreign file, and can save again', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'mesh-keys.bin'), 'not encrypted by this keychain');
    const vault = createKeyVault(dataDir, fakeEncryptor());
    expect(await vault.get('m1')).toBeUndefined();
    expect(await vault.has('m1')).toBe(false);
    await vault.set('m1', KEYS);
    expect(await createKeyVault(dataDir, fakeEncryptor()).get('m1')).toEqual(KEYS);
    // Bytes from another keychain (another user or machine) are refused the same way.
    expect(await createKeyVault(dataDir, fakeEncryptor(true, 0x11)).get('m1')).toBeUndefined();
  });

  it('keeps the owner\'s keys out of the data folder when used by the mesh settings', async () => {
    const dataDir = freshDir();
    const vault = createKeyVault(dataDir, fakeEncryptor());
    const settings = new MeshSettingsStore(dataDir, vault, join(dataDir, 'mesh'));
    const saved = await settings.save({ name: 'Finance', url: 's3://acme-mesh/finance', ...KEYS });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.keysPersist).toBe(true);
    expect(saved.value.meshes[1]!.hasSavedKeys).toBe(true);
    expect(JSON.stringify(saved.value)).not.toContain(SECRET);
    expectNoSecretOnDisk(dataDir, [SECRET, KEY_ID]);
    // After a restart the mesh still connects with the saved keys.
    const restarted = new MeshSettingsStore(dataDir, createKeyVault(dataDir, fakeEncryptor()), join(dataDir, 'mesh'));
    const conn = await restarted.connection();
    expect(conn.ok && conn.value.options.credentials).toEqual(KEYS);
  });
});

describe('createKeyVault without a safe OS keychain', () => {
  it('refuses to keep keys, writes nothing, and says how to use a profile instead', async () => {
    const dataDir = freshDir();
    const crypto = fakeEncryptor(false);
    const vault = createKeyVault(dataDir, crypto);
    expect(vault.persistent).toBe(false);
    expect(vault.refusal).toBe(KEYS_REFUSED_MESSAGE);
    await expect(vault.set('m1', KEYS)).rejects.toThrow(/AWS profile/);
    expect(await vault.get('m1')).toBeUndefined();
    expect(await vault.has('m1')).toBe(false);
    expect(crypto.encrypted).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('mesh settings refuse keys in words but still save a mesh that signs in with a profile', async () => {
    const dataDir = freshDir();
    const settings = new MeshSettingsStore(dataDir, createKeyVault(dataDir, fakeEncryptor(false)), join(dataDir, 'mesh'));
    const refused = await settings.save({ name: 'Finance', url: 's3://acme-mesh/finance', ...KEYS });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('mesh.keys-refused');
    expect(!refused.ok && refused.error.message).toMatch(/no secure password store.*profile/s);
    expect(!refused.ok && refused.error.message).not.toContain(SECRET);
    const saved = await settings.save({ name: 'Finance', url: 's3://acme-mesh/finance', profile: 'finance' });
    expect(saved.ok && saved.value.keysPersist).toBe(false);
    expect(saved.ok && saved.value.keysRefused).toBe(KEYS_REFUSED_MESSAGE);
    expect(saved.ok && saved.value.meshes.find((m) => m.name === 'Finance')?.profile).toBe('finance');
    expectNoSecretOnDisk(dataDir, [SECRET, KEY_ID]);
  });

  it('treats Linux\'s basic_text backend (a fixed password, no keychain) as no keychain', async () => {
    const basic = Object.assign(fakeEncryptor(true), { getSelectedStorageBackend: () => 'basic_text' });
    expect(keychainUsable(basic, 'linux')).toBe(false);
    expect(createKeyVault(freshDir(), basic, 'linux').refusal).toBe(KEYS_REFUSED_MESSAGE);
    const gnome = Object.assign(fakeEncryptor(true), { getSelectedStorageBackend: () => 'gnome_libsecret' });
    expect(keychainUsable(gnome, 'linux')).toBe(true);
    expect(createKeyVault(freshDir(), gnome, 'linux').persistent).toBe(true);
    // The backend question only exists on Linux.
    expect(keychainUsable(basic, 'darwin')).toBe(true);
  });
});

async function mutateAndReread(available: boolean) {
  const vault = createKeyVault(freshDir(), fakeEncryptor(available));
  const given = { ...KEYS };
  await vault.set('m1', given);
  given.secretAccessKey = 'changed by the caller';
  const got = await vault.get('m1');
  got!.secretAccessKey = 'changed after get';
  return vault.get('m1');
}

describe('createKeyVault: what callers hold', () => {
  it('with a keychain, changing a given or returned object changes nothing stored', async () => {
    expect(await mutateAndReread(true)).toEqual(KEYS);
  });

  // Saves are read-modify-writes of one file: they must run in turn, or one mesh's keys are lost.
  it('keeps the keys of two meshes saved at the same time', async () => {
    const dataDir = freshDir();
    const vault = createKeyVault(dataDir, fakeEncryptor());
    await Promise.all([vault.set('m1', KEYS), vault.set('m2', { accessKeyId: 'A2', secretAccessKey: 'S2' })]);
    const again = createKeyVault(dataDir, fakeEncryptor());
    expect(await again.get('m1')).toEqual(KEYS);
    expect(await again.get('m2')).toEqual({ accessKeyId: 'A2', secretAccessKey: 'S2' });
  });
});
