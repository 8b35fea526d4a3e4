// Browser (renderer). The "Add a mesh" form as plain data, and the pure steps between its fields
// and a mesh address: a folder becomes a file:/// URL, bucket/folder/region/endpoint become an
// s3:// URL, and a typed address is split back into the fields. Every address is checked by the
// core's own parser (parseMeshUrl), so the form and the host agree on what is valid, and its
// messages (already in plain words) are shown as they are, next to the field they are about.

import type { MeshConfig, MeshInput } from '../../../shared/core/api/contract';
import { parseMeshUrl } from '../../../shared/core/mesh/mesh-url';
import type { MeshLocation } from '../../../shared/core/mesh/mesh-url';
import { fail, ok } from '../../../shared/core/result';
import type { Result } from '../../../shared/core/result';

export type MeshKind = 'file' | 's3';
/** 'chain' = the AWS profile, environment or machine role; 'keys' = keys typed into Mesh Desk. */
export type CredentialMode = 'chain' | 'keys';

export interface MeshForm {
  /** Set when an existing mesh is being changed. */
  id?: string;
  name: string;
  kind: MeshKind;
  folder: string;
  bucket: string;
  prefix: string;
  region: string;
  endpoint: string;
  pathStyle: boolean;
  credentials: CredentialMode;
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The mesh being changed already has keys in the keychain (the page never sees them). */
  hasSavedKeys: boolean;
  /** An address typed into the Advanced field; null = built from the fields above. */
  url: string | null;
}

export type MeshFormField = 'name' | 'folder' | 'bucket' | 'prefix' | 'region' | 'endpoint' | 'url' | 'profile' | 'keys';
export type MeshFormErrors = Partial<Record<MeshFormField, string>>;

export const emptyMeshForm: MeshForm = {
  name: '',
  kind: 'file',
  folder: '',
  bucket: '',
  prefix: '',
  region: '',
  endpoint: '',
  pathStyle: false,
  credentials: 'chain',
  profile: '',
  accessKeyId: '',
  secretAccessKey: '',
  hasSavedKeys: false,
  url: null,
};

const BAD = 'mesh.form';
// "%" starts an escape and "?" "#" end the path in a URL: written escaped, they stay part of the folder name.
const escapePath = (p: string) => p.replace(/[%?#]/g, (c) => encodeURIComponent(c));
const escapeValue = (v: string) => v.replace(/[%&#]/g, (c) => encodeURIComponent(c));

/**
 * A folder as the owner copies it from Explorer or Finder → a file:/// address.
 * "C:\Data\Mesh" → "file:///C:/Data/Mesh"; "\\server\share\mesh" → "file:////server/share/mesh"
 * (the empty host keeps it on this computer's view of the share); "/home/me/Mesh" → "file:///home/me/Mesh".
 */
export function folderToFileUrl(folder: string): Result<string> {
  // Windows' "Copy as path" wraps the path in quotes.
  const f = folder.trim().replace(/^"(.*)"$/, '$1').trim();
  if (f === '') return fail(BAD, 'Enter the folder where products are kept, for example C:\\Users\\me\\Documents\\Mesh or /Users/me/Mesh.');
  let path: string;
  if (/^[a-zA-Z]:([\\/]|$)/.test(f)) path = `/${f.replace(/\\/g, '/')}`;
  else if (/^(\\\\|\/\/)[^\\/]/.test(f)) path = `//${f.slice(2).replace(/\\/g, '/')}`;
  else if (f.startsWith('/')) path = f;
  else if (f.startsWith('~')) return fail(BAD, `Mesh Desk cannot look up “~”. Write the whole folder path, for example /Users/me/${f.slice(2) || 'Mesh'}.`);
  else return fail(BAD, `“${f}” is not a full folder path. Start it with a drive letter (C:\\…), with \\\\ for a network share, or with /.`);
  const url = `file://${escapePath(path)}`;
  const parsed = parseMeshUrl(url);
  return parsed.ok ? ok(url) : parsed;
}

/** A folder mesh's path as the owner would type it (Windows paths with backslashes). */
export function folderForDisplay(path: string): string {
  if (/^[a-zA-Z]:(\/|$)/.test(path) || path.startsWith('//')) return path.replace(/\//g, '\\');
  return path;
}

function s3Url(bucket: string, prefix: string, opts: { endpoint?: string; region?: string; pathStyle?: boolean }): string {
  const p = prefix.trim().replace(/^\/+|\/+$/g, '');
  const query: string[] = [];
  if (opts.endpoint) query.push(`endpoint=${escapeValue(opts.endpoint)}`);
  if (opts.region) query.push(`region=${escapeValue(opts.region)}`);
  if (opts.pathStyle) query.push('pathStyle=true');
  return `s3://${bucket}${p ? `/${escapePath(p)}` : ''}${query.length ? `?${query.join('&')}` : ''}`;
}

/** Checks the S3 fields one at a time so each message lands next to the field it is about. */
function s3Errors(form: MeshForm): MeshFormErrors {
  const bucket = form.bucket.trim();
  if (bucket === '') return { bucket: 'Enter the bucket’s name, for example acme-mesh.' };
  if (/^s3:\/\//i.test(bucket) || bucket.includes('/')) {
    return { bucket: 'Enter only the bucket’s name here (no “s3://” and no folders). To paste a whole address, use the mesh address field below.' };
  }
  const steps: [MeshFormField, string][] = [
    ['bucket', s3Url(bucket, '', {})],
    ['prefix', s3Url(bucket, form.prefix, {})],
    ['region', s3Url(bucket, '', { region: form.region.trim() })],
    ['endpoint', s3Url(bucket, '', { endpoint: form.endpoint.trim() })],
  ];
  for (const [field, url] of steps) {
    const r = parseMeshUrl(url);
    if (!r.ok) return { [field]: r.error.message };
  }
  return {};
}

/** The address the form stands for: the typed one, or the one built from the fields. */
export function meshUrlOf(form: MeshForm): Result<string> {
  if (form.url !== null) {
    const r = parseMeshUrl(form.url);
    return r.ok ? ok(form.url.trim()) : r;
  }
  if (form.kind === 'file') return folderToFileUrl(form.folder);
  const errors = s3Errors(form);
  const first = Object.values(errors)[0];
  if (first) return fail(BAD, first);
  return ok(s3Url(form.bucket.trim(), form.prefix, { endpoint: form.endpoint.trim(), region: form.region.trim(), pathStyle: form.pathStyle }));
}

function fieldsFrom(loc: MeshLocation): Partial<MeshForm> {
  if (loc.kind === 'file') return { kind: 'file', folder: folderForDisplay(loc.path) };
  return { kind: 's3', bucket: loc.bucket, prefix: loc.prefix, region: loc.region ?? '', endpoint: loc.endpoint ?? '', pathStyle: loc.pathStyle === true };
}

/** The owner typed into the Advanced address field: the fields follow whenever the address is valid. */
export function setMeshUrlText(form: MeshForm, text: string): MeshForm {
  if (text.trim() === '') return { ...form, url: null };
  const r = parseMeshUrl(text);
  return r.ok ? { ...form, ...fieldsFrom(r.value), url: text } : { ...form, url: text };
}

/** An edit to the fields: the address is built from them again. */
export function editMeshForm(form: MeshForm, patch: Partial<Omit<MeshForm, 'url' | 'id' | 'hasSavedKeys'>>): MeshForm {
  return { ...form, ...patch, url: null };
}

/** The form for changing a saved mesh. Keys are never shown: the page only knows they exist. */
export function formFromMesh(mesh: MeshConfig): MeshForm {
  const form: MeshForm = {
    ...emptyMeshForm,
    id: mesh.id,
    name: mesh.name,
    kind: mesh.kind,
    profile: mesh.profile ?? '',
    hasSavedKeys: mesh.hasSavedKeys,
    credentials: mesh.hasSavedKeys ? 'keys' : 'chain',
  };
  const r = parseMeshUrl(mesh.url);
  if (!r.ok) return { ...form, url: mesh.url };
  const withFields = { ...form, ...fieldsFrom(r.value) };
  // Keep the saved spelling when the fields would write it differently (e.g. options in another order).
  const rebuilt = meshUrlOf(withFields);
  return rebuilt.ok && rebuilt.value === mesh.url ? withFields : { ...withFields, url: mesh.url };
}

/** What is wrong with the form, field by field; empty when it can be saved. */
export function meshFormErrors(form: MeshForm): MeshFormErrors {
  const errors: MeshFormErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Give the mesh a name you will recognise, for example “Finance mesh”.';
  else if (name.length > 100) errors.name = `The name is ${name.length} characters long; at most 100 are allowed.`;

  if (form.url !== null) {
    const r = parseMeshUrl(form.url);
    if (!r.ok) errors.url = r.error.message;
  } else if (form.kind === 'file') {
    const r = folderToFileUrl(form.folder);
    if (!r.ok) errors.folder = r.error.message;
  } else {
    Object.assign(errors, s3Errors(form));
  }

  if (kindOf(form) === 's3') {
    if (form.credentials === 'chain' && form.profile.trim().length > 128) errors.profile = 'A profile name has at most 128 characters.';
    if (form.credentials === 'keys') {
      const id = form.accessKeyId.trim();
      const secret = form.secretAccessKey.trim();
      if (id === '' && secret === '' && !form.hasSavedKeys) {
        errors.keys = 'Enter the access key ID and the secret access key, or choose “Use my AWS profile or environment”.';
      } else if ((id === '') !== (secret === '')) {
        errors.keys = id === '' ? 'Enter the access key ID that belongs to this secret.' : 'Enter the secret access key that belongs to this key ID.';
      } else if (id.length > 256 || secret.length > 1024 || /\s/.test(id) || /\s/.test(secret)) {
        errors.keys = 'The keys contain spaces or are too long. Copy them again from where your administrator gave them to you.';
      }
    }
  }
  return errors;
}

/** The kind the form stands for (the typed address wins when it is valid). */
export function kindOf(form: MeshForm): MeshKind {
  if (form.url !== null) {
    const r = parseMeshUrl(form.url);
    if (r.ok) return r.value.kind;
  }
  return form.kind;
}

/** The mesh.save / mesh.test input, or the first problem in words. */
export function meshInputFromForm(form: MeshForm): Result<MeshInput> {
  const errors = meshFormErrors(form);
  const first = Object.values(errors)[0];
  if (first) return fail(BAD, first);
  const url = meshUrlOf(form);
  if (!url.ok) return url;
  const input: MeshInput = { name: form.name.trim(), url: url.value };
  if (form.id !== undefined) input.id = form.id;
  if (kindOf(form) === 's3' && form.credentials === 'chain') {
    if (form.profile.trim()) input.profile = form.profile.trim();
    if (form.hasSavedKeys) input.forgetKeys = true;
  } else if (kindOf(form) === 's3') {
    // Empty key fields on a mesh with saved keys mean "keep the saved ones".
    if (form.accessKeyId.trim()) {
      input.accessKeyId = form.accessKeyId.trim();
      input.secretAccessKey = form.secretAccessKey.trim();
    }
  } else if (form.hasSavedKeys) {
    input.forgetKeys = true;
  }
  return ok(input);
}
