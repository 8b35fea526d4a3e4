// Browser (renderer). Keeps one GET /api/events stream open while anyone listens, hands each
// event to its listeners, and reconnects with growing pauses when the stream drops.

import type { ApiEvents, EventName } from '../../../shared/core/api/contract';
import { EVENT_NAMES } from '../../../shared/core/api/contract';
import { SseParser, backoffDelay } from './sse-parser';

type AnyListener = (payload: never) => void;

export interface EventStreamOptions {
  url: string;
  headers: () => Record<string, string>;
  fetch: typeof fetch;
  /** For tests: how to wait between reconnects. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

export class EventStream {
  private readonly listeners = new Map<EventName, Set<AnyListener>>();
  private controller: AbortController | null = null;
  private readonly opts: EventStreamOptions;
  /** Times the stream has (re)opened successfully; lets tests and diagnostics see reconnects. */
  connections = 0;

  constructor(opts: EventStreamOptions) {
    this.opts = opts;
  }

  on<E extends EventName>(name: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const l = listener as AnyListener;
    set.add(l);
    if (!this.controller) this.start();
    return () => {
      set.delete(l);
      if (this.listenerCount() === 0) this.stop();
    };
  }

  private listenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private start(): void {
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const sleep = this.opts.sleep ?? defaultSleep;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const res = await this.opts.fetch(this.opts.url, {
          headers: { Accept: 'text/event-stream', ...this.opts.headers() },
          signal,
          cache: 'no-store',
        });
        if (res.ok && res.body) {
          attempt = 0;
          this.connections++;
          await this.read(res.body, signal);
        } else {
          await res.body?.cancel().catch(() => undefined);
        }
      } catch {
        // Dropped or refused: fall through to the pause and try again.
      }
      if (signal.aborted) break;
      await sleep(backoffDelay(attempt++), signal);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    const onAbort = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const ev of parser.feed(decoder.decode(value, { stream: true }))) this.dispatch(ev.event, ev.data);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private dispatch(name: string, data: string): void {
    if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // a garbled event is dropped, not fatal
    }
    for (const l of [...(this.listeners.get(name as EventName) ?? [])]) {
      try {
        (l as (p: unknown) => void)(payload);
      } catch (e) {
        console.error('Mesh Desk: an event listener failed', e);
      }
    }
  }
}
