// Node only.
// Server-sent events for the browser tab(s) of this host. The host is single-user and bound to
// loopback, so every event goes to every connected tab; each tab filters by its own job ids.
// A tab that stops reading is dropped rather than buffered without bound.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEvents, EventName } from '../../core/api/contract';

/** A comment line every so often keeps proxies and idle timers from closing the stream. */
export const KEEP_ALIVE_MS = 15_000;
/** Bytes a slow client may have waiting before it is disconnected. */
const MAX_BUFFERED_BYTES = 1 << 20;

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(keepAliveMs = KEEP_ALIVE_MS) {
    this.timer = setInterval(() => this.writeAll(': keep-alive\n\n'), keepAliveMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Turns the response into an event stream and keeps it until the client goes away. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // Sent at once so the client knows it is connected before the first event.
    res.write(': connected\n\n');
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  broadcast<E extends EventName>(name: E, payload: ApiEvents[E]): void {
    // JSON.stringify never emits a raw newline, so one data line always suffices.
    this.writeAll(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  /** Ends every stream (the host is closing). */
  close(): void {
    clearInterval(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(text: string): void {
    for (const res of this.clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        this.clients.delete(res);
        res.destroy();
        continue;
      }
      res.write(text);
    }
  }
}
