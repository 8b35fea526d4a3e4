// Node only.
// "The mesh cannot be reached right now" (keep the job and send it later) versus "this publish
// is wrong" (tell the owner): network failures, timeouts and server errors of an S3 mesh, or a
// folder mesh whose disk or network drive is not there, are the first kind and get the one code
// 'mesh.unreachable' — the page queues a publish in the outbox on exactly that code. Policy
// blocks, refused keys and a changed or missing file are the second kind.

import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { POLICY_KEY } from '../../core/mesh/layout';
import { parseMeshUrl } from '../../core/mesh/mesh-url';
import type { AppError } from '../../core/result';
import { toAppError } from '../../core/result';
import { openMesh } from '../mesh/open-mesh';
import type { S3StoreOptions } from '../mesh/s3-store';

export const UNREACHABLE = 'mesh.unreachable';

/** How long a look at a folder may take: a dead network share can hang a stat for minutes. */
const FOLDER_TIMEOUT_MS = 5_000;

type FolderState = 'there' | 'missing' | 'unanswered';

async function folderState(path: string): Promise<FolderState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<FolderState>((resolve) => (timer = setTimeout(() => resolve('unanswered'), FOLDER_TIMEOUT_MS)));
  const look = stat(path).then((s) => (s.isDirectory() ? 'there' : 'missing') as FolderState, () => 'missing' as FolderState);
  try {
    return await Promise.race([look, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a folder mesh cannot be reached, or null when it can. `mustExist`: the product is known to
 * be there (so a missing mesh folder means the drive is gone, not a mesh that is still to be
 * created); otherwise a missing folder whose parent is there is fine (the first publish creates it).
 */
export async function folderMeshGone(root: string, mustExist: boolean): Promise<string | null> {
  const state = await folderState(root);
  if (state === 'there') return null;
  const reason = `The mesh folder ${root} cannot be reached (${state === 'unanswered' ? 'it did not answer within 5 seconds' : 'it is not there'}). Check that its disk or network drive is connected.`;
  if (state === 'unanswered' || mustExist) return reason;
  return (await folderState(dirname(root))) === 'there' ? null : reason;
}

/** True when the error means "not reachable now, try later". */
export async function isUnreachable(error: AppError, meshUrl: string): Promise<boolean> {
  if (error.code === UNREACHABLE || error.code === 'mesh.network') return true;
  const loc = parseMeshUrl(meshUrl);
  if (!loc.ok) return false;
  // An S3 "mesh.io" with a 5xx answer (s3-errors.ts writes "HTTP 503") or with no HTTP answer
  // at all (a broken connection after the retries) is the server being away; a 4xx is not.
  if (loc.value.kind === 's3') return error.code === 'mesh.io' && (/\bHTTP 5\d\d\b/.test(error.message) || !/\bHTTP \d{3}\b/.test(error.message));
  if (error.code !== 'mesh.io' && error.code !== 'mesh.not-found') return false;
  return (await folderMeshGone(loc.value.path, true)) !== null;
}

/** The error with the code 'mesh.unreachable' when it means that (message unchanged), else as it was. */
export async function classifyMeshError(error: AppError, meshUrl: string): Promise<AppError> {
  if (error.code === UNREACHABLE) return error;
  return (await isUnreachable(error, meshUrl)) ? { ...error, code: UNREACHABLE } : error;
}

export interface ProbeResult {
  reachable: boolean;
  /** Why not, in words. */
  reason?: string;
}

/**
 * A cheap look at the mesh: an S3 mesh must answer one small read (the policy file; "not there"
 * is an answer too), a folder mesh must be there. Errors other than "unreachable" (wrong keys, a
 * missing bucket) count as reachable: sending will then fail with that reason, in words.
 */
export async function probeMesh(mesh: { url: string; options?: S3StoreOptions }, opts: { mustExist?: boolean; signal?: AbortSignal } = {}): Promise<ProbeResult> {
  const loc = parseMeshUrl(mesh.url);
  if (!loc.ok) return { reachable: true };
  if (loc.value.kind === 'file') {
    const gone = await folderMeshGone(loc.value.path, opts.mustExist === true);
    return gone ? { reachable: false, reason: gone } : { reachable: true };
  }
  const opened = openMesh(mesh.url, { ...mesh.options, connectTimeoutMs: 5_000, requestTimeoutMs: 15_000 });
  if (!opened.ok) return { reachable: true };
  try {
    await opened.value.store.head(POLICY_KEY, opts.signal ?? AbortSignal.timeout(30_000));
    return { reachable: true };
  } catch (e) {
    const err = toAppError(e);
    return (await isUnreachable(err, mesh.url)) ? { reachable: false, reason: err.message } : { reachable: true };
  }
}
