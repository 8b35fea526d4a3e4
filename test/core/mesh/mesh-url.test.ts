// Runs anywhere (pure core test).
import { describe, expect, it } from 'vitest';
import { describeMesh, parseMeshUrl } from '../../../shared/core/mesh/mesh-url';
import type { MeshLocation } from '../../../shared/core/mesh/mesh-url';

function good(url: string): MeshLocation {
  const r = parseMeshUrl(url);
  if (!r.ok) throw new Error(`expected ok for ${url}: ${r.error.message}`);
  return r.value;
}
function bad(url: string): string {
  const r = parseMeshUrl(url);
  if (r.ok) throw new Error(`expected failure for ${url}`);
  expect(r.error.code).toBe('mesh.bad-url');
  return r.error.message;
}

describe('parseMeshUrl: s3', () => {
  it('reads bucket and prefix, trimming slashes', () => {
    expect(good('s3://acme-mesh/data-services/')).toEqual({ kind: 's3', bucket: 'acme-mesh', prefix: 'data-services' });
    expect(good('  s3://acme-mesh  ')).toEqual({ kind: 's3', bucket: 'acme-mesh', prefix: '' });
    expect(good('s3://acme.mesh-1/a/b/c')).toEqual({ kind: 's3', bucket: 'acme.mesh-1', prefix: 'a/b/c' });
    expect(good('S3://acme-mesh/x')).toMatchObject({ kind: 's3', bucket: 'acme-mesh', prefix: 'x' });
  });

  it('reads the connection options', () => {
    expect(good('s3://b-1/p?endpoint=http://127.0.0.1:9000/&region=eu-central-1&pathStyle=true')).toEqual({
      kind: 's3', bucket: 'b-1', prefix: 'p', endpoint: 'http://127.0.0.1:9000', region: 'eu-central-1', pathStyle: true,
    });
    expect(good('s3://b-1?endpoint=https%3A%2F%2Fminio.corp.example%3A443&pathStyle=false')).toEqual({
      kind: 's3', bucket: 'b-1', prefix: '', endpoint: 'https://minio.corp.example:443', pathStyle: false,
    });
    expect(good('s3://b-1/p?endpoint=http://[::1]:9000')).toMatchObject({ endpoint: 'http://[::1]:9000' });
  });

  it('rejects bad bucket names with the rule in words', () => {
    expect(bad('s3://')).toMatch(/no bucket name/);
    expect(bad('s3://ab/x')).toMatch(/"ab" has 2 characters/);
    expect(bad('s3://Acme-Mesh/x')).toMatch(/capital letters/);
    expect(bad('s3://acme_mesh/x')).toMatch(/not valid/);
    expect(bad('s3://-acme/x')).toMatch(/not valid/);
    expect(bad('s3://acme..mesh/x')).toMatch(/two dots/);
    expect(bad('s3://192.168.1.10/x')).toMatch(/IP address.*endpoint/);
    expect(bad(`s3://${'a'.repeat(64)}`)).toMatch(/64 characters/);
  });

  it('rejects odd prefixes', () => {
    expect(bad('s3://acme-mesh/a//b')).toMatch(/"\/\/"/);
    expect(bad('s3://acme-mesh/a/../b')).toMatch(/"\.\."/);
    expect(bad('s3://acme-mesh/a\\b')).toMatch(/characters/);
    expect(bad('s3://acme-mesh/a%ZZ')).toMatch(/broken "%"/);
    expect(bad(`s3://acme-mesh/${'x'.repeat(600)}`)).toMatch(/longer than 512/);
  });

  it('refuses credentials anywhere in the address and points to settings', () => {
    for (const url of [
      's3://AKIAXXX:secret@acme-mesh/data',
      's3://acme-mesh/data?accessKeyId=AKIA&secretAccessKey=x',
      's3://acme-mesh/data?secret=x',
      's3://acme-mesh/data?sessionToken=x',
      's3://acme-mesh/data?endpoint=http://user:pw@127.0.0.1:9000',
    ]) {
      const msg = bad(url);
      expect(msg).toMatch(/mesh settings/);
      expect(msg).not.toMatch(/secret@|pw@|=x/);
    }
  });

  it('rejects unknown or malformed options', () => {
    expect(bad('s3://acme-mesh?endpoint=ftp://x')).toMatch(/not a web address/);
    expect(bad('s3://acme-mesh?endpoint=http://bad host')).toMatch(/not valid/);
    expect(bad('s3://acme-mesh?endpoint=http://h:70000')).toMatch(/between 1 and 65535/);
    expect(bad('s3://acme-mesh?region=EU Central')).toMatch(/region/);
    expect(bad('s3://acme-mesh?pathStyle=yes')).toMatch(/"true" or "false"/);
    expect(bad('s3://acme-mesh?foo=1')).toMatch(/does not know.*"endpoint"/);
  });
});

describe('parseMeshUrl: file and others', () => {
  it('reads folders, Windows drives and escapes', () => {
    expect(good('file:///home/me/Mesh/')).toEqual({ kind: 'file', path: '/home/me/Mesh' });
    expect(good('file://localhost/home/me/My%20Mesh')).toEqual({ kind: 'file', path: '/home/me/My Mesh' });
    expect(good('file:///C:/Users/me/Mesh')).toEqual({ kind: 'file', path: 'C:/Users/me/Mesh' });
  });

  it('rejects empty, remote and decorated folder addresses', () => {
    expect(bad('file://')).toMatch(/no folder/);
    expect(bad('file:///')).toMatch(/no folder/);
    expect(bad('file://server/share')).toMatch(/"server"/);
    expect(bad('file:///x?y=1')).toMatch(/"\?"/);
  });

  it('rejects other schemes, junk and control characters', () => {
    expect(bad('')).toMatch(/empty/);
    expect(bad('https://example.com/x')).toMatch(/"https:\/\/" are not supported/);
    expect(bad('acme-mesh/data')).toMatch(/must start with "s3:\/\/"/);
    expect(bad('s3://acme-mesh/da\nta')).toMatch(/control characters/);
  });
});

describe('describeMesh', () => {
  it('round-trips through parseMeshUrl', () => {
    for (const url of [
      's3://acme-mesh/data-services',
      's3://acme-mesh',
      's3://b-1/p?endpoint=http://127.0.0.1:9000&region=eu-central-1&pathStyle=true',
      'file:///home/me/Mesh',
      'file:///C:/Users/me/Mesh',
    ]) {
      expect(describeMesh(good(url))).toBe(url);
    }
  });

  it('never shows credentials, even from a location built elsewhere', () => {
    expect(describeMesh({ kind: 's3', bucket: 'b-1', prefix: '', endpoint: 'http://k:s@h:1' })).toBe('s3://b-1?endpoint=http://h:1');
  });
});
