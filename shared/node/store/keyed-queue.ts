// Node only.
// Runs tasks one after another per key (a file path, a draft id) in this process, so an older
// change never lands after a newer one. A failed task does not stop the ones queued after it.

export class KeyedQueue {
  private readonly queues = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    this.queues.set(key, run);
    try {
      return await run;
    } finally {
      // The last task of a key removes it, so the map does not grow with every path ever written.
      if (this.queues.get(key) === run) this.queues.delete(key);
    }
  }
}
