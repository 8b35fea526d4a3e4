// Runs anywhere (pure core).
// Reads the mesh address the owner typed ("file:///folder" or "s3://bucket/prefix?endpoint=…")
// into a checked location. Parsed by hand because the core has no URL global (platform.d.ts),
// and because S3 bucket/prefix rules are stricter than URL syntax anyway.

import { fail, ok } from '../result';
import type { Result } from '../result';

export type MeshLocation =
  | { kind: 'file'; path: string }
  | { kind: 's3'; bucket: string; prefix: string; endpoint?: string; region?: string; pathStyle?: boolean };

const BAD = 'mesh.bad-url';
const EXAMPLE = 'for example "s3://acme-mesh/data-services" or "file:///C:/Users/me/Documents/Mesh"';
const SECRET_PARAMS = /^(access[-_]?key([-_]?id)?|secret([-_]?access)?([-_]?key)?|session[-_]?token|token|password|credentials?)$/i;
const KNOWN_PARAMS = ['endpoint', 'region', 'pathStyle'];

const noSecrets = (what: string) =>
  `The mesh address ${what}. Secrets must not be written into an address (it is shown on screen and saved in plain text): remove them and enter the access key and secret in the mesh settings, or use an AWS profile.`;

/** Parses and validates a mesh URL; every failure says what is wrong and how to write it. */
export function parseMeshUrl(input: string): Result<MeshLocation> {
  const url = input.trim();
  if (url === '') return fail(BAD, `The mesh address is empty. Enter where products live, ${EXAMPLE}.`);
  if (/[\u0000-\u001f\u007f]/.test(url)) return fail(BAD, 'The mesh address contains invisible control characters. Type it again without pasting line breaks or tabs.');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  if (!scheme) return fail(BAD, `"${url}" is not a mesh address. It must start with "s3://" or "file://", ${EXAMPLE}.`);
  const kind = scheme[1]!.toLowerCase();
  const rest = url.slice(scheme[0].length);
  if (kind === 'file') return parseFile(rest);
  if (kind === 's3') return parseS3(rest);
  return fail(BAD, `Mesh addresses starting with "${scheme[1]}://" are not supported. Use "s3://" (AWS S3 or a compatible store) or "file://" (a folder), ${EXAMPLE}.`);
}

function parseFile(rest: string): Result<MeshLocation> {
  if (rest.includes('?') || rest.includes('#')) return fail(BAD, 'A folder mesh address ("file://…") cannot have "?" or "#" options. Remove them.');
  // "file:///x" has an empty host; "file://localhost/x" names this computer. Other hosts are network shares we do not reach this way.
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  if (host !== '' && host.toLowerCase() !== 'localhost') {
    return fail(BAD, `The folder mesh address names the computer "${host}". Use "file:///" followed by a folder on this computer, for example "file:///home/me/Mesh".`);
  }
  let path = slash < 0 ? '' : rest.slice(slash);
  path = decode(path) ?? '\u0000';
  if (path.includes('\u0000')) return fail(BAD, 'The folder mesh address has a broken "%" escape. Write the folder path plainly, for example "file:///home/me/My Mesh".');
  // "/C:/Users/…" is a Windows drive path: drop the slash URL syntax puts in front of it.
  if (/^\/[a-zA-Z]:(\/|$)/.test(path)) path = path.slice(1);
  if (path === '' || path === '/') return fail(BAD, 'The folder mesh address has no folder. Add the folder after "file://", for example "file:///home/me/Mesh".');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  return ok({ kind: 'file', path });
}

function parseS3(rest: string): Result<MeshLocation> {
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const q = rest.indexOf('?');
  const main = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const slash = main.indexOf('/');
  const bucket = slash < 0 ? main : main.slice(0, slash);
  const rawPrefix = slash < 0 ? '' : main.slice(slash + 1);

  if (bucket.includes('@')) return fail(BAD, noSecrets('contains a user name or key before "@"'));
  const bucketProblem = checkBucket(bucket);
  if (bucketProblem) return fail(BAD, bucketProblem);

  const prefix = decode(rawPrefix);
  if (prefix === undefined) return fail(BAD, `The folder part "${rawPrefix}" of the mesh address has a broken "%" escape. Write it plainly, for example "s3://${bucket}/data-services".`);
  const prefixProblem = checkPrefix(prefix);
  if (prefixProblem) return fail(BAD, prefixProblem);

  const loc: Extract<MeshLocation, { kind: 's3' }> = { kind: 's3', bucket, prefix: prefix.replace(/^\/+|\/+$/g, '') };
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq)) ?? part;
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (SECRET_PARAMS.test(name)) return fail(BAD, noSecrets(`contains "${name}"`));
    if (value === undefined) return fail(BAD, `The mesh address option "${name}" has a broken "%" escape. Write its value plainly.`);
    if (name === 'endpoint') {
      const e = checkEndpoint(value);
      if (!e.ok) return e;
      loc.endpoint = e.value;
    } else if (name === 'region') {
      if (!/^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/.test(value)) return fail(BAD, `The region "${value}" in the mesh address is not valid. Regions look like "eu-central-1" or "us-east-1" (lowercase letters, digits and dashes).`);
      loc.region = value;
    } else if (name === 'pathStyle') {
      if (value !== 'true' && value !== 'false') return fail(BAD, `The option "pathStyle=${value}" in the mesh address must be "true" or "false".`);
      loc.pathStyle = value === 'true';
    } else {
      return fail(BAD, `The mesh address has an option "${name}" that Mesh Desk does not know. The options are ${KNOWN_PARAMS.map((k) => `"${k}"`).join(', ')}; remove or correct it.`);
    }
  }
  return ok(loc);
}

/** S3's bucket naming rules, told in words. Undefined when the name is fine. */
function checkBucket(b: string): string | undefined {
  const tail = 'Bucket names use 3 to 63 lowercase letters, digits, dots and dashes, and start and end with a letter or digit, for example "s3://acme-mesh/data".';
  if (b === '') return `The mesh address has no bucket name after "s3://". ${tail}`;
  if (b.length < 3 || b.length > 63) return `The bucket name "${b}" has ${b.length} characters. ${tail}`;
  if (/[A-Z]/.test(b)) return `The bucket name "${b}" has capital letters; S3 allows only lowercase. ${tail}`;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(b)) return `The bucket name "${b}" is not valid. ${tail}`;
  if (b.includes('..')) return `The bucket name "${b}" has two dots in a row. ${tail}`;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(b)) return `The bucket name "${b}" looks like an IP address, which S3 does not allow. Put the server's address in the "endpoint" option instead, for example "s3://my-bucket?endpoint=http://${b}:9000".`;
  return undefined;
}

/** The folder inside the bucket. Undefined when it is fine. */
function checkPrefix(p: string): string | undefined {
  const trimmed = p.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return undefined;
  if (new TextEncoder().encode(trimmed).length > 512) return 'The folder part of the mesh address is longer than 512 bytes. Choose a shorter folder name.';
  const parts = trimmed.split('/');
  if (parts.some((s) => s === '')) return `The folder "${trimmed}" in the mesh address has "//" in it. Use single slashes between folder names.`;
  if (parts.some((s) => s === '.' || s === '..')) return `The folder "${trimmed}" in the mesh address has "." or ".." in it. Write the folder names out, for example "data/finance".`;
  if (/[\\{}^%`\]["'<>~#|]/.test(trimmed)) return `The folder "${trimmed}" in the mesh address has characters that many storage tools mishandle (\\ { } ^ % \` [ ] " ' < > ~ # |). Use letters, digits, dashes, dots and underscores.`;
  return undefined;
}

function checkEndpoint(v: string): Result<string> {
  const m = /^(https?):\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(v);
  if (!m) return fail(BAD, `The endpoint "${v}" in the mesh address is not a web address. Write it like "https://s3.example.com" or "http://127.0.0.1:9000".`);
  const authority = m[2]!;
  if (authority.includes('@')) return fail(BAD, noSecrets('has a user name or key inside the endpoint'));
  if (!/^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+)(:\d{1,5})?$/.test(authority)) return fail(BAD, `The server name in the endpoint "${v}" is not valid. Write it like "https://s3.example.com" or "http://127.0.0.1:9000".`);
  const port = /:(\d+)$/.exec(authority);
  if (port && (Number(port[1]) < 1 || Number(port[1]) > 65535)) return fail(BAD, `The port in the endpoint "${v}" must be between 1 and 65535.`);
  const path = (m[3] ?? '').replace(/\/+$/, '');
  return ok(`${m[1]!.toLowerCase()}://${authority}${path}`);
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The address as shown to the owner: no secrets (parseMeshUrl refuses them), options kept. */
export function describeMesh(loc: MeshLocation): string {
  if (loc.kind === 'file') return `file://${loc.path.startsWith('/') ? '' : '/'}${loc.path}`;
  const opts: string[] = [];
  // Defensive: a location built elsewhere might carry user:secret@ in its endpoint.
  if (loc.endpoint !== undefined) opts.push(`endpoint=${loc.endpoint.replace(/\/\/[^/@]*@/, '//')}`);
  if (loc.region !== undefined) opts.push(`region=${loc.region}`);
  if (loc.pathStyle !== undefined) opts.push(`pathStyle=${loc.pathStyle}`);
  return `s3://${loc.bucket}${loc.prefix ? `/${loc.prefix}` : ''}${opts.length ? `?${opts.join('&')}` : ''}`;
}
