// Browser (renderer). Turns whatever the loopback host answered — or failed to answer — into a
// Result in plain words. Nothing here throws: the screens only ever see values.

import type { AppError, Result } from '../../../shared/core/result';

export const NETWORK_ERROR: AppError = {
  code: 'network.unreachable',
  message:
    'Mesh Desk is not answering. It may have been closed or restarted. Start Mesh Desk again and reload this page; your file was not changed.',
};

export const AUTH_ERROR: AppError = {
  code: 'network.unauthorized',
  message:
    'This browser tab is not connected to the running Mesh Desk (its access key is missing or out of date). Open Mesh Desk again with the link it showed when it started.',
};

export const UNREADABLE_ANSWER: AppError = {
  code: 'network.bad-answer',
  message: 'Mesh Desk sent an answer this page could not read. Reload the page and try again.',
};

export function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

function statusError(status: number): AppError {
  if (status === 401 || status === 403) return AUTH_ERROR;
  if (status === 413) {
    return { code: 'network.too-large', message: 'Mesh Desk refused the request because it was too large. Try a smaller file.' };
  }
  return {
    code: `network.http-${status}`,
    message: `Mesh Desk answered with an unexpected error (HTTP ${status}). Please try again; if it keeps happening, restart Mesh Desk.`,
  };
}

/**
 * The host answers every call with a JSON Result, also on 4xx/5xx where it can. A body that is
 * not a Result falls back to a message chosen by the status code.
 */
export function resultFromAnswer<T>(status: number, bodyText: string): Result<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  if (isResult(parsed)) return parsed as Result<T>;
  if (status >= 200 && status < 300) return { ok: false, error: UNREADABLE_ANSWER };
  return { ok: false, error: statusError(status) };
}
