// Node only (tests). The owner's meshes in settings.json: the built-in folder mesh made on first
// start, adding / changing / removing / choosing meshes, and keys that stay in the SecretStore.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MeshSettings } from '../../../shared/core/api/publish-types';
import type { Result } from '../../../shared/core/result';
import { BUILT_IN_ID, defaultMeshFolder, MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore, type SecretStore } from '../../../shared/node/settings/secret-store';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function fresh(): { dataDir: string; meshDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'mesh-desk-settings-'));
  roots.push(root);
  return { dataDir: join(root, 'data'), meshDir: join(root, 'my mesh') };
}

function setup(secrets: SecretStore = memorySecretStore()) {
  const dirs = fresh();
  return { ...dirs, secrets, store: new MeshSettingsStore(dirs.dataDir, secrets, dirs.meshDir), settingsFile: join(dirs.dataDir, 'settings.json') };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function errorOf<T>(r: Result<T>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const s3Input = { name: 'Finance mesh', url: 's3://acme-mesh/finance?region=eu-central-1', accessKeyId: KEY_ID, secretAccessKey: SECRET };
const only = (s: MeshSettings, id: string) => s.meshes.find((m) => m.id === id)!;

describe('MeshSettingsStore: first start', () => {
  it('creates the folder mesh and settings.json, and makes it the active mesh', async () => {
    const { store, meshDir, settingsFile } = setup();
    expect(existsSync(settingsFile)).toBe(false);
    const view = await store.view();
    expect(view).toEqual({
      meshes: [{ id: BUILT_IN_ID, name: 'This computer', url: pathToFileURL(meshDir).href, kind: 'file', hasSavedKeys: false, builtIn: true }],
      activeMeshId: BUILT_IN_ID,
      keysPersist: false,
    });
    expect(statSync(meshDir).isDirectory()).toBe(true);
    const onDisk = JSON.parse(readFileSync(settingsFile, 'utf8'));
    expect(onDisk).toMatchObject({ format: 1, activeMeshId: BUILT_IN_ID, meshes: [{ id: BUILT_IN_ID, builtIn: true }] });
    // No temp file is left beside settings.json.
    expect(readdirSync(join(settingsFile, '..'))).toEqual(['settings.json']);
  });

  it('the folder mesh connection is a file:// address the mesh URL parser accepts (spaces escaped)', async () => {
    const { store, meshDir } = setup();
    const conn = value(await store.connection());
    expect(conn.url).toBe(pathToFileURL(meshDir).href);
    expect(conn.url).toContain('my%20mesh');
    expect(conn.options).toEqual({});
  });

  it('keeps settings across a restart (a new store over the same data folder)', async () => {
    const { store, dataDir, meshDir, secrets } = setup();
    const added = value(await store.save({ name: 'Finance', url: 's3://acme-mesh/finance' }));
    const id = added.activeMeshId;
    const again = new MeshSettingsStore(dataDir, secrets, meshDir);
    const view = await again.view();
    expect(view.activeMeshId).toBe(id);
    expect(view.meshes.map((m) => m.name)).toEqual(['This computer', 'Finance']);
  });

  it('starts again from the folder mesh when settings.json is damaged', async () => {
    const { dataDir, meshDir, settingsFile } = setup();
    mkdirSync(dataDir, { recursive: true });
    for (const damaged of ['{ not json', '[]', 'null', JSON.stringify({ format: 2, meshes: [], activeMeshId: 'x' })]) {
      writeFileSync(settingsFile, damaged);
      const view = await new MeshSettingsStore(dataDir, memorySecretStore(), meshDir).view();
      expect(view.meshes.map((m) => m.id)).toEqual([BUILT_IN_ID]);
      expect(view.activeMeshId).toBe(BUILT_IN_ID);
      expect(JSON.parse(readFileSync(settingsFile, 'utf8')).format).toBe(1);
    }
  });

  it('puts the folder mesh back when a hand-edited file lost it, keeping the other meshes', async () => {
    const { dataDir, meshDir, settingsFile } = setup();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ format: 1, activeMeshId: 'abc', meshes: [{ id: 'abc', name: 'Team', url: 's3://team-mesh/x' }, { id: 7, name: 'broken' }, null] }));
    const view = await new MeshSettingsStore(dataDir, memorySecretStore(), meshDir).view();
    expect(view.meshes.map((m) => [m.id, m.kind, m.builtIn])).toEqual([[BUILT_IN_ID, 'file', true], ['abc', 's3', false]]);
    expect(view.activeMeshId).toBe('abc');
  });

  it('chooses the first mesh when the active one named in the file does not exist', async () => {
    const { dataDir, meshDir, settingsFile } = setup();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ format: 1, activeMeshId: 'gone', meshes: [{ id: BUILT_IN_ID, name: 'This computer', url: pathToFileURL(meshDir).href, builtIn: true }] }));
    expect((await new MeshSettingsStore(dataDir, memorySecretStore(), meshDir).view()).activeMeshId).toBe(BUILT_IN_ID);
  });
});

describe('MeshSettingsStore: adding and changing meshes', () => {
  it('adds an S3 mesh with keys: it becomes active, keys go to the secret store only', async () => {
    const { store, secrets, settingsFile } = setup();
    const view = value(await store.save(s3Input));
    const mesh = view.meshes.find((m) => !m.builtIn)!;
    expect(mesh).toEqual({ id: mesh.id, name: 'Finance mesh', url: s3Input.url, kind: 's3', hasSavedKeys: true, builtIn: false });
    expect(mesh.id).toMatch(/^[0-9a-f]{16}$/);
    expect(view.activeMeshId).toBe(mesh.id);
    expect(await secrets.get(mesh.id)).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    const text = readFileSync(settingsFile, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY_ID);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain(KEY_ID);
    // The connection carries the keys to the store.
    expect(value(await store.connection(mesh.id))).toEqual({ url: s3Input.url, name: 'Finance mesh', options: { credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } } });
    expect(value(await store.connection())).toMatchObject({ url: s3Input.url });
  });

  it('adds an S3 mesh with an AWS profile and no keys', async () => {
    const { store } = setup();
    const view = value(await store.save({ name: '  Team  ', url: ' s3://team-mesh ', profile: ' finance ' }));
    const mesh = view.meshes[1]!;
    expect(mesh).toMatchObject({ name: 'Team', url: 's3://team-mesh', profile: 'finance', hasSavedKeys: false });
    expect(value(await store.connection(mesh.id)).options).toEqual({ profile: 'finance' });
  });

  it('refuses keys or a profile for a folder mesh, and half a key pair, in words', async () => {
    const { store, meshDir, settingsFile } = setup();
    const before = (await store.view(), readFileSync(settingsFile, 'utf8'));
    const folder = pathToFileURL(join(meshDir, '..', 'other')).href;
    for (const input of [
      { name: 'F', url: folder, accessKeyId: KEY_ID, secretAccessKey: SECRET },
      { name: 'F', url: folder, secretAccessKey: SECRET },
      { name: 'F', url: folder, profile: 'default' },
    ]) {
      const e = errorOf(await store.save(input));
      expect(e.code).toBe('mesh.keys-for-folder');
      expect(e.message).toMatch(/folder mesh needs no access keys/);
    }
    for (const input of [
      { name: 'S', url: 's3://acme-mesh', accessKeyId: KEY_ID },
      { name: 'S', url: 's3://acme-mesh', secretAccessKey: SECRET },
      { name: 'S', url: 's3://acme-mesh', accessKeyId: KEY_ID, secretAccessKey: '' },
    ]) {
      const e = errorOf(await store.save(input));
      expect(e.code).toBe('mesh.half-keys');
      expect(e.message).toMatch(/both the access key ID and the secret access key/);
      expect(e.message).not.toContain(SECRET);
    }
    expect(errorOf(await store.save({ name: 'X', url: 'https://example.com' })).code).toBe('mesh.bad-url');
    expect(errorOf(await store.save({ name: 'X', url: `s3://acme-mesh?secret=${SECRET}` })).message).not.toContain(SECRET);
    // Nothing refused was stored.
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    expect((await store.view()).meshes).toHaveLength(1);
  });

  it('changes a saved mesh in place; saved keys stay unless new ones are typed or forgetKeys is set', async () => {
    const { store, secrets } = setup();
    const id = value(await store.save(s3Input)).activeMeshId;
    value(await store.use(BUILT_IN_ID));
    let view = value(await store.save({ id, name: 'Finance (EU)', url: 's3://acme-mesh/finance-eu' }));
    expect(view.meshes).toHaveLength(2);
    expect(only(view, id)).toMatchObject({ name: 'Finance (EU)', url: 's3://acme-mesh/finance-eu', hasSavedKeys: true });
    // Changing a mesh does not make it the active one.
    expect(view.activeMeshId).toBe(BUILT_IN_ID);
    expect(await secrets.get(id)).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });

    view = value(await store.save({ id, name: 'Finance (EU)', url: 's3://acme-mesh/finance-eu', accessKeyId: ' AKIANEWKEY ', secretAccessKey: 'new-secret' }));
    expect(await secrets.get(id)).toEqual({ accessKeyId: 'AKIANEWKEY', secretAccessKey: 'new-secret' });

    view = value(await store.save({ id, name: 'Finance (EU)', url: 's3://acme-mesh/finance-eu', forgetKeys: true }));
    expect(only(view, id).hasSavedKeys).toBe(false);
    expect(await secrets.has(id)).toBe(false);
    expect(value(await store.connection(id)).options).toEqual({});
  });

  it('refuses to change a mesh that is no longer there', async () => {
    const { store } = setup();
    const e = errorOf(await store.save({ id: 'deadbeefdeadbeef', name: 'X', url: 's3://acme-mesh' }));
    expect(e.code).toBe('mesh.unknown');
    expect((await store.view()).meshes).toHaveLength(1);
  });

  it('lets the owner rename the folder mesh but not move it', async () => {
    const { store, meshDir } = setup();
    const url = pathToFileURL(meshDir).href;
    const renamed = value(await store.save({ id: BUILT_IN_ID, name: 'My laptop', url }));
    expect(renamed.meshes).toEqual([expect.objectContaining({ id: BUILT_IN_ID, name: 'My laptop', url, builtIn: true })]);
    const e = errorOf(await store.save({ id: BUILT_IN_ID, name: 'My laptop', url: pathToFileURL(join(meshDir, 'elsewhere')).href }));
    expect(e.code).toBe('mesh.built-in');
    expect(e.message).toMatch(/cannot be moved/);
    expect(errorOf(await store.save({ id: BUILT_IN_ID, name: 'S3', url: 's3://acme-mesh' })).code).toBe('mesh.built-in');
    expect(only(await store.view(), BUILT_IN_ID).url).toBe(url);
  });
});

describe('MeshSettingsStore: choosing and removing', () => {
  it('uses a saved mesh, and refuses an unknown one in words', async () => {
    const { store } = setup();
    const id = value(await store.save({ name: 'A', url: 's3://mesh-a' })).activeMeshId;
    expect(value(await store.use(BUILT_IN_ID)).activeMeshId).toBe(BUILT_IN_ID);
    expect(value(await store.connection()).url).toMatch(/^file:/);
    expect(value(await store.use(id)).activeMeshId).toBe(id);
    const e = errorOf(await store.use('nope'));
    expect(e).toMatchObject({ code: 'mesh.unknown' });
    expect(e.message).toMatch(/no longer in your settings/);
    expect((await store.view()).activeMeshId).toBe(id);
    expect(errorOf(await store.connection('nope')).code).toBe('mesh.unknown');
  });

  it('removes a mesh with its keys; the folder mesh becomes active again', async () => {
    const { store, secrets, settingsFile } = setup();
    const id = value(await store.save(s3Input)).activeMeshId;
    const view = value(await store.remove(id));
    expect(view.meshes.map((m) => m.id)).toEqual([BUILT_IN_ID]);
    expect(view.activeMeshId).toBe(BUILT_IN_ID);
    expect(await secrets.has(id)).toBe(false);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8')).meshes).toHaveLength(1);
    // Removing it again is harmless.
    expect(value(await store.remove(id)).meshes).toHaveLength(1);
  });

  it('removing a mesh that is not active leaves the active one alone', async () => {
    const { store } = setup();
    const a = value(await store.save({ name: 'A', url: 's3://mesh-a' })).activeMeshId;
    const b = value(await store.save({ name: 'B', url: 's3://mesh-b' })).activeMeshId;
    expect(value(await store.remove(a)).activeMeshId).toBe(b);
  });

  it('refuses to remove the folder mesh', async () => {
    const { store, meshDir } = setup();
    const e = errorOf(await store.remove(BUILT_IN_ID));
    expect(e.code).toBe('mesh.built-in');
    expect(e.message).toMatch(/cannot be removed/);
    expect((await store.view()).meshes.map((m) => m.id)).toEqual([BUILT_IN_ID]);
    expect(existsSync(meshDir)).toBe(true);
  });

  it('saves one after another: every saved mesh is on disk', async () => {
    const { store, dataDir, meshDir, secrets } = setup();
    for (const name of ['A', 'B', 'C']) value(await store.save({ name, url: `s3://mesh-${name.toLowerCase()}` }));
    const reread = await new MeshSettingsStore(dataDir, secrets, meshDir).view();
    expect(reread.meshes.map((m) => m.name)).toEqual(['This computer', 'A', 'B', 'C']);
  });
});

// Two calls at once (Settings and Publish load together; two meshes saved together) must
// neither throw nor lose a change: the store runs its read-modify-writes in turn.
describe('MeshSettingsStore: calls at the same time ', () => {
  it('answers two settings reads at first start (Settings and Publish both load at once)', async () => {
    const { store } = setup();
    const [a, b] = await Promise.all([store.view(), store.view()]);
    expect(a.meshes).toHaveLength(1);
    expect(b.meshes).toHaveLength(1);
  });

  it('keeps both meshes when two are added at the same time', async () => {
    const { store, dataDir, meshDir, secrets } = setup();
    await store.view();
    const results = await Promise.all([store.save({ name: 'A', url: 's3://mesh-a' }), store.save({ name: 'B', url: 's3://mesh-b' })]);
    for (const r of results) expect(r.ok).toBe(true);
    const reread = await new MeshSettingsStore(dataDir, secrets, meshDir).view();
    expect(reread.meshes.map((m) => m.name).sort()).toEqual(['A', 'B', 'This computer']);
  });
});

describe('MeshSettingsStore: draft connections (Test connection before Save)', () => {
  it('uses the keys typed in the form, without saving anything', async () => {
    const { store, secrets, settingsFile } = setup();
    await store.view();
    const before = readFileSync(settingsFile, 'utf8');
    const conn = value(await store.draftConnection({ name: 'Try', url: ' s3://acme-mesh/x ', accessKeyId: ` ${KEY_ID} `, secretAccessKey: SECRET, profile: ' p ' }));
    expect(conn).toEqual({ url: 's3://acme-mesh/x', name: 'Try', options: { credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, profile: 'p' } });
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    expect((await store.view()).meshes).toHaveLength(1);
    expect(await secrets.has('x')).toBe(false);
  });

  it('falls back to the saved keys of the mesh being edited, unless they are to be forgotten', async () => {
    const { store } = setup();
    const id = value(await store.save(s3Input)).activeMeshId;
    expect(value(await store.draftConnection({ id, name: 'F', url: 's3://acme-mesh/other' })).options).toEqual({ credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET } });
    expect(value(await store.draftConnection({ id, name: 'F', url: 's3://acme-mesh/other', forgetKeys: true })).options).toEqual({});
    expect(value(await store.draftConnection({ id, name: 'F', url: 's3://acme-mesh', accessKeyId: 'K2', secretAccessKey: 'S2' })).options).toEqual({ credentials: { accessKeyId: 'K2', secretAccessKey: 'S2' } });
  });

  it('refuses the same inputs as save', async () => {
    const { store, meshDir } = setup();
    expect(errorOf(await store.draftConnection({ name: 'F', url: pathToFileURL(meshDir).href, accessKeyId: 'K', secretAccessKey: 'S' })).code).toBe('mesh.keys-for-folder');
    expect(errorOf(await store.draftConnection({ name: 'F', url: 's3://acme-mesh', accessKeyId: 'K' })).code).toBe('mesh.half-keys');
    expect(errorOf(await store.draftConnection({ name: 'F', url: '' })).code).toBe('mesh.bad-url');
  });
});

describe('defaultMeshFolder', () => {
  it('prefers $MESH_DESK_MESH, then the data folder under $MESH_DESK_HOME, then Documents', () => {
    expect(defaultMeshFolder('/data', { MESH_DESK_MESH: '/somewhere/mesh', MESH_DESK_HOME: '/h' })).toBe('/somewhere/mesh');
    expect(defaultMeshFolder('/data', { MESH_DESK_HOME: '/h' })).toBe(join('/data', 'mesh'));
    expect(defaultMeshFolder('/data', {})).toMatch(/Documents[\\/]Mesh Desk$/);
  });
});
