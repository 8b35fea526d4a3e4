import { describe, expect, it } from 'vitest';
import { SseParser, backoffDelay } from '../../../renderer/src/api/sse-parser';

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const p = new SseParser();
    const evs = p.feed('event: job.progress\ndata: {"rows":5}\n\n');
    expect(evs).toEqual([{ event: 'job.progress', data: '{"rows":5}' }]);
  });

  it('reassembles events split at every possible point, with any line ending', () => {
    const text = ': hello\r\nevent: a\r\ndata: 1\r\n\r\nevent: b\rdata: x\rdata: y\r\rdata:z\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 7) {
        const p = new SseParser();
        const evs = [...p.feed(text.slice(0, cut)), ...p.feed(text.slice(cut, cut2)), ...p.feed(text.slice(cut2))];
        expect(evs, `cuts at ${cut}, ${cut2}`).toEqual([
          { event: 'a', data: '1' },
          { event: 'b', data: 'x\ny' },
          { event: 'message', data: 'z' },
        ]);
      }
    }
  });

  it('ignores comments, unknown fields and events without data; keeps ids', () => {
    const p = new SseParser();
    expect(p.feed(':keep-alive\n\nevent: a\n\nretry: 10\nid: 7\ndata\n\n')).toEqual([{ event: 'message', data: '', id: '7' }]);
  });

  it('does not buffer without bound when no line ever ends', () => {
    const p = new SseParser();
    for (let i = 0; i < 5; i++) p.feed('x'.repeat(400_000));
    expect(p.feed('\nevent: ok\ndata: 1\n\n')).toEqual([{ event: 'ok', data: '1' }]);
  });
});

describe('backoffDelay', () => {
  it('doubles from half a second up to a ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => backoffDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffDelay(-1)).toBe(500);
  });
});
