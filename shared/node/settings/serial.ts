// Node only.
// Runs read-modify-write steps on one file strictly one after another: two saves at the same
// time must not lose each other's change. A failed step does not stop the ones after it.

export type Serial = <T>(work: () => Promise<T>) => Promise<T>;

export function serialQueue(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
