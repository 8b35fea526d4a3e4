// Node only.
// What the owner is told when a job's worker thread ends without an answer: out of memory (the
// heap limit stopped a hostile or huge file) or any other crash. Plain words, no stack traces.

import type { AppError } from '../../core/result';

export function crashError(e: unknown): AppError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return {
      code: 'job.out-of-memory',
      message:
        'Mesh Desk ran out of memory while reading the file, so it stopped. The file may be very large or built in an unusual way: try saving it as CSV, or splitting it into smaller files.',
    };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'job.crashed',
    message: `The background job reading the file stopped unexpectedly (${detail}). Your file was not changed; try again, and report this if it happens again.`,
  };
}
