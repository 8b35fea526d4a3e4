// Node only.
// The reason an outbox job failed the mesh's rules, in words: which findings block it and what to do.

import type { CheckOutcome } from '../../core/inspect/report';

/** `what` names the thing sent: '"sales.csv"' or 'The description of "sales"'. */
export function blockedWords(what: string, check: CheckOutcome): string {
  const blocking = check.findings.filter((f) => f.blocking);
  const listed = blocking.slice(0, 3).map((f) => f.message.replace(/\s*\n\s*/g, ' ').replace(/\.?$/, '.'));
  const more = blocking.length > listed.length ? ` (and ${blocking.length - listed.length} more)` : '';
  const must = blocking.length === 1 ? 'this must' : `these ${blocking.length} findings must`;
  return `${what} was not sent: the mesh's rules say ${must} be fixed first${more}: ${listed.join(' ')} Open the draft, fix it, and publish again.`;
}
