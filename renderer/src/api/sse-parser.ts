// Browser (renderer). Incremental parser for a text/event-stream body. EventSource cannot send
// an Authorization header, so events are read with fetch and parsed here; chunks may split
// anywhere, even between "\r" and "\n".

export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private lastId: string | undefined;
  /** The previous chunk ended in "\r": a "\n" starting the next one belongs to that line end. */
  private pendingCr = false;

  /** Feeds decoded text; returns the events completed by it. */
  feed(chunk: string): ServerSentEvent[] {
    const out: ServerSentEvent[] = [];
    if (chunk === '') return out;
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;

    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.buffer.slice(start, i);
      if (c === 13) {
        if (i + 1 < this.buffer.length) {
          if (this.buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      const ev = this.line(line);
      if (ev) out.push(ev);
    }
    this.buffer = this.buffer.slice(start);
    // A server that never sends a line end must not grow this buffer without bound.
    if (this.buffer.length > 1 << 20) this.buffer = '';
    return out;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.lastId = value;
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const type = this.eventType || 'message';
    const data = this.data;
    this.eventType = '';
    this.data = [];
    if (data.length === 0) return undefined;
    const ev: ServerSentEvent = { event: type, data: data.join('\n') };
    if (this.lastId !== undefined) ev.id = this.lastId;
    return ev;
  }
}

/** Wait before reconnect attempt n (0-based): 0.5 s doubling to at most 15 s. */
export function backoffDelay(attempt: number, initialMs = 500, maxMs = 15_000): number {
  const n = Math.max(0, Math.min(30, Math.floor(attempt)));
  return Math.min(maxMs, initialMs * 2 ** n);
}
