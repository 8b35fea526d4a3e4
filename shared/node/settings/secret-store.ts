// Node only.
// Where a mesh's access keys are kept. The desktop app keeps them encrypted with the operating
// system's keychain (Electron safeStorage, electron/key-vault.ts); browser mode has no keychain,
// so keys there live in memory only and are gone when Mesh Desk closes. Keys never go back to
// the page and are never written in plain text.

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SecretStore {
  /** True when keys survive a restart (an OS keychain is used). */
  readonly persistent: boolean;
  /**
   * Set when keys must not be stored at all (the desktop app found no safe OS keychain): why, and
   * how to sign in with an AWS profile instead. set() is then never called.
   */
  readonly refusal?: string;
  get(meshId: string): Promise<AccessKeys | undefined>;
  set(meshId: string, keys: AccessKeys): Promise<void>;
  delete(meshId: string): Promise<void>;
  has(meshId: string): Promise<boolean>;
}

export function memorySecretStore(): SecretStore {
  const keys = new Map<string, AccessKeys>();
  return {
    persistent: false,
    get: async (id) => keys.get(id),
    set: async (id, k) => void keys.set(id, { ...k }),
    delete: async (id) => void keys.delete(id),
    has: async (id) => keys.has(id),
  };
}
