// Node only.
// The one door every call comes through, from IPC or HTTP: the call name and its input are
// untrusted, so both are checked against the contract before any handler runs, and nothing a
// handler throws escapes as an exception — it becomes a Result the UI can show.

import { inputValidators, isCallName, type ApiHandlers, type CallContext, type CallName } from '../../core/api/contract';
import { fail, toAppError, type Result } from '../../core/result';

/** A short, printable form of an untrusted name for a message. */
function describeName(name: unknown): string {
  const text = typeof name === 'string' ? name : typeof name;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

export async function dispatchCall(
  handlers: ApiHandlers,
  name: unknown,
  input: unknown,
  ctx: CallContext,
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return fail(
      'bad-request',
      `Mesh Desk received a request it does not know ("${describeName(name)}"), so nothing was done. If you see this, the app may need to be restarted or updated.`,
    );
  }
  if (!inputValidators[name](input)) {
    return fail(
      'bad-request',
      `Mesh Desk received the request "${name}" with missing or invalid details, so nothing was done. Please try again; restart the app if it keeps happening.`,
    );
  }
  try {
    // The validator above proved the input's type for this name.
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<Result<unknown>>;
    const result = await handler(input, ctx);
    if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
      return { ok: false, error: toAppError(new Error(`the "${name satisfies CallName}" handler gave no result`)) };
    }
    return result;
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}
