// Node only. How every CLI command ends badly: one line on stderr ("mesh-desk: …", the owner's
// message with its line breaks folded) and exit code 2; and Ctrl-C turned into a cancel.

/** Prints the reason and returns exit code 2 (unreadable input, mesh problem or wrong usage). */
export function stop(message: string): number {
  process.stderr.write(`mesh-desk: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return 2;
}

/** An AbortSignal that Ctrl-C trips for as long as the command runs; call dispose() at the end. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
