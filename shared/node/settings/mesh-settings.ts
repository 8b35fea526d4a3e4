// Node only.
// The meshes the owner has set up (settings.json in the data folder) and which one Publish
// uses. On first start a folder mesh is created in the owner's documents, so publishing works
// without any account. Keys are kept by a SecretStore, never in settings.json.

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MeshConfig, MeshInput, MeshSettings } from '../../core/api/publish-types';
import { parseMeshUrl } from '../../core/mesh/mesh-url';
import { fail, ok, type Result } from '../../core/result';
import type { S3StoreOptions } from '../mesh/s3-store';
import type { SecretStore } from './secret-store';
import { serialQueue } from './serial';

interface StoredMesh {
  id: string;
  name: string;
  url: string;
  profile?: string;
  builtIn?: boolean;
}

interface StoredSettings {
  format: 1;
  meshes: StoredMesh[];
  activeMeshId: string;
}

export const BUILT_IN_ID = 'this-computer';

/** The default folder mesh: $MESH_DESK_MESH, else inside $MESH_DESK_HOME (tests), else ~/Documents/Mesh Desk. */
export function defaultMeshFolder(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.MESH_DESK_MESH) return env.MESH_DESK_MESH;
  if (env.MESH_DESK_HOME) return join(dataDir, 'mesh');
  return join(homedir(), 'Documents', 'Mesh Desk');
}

export interface MeshConnectionInfo {
  url: string;
  options: S3StoreOptions;
  name: string;
}

export class MeshSettingsStore {
  private readonly file: string;
  private loading: Promise<StoredSettings> | undefined;
  /** Every read-modify-write runs in turn: two calls at once must not lose each other's change. */
  private readonly serial = serialQueue();

  constructor(private readonly dataDir: string, private readonly secrets: SecretStore, private readonly meshFolder = defaultMeshFolder(dataDir)) {
    this.file = join(dataDir, 'settings.json');
  }

  private load(): Promise<StoredSettings> {
    // First start creates the built-in mesh once, however many calls arrive together.
    this.loading ??= this.readOrCreate().catch((e: unknown) => {
      this.loading = undefined;
      throw e;
    });
    return this.loading;
  }

  private async readOrCreate(): Promise<StoredSettings> {
    let stored: StoredSettings | undefined;
    try {
      const x = JSON.parse(await readFile(this.file, 'utf8')) as Partial<StoredSettings>;
      if (x.format === 1 && Array.isArray(x.meshes) && typeof x.activeMeshId === 'string') {
        stored = { format: 1, meshes: x.meshes.filter((m) => m && typeof m.id === 'string' && typeof m.url === 'string' && typeof m.name === 'string'), activeMeshId: x.activeMeshId };
      }
    } catch {
      /* first start, or a damaged file: start again from the built-in mesh */
    }
    if (!stored || !stored.meshes.some((m) => m.builtIn)) {
      await mkdir(this.meshFolder, { recursive: true });
      const builtIn: StoredMesh = { id: BUILT_IN_ID, name: 'This computer', url: pathToFileURL(this.meshFolder).href, builtIn: true };
      stored = { format: 1, meshes: [builtIn, ...(stored?.meshes ?? [])], activeMeshId: stored?.activeMeshId ?? BUILT_IN_ID };
      await this.write(stored);
    }
    if (!stored.meshes.some((m) => m.id === stored!.activeMeshId)) stored.activeMeshId = stored.meshes[0]!.id;
    return stored;
  }

  private async write(s: StoredSettings): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(s, null, 2)}\n`, 'utf8');
    await rename(tmp, this.file);
    this.loading = Promise.resolve(s);
  }

  async view(): Promise<MeshSettings> {
    const s = await this.load();
    const meshes: MeshConfig[] = [];
    for (const m of s.meshes) {
      const kind = m.url.startsWith('s3:') ? 's3' : 'file';
      meshes.push({ id: m.id, name: m.name, url: m.url, kind, ...(m.profile ? { profile: m.profile } : {}), hasSavedKeys: await this.secrets.has(m.id), builtIn: m.builtIn === true });
    }
    return { meshes, activeMeshId: s.activeMeshId, keysPersist: this.secrets.persistent, ...(this.secrets.refusal ? { keysRefused: this.secrets.refusal } : {}) };
  }

  save(input: MeshInput): Promise<Result<MeshSettings>> {
    return this.serial(() => this.saveNow(input));
  }

  private async saveNow(input: MeshInput): Promise<Result<MeshSettings>> {
    const checked = checkInput(input);
    if (!checked.ok) return checked;
    if (this.secrets.refusal && input.accessKeyId && input.secretAccessKey) return fail('mesh.keys-refused', this.secrets.refusal);
    const s = await this.load();
    const existing = input.id ? s.meshes.find((m) => m.id === input.id) : undefined;
    if (input.id && !existing) return fail('mesh.unknown', 'That mesh is no longer in your settings. Add it again.');
    if (existing?.builtIn && checked.value !== existing.url) return fail('mesh.built-in', 'The folder mesh on this computer cannot be moved. Add another mesh instead.');
    const id = existing?.id ?? randomUUID().replace(/-/g, '').slice(0, 16);
    const entry: StoredMesh = { id, name: input.name.trim() || 'Mesh', url: checked.value, ...(input.profile?.trim() ? { profile: input.profile.trim() } : {}), ...(existing?.builtIn ? { builtIn: true } : {}) };
    const meshes = existing ? s.meshes.map((m) => (m.id === id ? entry : m)) : [...s.meshes, entry];
    if (input.forgetKeys) await this.secrets.delete(id);
    if (input.accessKeyId && input.secretAccessKey) await this.secrets.set(id, { accessKeyId: input.accessKeyId.trim(), secretAccessKey: input.secretAccessKey });
    await this.write({ ...s, meshes, activeMeshId: existing ? s.activeMeshId : id });
    return ok(await this.view());
  }

  remove(id: string): Promise<Result<MeshSettings>> {
    return this.serial(() => this.removeNow(id));
  }

  private async removeNow(id: string): Promise<Result<MeshSettings>> {
    const s = await this.load();
    const m = s.meshes.find((x) => x.id === id);
    if (!m) return ok(await this.view());
    if (m.builtIn) return fail('mesh.built-in', 'The folder mesh on this computer cannot be removed; it is where Mesh Desk publishes when no other mesh is chosen.');
    await this.secrets.delete(id);
    const meshes = s.meshes.filter((x) => x.id !== id);
    await this.write({ ...s, meshes, activeMeshId: s.activeMeshId === id ? BUILT_IN_ID : s.activeMeshId });
    return ok(await this.view());
  }

  use(id: string): Promise<Result<MeshSettings>> {
    return this.serial(() => this.useNow(id));
  }

  private async useNow(id: string): Promise<Result<MeshSettings>> {
    const s = await this.load();
    if (!s.meshes.some((m) => m.id === id)) return fail('mesh.unknown', 'That mesh is no longer in your settings. Choose another one.');
    await this.write({ ...s, activeMeshId: id });
    return ok(await this.view());
  }

  /** How to reach a saved mesh (the active one by default), keys included. */
  async connection(id?: string): Promise<Result<MeshConnectionInfo>> {
    const s = await this.load();
    const m = s.meshes.find((x) => x.id === (id ?? s.activeMeshId));
    if (!m) return fail('mesh.unknown', 'That mesh is no longer in your settings. Choose another one in Settings.');
    const keys = await this.secrets.get(m.id);
    return ok({ url: m.url, name: m.name, options: { ...(keys ? { credentials: keys } : {}), ...(m.profile ? { profile: m.profile } : {}) } });
  }

  /** A mesh typed into the form but not saved yet ("Test connection" before "Save"). */
  async draftConnection(input: MeshInput): Promise<Result<MeshConnectionInfo>> {
    const checked = checkInput(input);
    if (!checked.ok) return checked;
    let keys = input.accessKeyId && input.secretAccessKey ? { accessKeyId: input.accessKeyId.trim(), secretAccessKey: input.secretAccessKey } : undefined;
    if (!keys && input.id && !input.forgetKeys) keys = await this.secrets.get(input.id);
    return ok({ url: checked.value, name: input.name, options: { ...(keys ? { credentials: keys } : {}), ...(input.profile?.trim() ? { profile: input.profile.trim() } : {}) } });
  }
}

function checkInput(input: MeshInput): Result<string> {
  const parsed = parseMeshUrl(input.url);
  if (!parsed.ok) return parsed;
  const hasKeys = Boolean(input.accessKeyId || input.secretAccessKey);
  if (parsed.value.kind === 'file' && (hasKeys || input.profile)) return fail('mesh.keys-for-folder', 'A folder mesh needs no access keys or AWS profile. Remove them, or choose Amazon S3 as the kind of mesh.');
  if (hasKeys && !(input.accessKeyId && input.secretAccessKey)) return fail('mesh.half-keys', 'Enter both the access key ID and the secret access key, or neither (to use your AWS profile or environment).');
  return ok(input.url.trim());
}
