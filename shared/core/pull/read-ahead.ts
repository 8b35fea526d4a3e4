// Runs anywhere (pure core).
// Fetches the next data part while the current one is being parsed, so pulling waits on the
// store once per part at most rather than for every byte: up to `limit` bytes are read ahead,
// the rest streams as usual when its turn comes.

export interface ReadAhead extends AsyncIterable<Uint8Array> {
  /** Stops reading ahead (the consumer will not come): releases the underlying stream. */
  cancel(): Promise<void>;
}

export function readAhead(source: AsyncIterable<Uint8Array>, limit: number): ReadAhead {
  const it = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let failure: unknown;
  let cancelled = false;
  const filling = (async () => {
    try {
      while (size < limit && !cancelled) {
        const r = await it.next();
        if (r.done) {
          ended = true;
          return;
        }
        buffered.push(r.value);
        size += r.value.byteLength;
      }
    } catch (e) {
      failure = e;
    }
  })();
  return {
    async *[Symbol.asyncIterator]() {
      await filling;
      if (failure !== undefined) throw failure;
      while (buffered.length > 0) yield buffered.shift()!;
      if (ended) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    },
    async cancel() {
      cancelled = true;
      await filling;
      buffered.length = 0;
      await it.return?.();
    },
  };
}
