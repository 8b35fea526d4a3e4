// The mesh form's addresses: folders and S3 fields become URLs the core parser accepts, typed
// addresses split back into fields, and every problem is reported next to its field.
import { describe, expect, it } from 'vitest';
import { parseMeshUrl } from '../../../shared/core/mesh/mesh-url';
import * as F from '../../../renderer/src/lib/mesh-url-form';

const form = (patch: Partial<F.MeshForm>): F.MeshForm => ({ ...F.emptyMeshForm, name: 'Finance mesh', ...patch });
const url = (f: F.MeshForm) => {
  const r = F.meshUrlOf(f);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('folder → file:/// address', () => {
  it.each([
    ['C:\\Users\\me\\Mesh', 'file:///C:/Users/me/Mesh', 'C:/Users/me/Mesh'],
    ['"D:\\Team Data\\Mesh"', 'file:///D:/Team Data/Mesh', 'D:/Team Data/Mesh'],
    ['/home/me/Mesh', 'file:///home/me/Mesh', '/home/me/Mesh'],
    ['\\\\server\\share\\mesh', 'file:////server/share/mesh', '//server/share/mesh'],
    ['/data/100% sure #1?', 'file:///data/100%25 sure %231%3F', '/data/100% sure #1?'],
  ])('%s', (folder, expected, parsedPath) => {
    const r = F.folderToFileUrl(folder);
    expect(r).toEqual({ ok: true, value: expected });
    // The host reads the same address back to the same folder.
    const back = parseMeshUrl(expected);
    expect(back.ok && back.value).toEqual({ kind: 'file', path: parsedPath });
  });

  it('refuses relative paths, "~" and empty input with a way out', () => {
    for (const bad of ['', '  ', 'Documents\\Mesh', '~/Mesh']) {
      const r = F.folderToFileUrl(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/full|whole|Enter the folder/);
    }
  });

  it('shows Windows folders with backslashes again', () => {
    expect(F.folderForDisplay('C:/Users/me')).toBe('C:\\Users\\me');
    expect(F.folderForDisplay('//server/share')).toBe('\\\\server\\share');
    expect(F.folderForDisplay('/home/me')).toBe('/home/me');
  });
});

describe('S3 fields → s3:// address', () => {
  it('builds bucket, folder and the options endpoint, region, pathStyle', () => {
    expect(url(form({ kind: 's3', bucket: 'acme-mesh' }))).toBe('s3://acme-mesh');
    expect(url(form({ kind: 's3', bucket: ' acme-mesh ', prefix: '/finance/2025/', region: 'eu-central-1' }))).toBe('s3://acme-mesh/finance/2025?region=eu-central-1');
    const u = url(form({ kind: 's3', bucket: 'mesh', endpoint: 'http://127.0.0.1:9000', pathStyle: true }));
    expect(u).toBe('s3://mesh?endpoint=http://127.0.0.1:9000&pathStyle=true');
    const parsed = parseMeshUrl(u);
    expect(parsed.ok && parsed.value).toEqual({ kind: 's3', bucket: 'mesh', prefix: '', endpoint: 'http://127.0.0.1:9000', pathStyle: true });
  });

  it('puts each problem next to its field', () => {
    expect(F.meshFormErrors(form({ kind: 's3', bucket: '' })).bucket).toMatch(/bucket’s name/);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 's3://acme/x' })).bucket).toMatch(/only the bucket’s name/);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 'Acme' })).bucket).toMatch(/capital/);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 'acme', prefix: 'a//b' })).prefix).toMatch(/\/\//);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 'acme', region: 'EU Central' })).region).toMatch(/region/);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 'acme', endpoint: 'minio:9000' })).endpoint).toMatch(/web address/);
    expect(F.meshFormErrors(form({ kind: 's3', bucket: 'acme' }))).toEqual({});
  });
});

describe('typed address', () => {
  it('fills the fields when it is valid, and wins over them', () => {
    const f = F.setMeshUrlText(form({}), 's3://acme-mesh/finance?region=eu-west-1&pathStyle=true');
    expect(f).toMatchObject({ kind: 's3', bucket: 'acme-mesh', prefix: 'finance', region: 'eu-west-1', pathStyle: true, url: 's3://acme-mesh/finance?region=eu-west-1&pathStyle=true' });
    expect(F.kindOf(f)).toBe('s3');
    // Editing a field builds the address from the fields again.
    const g = F.editMeshForm(f, { prefix: 'sales' });
    expect(g.url).toBeNull();
    expect(url(g)).toBe('s3://acme-mesh/sales?region=eu-west-1&pathStyle=true');
  });

  it('keeps an invalid address as typed and says why (secrets in it are refused)', () => {
    const f = F.setMeshUrlText(form({ kind: 'file', folder: '/x' }), 's3://KEY:SECRET@bucket/x');
    expect(f.url).toBe('s3://KEY:SECRET@bucket/x');
    expect(f.kind).toBe('file');
    expect(F.meshFormErrors(f).url).toMatch(/Secrets must not be written/);
    expect(F.meshInputFromForm(f).ok).toBe(false);
    expect(F.setMeshUrlText(f, '  ').url).toBeNull();
  });
});

describe('mesh.save input', () => {
  it('needs a name and a folder', () => {
    const errors = F.meshFormErrors({ ...F.emptyMeshForm });
    expect(Object.keys(errors).sort()).toEqual(['folder', 'name']);
    expect(F.meshInputFromForm(form({ folder: 'C:\\Mesh' }))).toEqual({ ok: true, value: { name: 'Finance mesh', url: 'file:///C:/Mesh' } });
  });

  it('sends a profile, or both keys, never half a key pair', () => {
    const s3 = form({ kind: 's3', bucket: 'acme-mesh' });
    expect(F.meshInputFromForm({ ...s3, profile: ' finance ' })).toEqual({ ok: true, value: { name: 'Finance mesh', url: 's3://acme-mesh', profile: 'finance' } });
    expect(F.meshFormErrors({ ...s3, credentials: 'keys' }).keys).toMatch(/access key ID and the secret/);
    expect(F.meshFormErrors({ ...s3, credentials: 'keys', accessKeyId: 'AKIA1' }).keys).toMatch(/secret access key/);
    expect(F.meshFormErrors({ ...s3, credentials: 'keys', accessKeyId: 'AKIA 1', secretAccessKey: 's' }).keys).toMatch(/spaces/);
    expect(F.meshInputFromForm({ ...s3, credentials: 'keys', accessKeyId: ' AKIA1 ', secretAccessKey: 'abc\n' })).toEqual({
      ok: true,
      value: { name: 'Finance mesh', url: 's3://acme-mesh', accessKeyId: 'AKIA1', secretAccessKey: 'abc' },
    });
  });

  it('keeps saved keys when left empty, and forgets them when the owner switches to the profile', () => {
    const saved = { id: 'm1', name: 'Cloud', url: 's3://acme-mesh?region=eu-west-1', kind: 's3' as const, hasSavedKeys: true, builtIn: false };
    const f = F.formFromMesh(saved);
    expect(f).toMatchObject({ id: 'm1', credentials: 'keys', bucket: 'acme-mesh', region: 'eu-west-1', url: null, accessKeyId: '', secretAccessKey: '' });
    expect(F.meshInputFromForm(f)).toEqual({ ok: true, value: { id: 'm1', name: 'Cloud', url: 's3://acme-mesh?region=eu-west-1' } });
    expect(F.meshInputFromForm(F.editMeshForm(f, { credentials: 'chain' }))).toEqual({
      ok: true,
      value: { id: 'm1', name: 'Cloud', url: 's3://acme-mesh?region=eu-west-1', forgetKeys: true },
    });
  });

  it('keeps the saved spelling of an address the fields would write differently', () => {
    const f = F.formFromMesh({ id: 'm2', name: 'Minio', url: 's3://mesh?pathStyle=true&endpoint=http://127.0.0.1:9000', kind: 's3', hasSavedKeys: false, builtIn: false });
    expect(f.url).toBe('s3://mesh?pathStyle=true&endpoint=http://127.0.0.1:9000');
    expect(f).toMatchObject({ bucket: 'mesh', endpoint: 'http://127.0.0.1:9000', pathStyle: true });
  });
});
