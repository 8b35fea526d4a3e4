// Runs anywhere (pure core).
// Results cross every boundary (IPC, HTTP, worker) as values, never as thrown errors:
// a thrown Error loses its fields on the way through structured clone and JSON.

export interface AppError {
  /** Stable machine code, e.g. "xlsx.zip-bomb", "csv.unreadable", "cancelled". */
  code: string;
  /** One or two sentences in the owner's words: what happened, where, what to do. */
  message: string;
  /** Optional location in the owner's file. */
  sheet?: string;
  row?: number;
  column?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, where: Omit<AppError, 'code' | 'message'> = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...where },
});

/**
 * An error that already speaks the owner's language. Readers throw it deep inside a parse;
 * the boundary (inspect, API handlers) turns it into a Result.
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly where: Omit<AppError, 'code' | 'message'>;
  constructor(code: string, message: string, where: Omit<AppError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.where = where;
  }
  toAppError(): AppError {
    return { code: this.code, message: this.message, ...this.where };
  }
}

/** Thrown when the user cancels; never shown as a failure. */
export class CancelledError extends UserFacingError {
  constructor() {
    super('cancelled', 'Cancelled. Nothing was changed.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Converts anything caught at a boundary into an AppError without leaking stack traces. */
export function toAppError(e: unknown): AppError {
  if (e instanceof UserFacingError) return e.toAppError();
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: `Something went wrong inside Mesh Desk (${detail}). Your file was not changed; please try again, and report this if it happens again.`,
  };
}
