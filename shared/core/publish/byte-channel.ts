// Runs anywhere (pure core).
// A one-producer, one-consumer queue of byte chunks with backpressure: a large data part is
// handed to the store as a stream while it is still being written, and the producer waits when
// the store falls behind, so a part of a million rows never sits in memory whole.

export class ByteChannel implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private buffered = 0;
  private closed = false;
  private failure: unknown;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  /** Queues a chunk; resolves once the queue is below its limit again. */
  async push(chunk: Uint8Array): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.chunks.push(chunk);
    this.buffered += chunk.byteLength;
    this.wake();
    while (this.buffered > this.limit && this.failure === undefined) {
      await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    }
    if (this.failure !== undefined) throw this.failure;
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The consumer gave up (the upload failed): the producer's next push throws this. */
  fail(error: unknown): void {
    this.failure = error ?? new Error('stopped');
    this.chunks.length = 0;
    this.buffered = 0;
    this.wakeProducer?.();
    this.wake();
  }

  private wake(): void {
    const w = this.wakeConsumer;
    this.wakeConsumer = undefined;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = this.chunks.shift();
      if (next !== undefined) {
        this.buffered -= next.byteLength;
        if (this.buffered <= this.limit) {
          const w = this.wakeProducer;
          this.wakeProducer = undefined;
          w?.();
        }
        yield next;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }
}
