// The outbox's words: each state's label and sentence, the queued time, both sides of a conflict,
// and the news toasts (only for jobs the page already knew in another state).
import { describe, expect, it } from 'vitest';
import { fieldValue, queuedText, sideText, stateDetail, stateLabel } from '../../../renderer/src/state/outbox-text';
import { badgeCount, newsBetween, sendableCount } from '../../../renderer/src/state/outbox-state';
import { job, view } from './outbox-fixtures';

describe('outbox wording', () => {
  it('labels every state and says what happens next', () => {
    expect(stateLabel(job('a'))).toBe('Waiting');
    expect(stateDetail(job('a'))).toBe('Goes out as soon as “Team S3” can be reached.');
    expect(stateDetail(job('a', { attempts: 3 }))).toBe('Goes out as soon as “Team S3” can be reached (tried 3 times so far).');
    expect(stateLabel(job('a', { state: 'sending' }))).toBe('Sending…');
    const failed = job('a', { state: 'failed', reason: 'The key was refused by the bucket.' });
    expect(stateLabel(failed)).toBe('Failed');
    expect(stateDetail(failed)).toBe('The key was refused by the bucket. It stays in the outbox: fix what is said, then press Retry.');
    expect(stateLabel(job('a', { state: 'conflict' }))).toBe('Conflict');
    const delivered = job('a', { state: 'delivered', delivered: { version: '1.2.0', at: '2026-01-02T11:30:00Z', address: 's3://acme/finance/price-list/product.yaml' } });
    expect(stateLabel(delivered)).toBe('Delivered v1.2.0');
    expect(stateDetail(delivered)).toBe('Published on 2026-01-02 11:30.');
  });

  it('says when and from where a job was queued', () => {
    expect(queuedText(job('a'))).toBe('Queued 2026-01-02 10:15');
    expect(queuedText(job('a', { queuedBy: 'cli' }))).toBe('Queued 2026-01-02 10:15 from the command line');
  });

  it('describes both sides of a conflict', () => {
    expect(sideText({ version: '1.3.0', publishedAt: '2026-01-03T08:00:00Z', publishedBy: 'Ben Ortiz', meta: { name: 'x' } as never, columns: [] })).toBe('v1.3.0, published 2026-01-03 08:00 by Ben Ortiz');
    expect(sideText({ version: '1.3.0', meta: { name: 'x' } as never, columns: [] })).toBe('v1.3.0');
    expect(sideText({ version: null, meta: { name: 'x' } as never, columns: [] })).toBe('a new product, not published yet');
    expect(fieldValue('')).toBe('(empty)');
    expect(fieldValue(undefined)).toBe('(empty)');
    expect(fieldValue('Weekly')).toBe('Weekly');
  });

  it('counts what needs to go out and what Send now would send', () => {
    const v = view([job('a'), job('b', { state: 'failed' }), job('c', { state: 'conflict' }), job('d', { state: 'delivered' }), job('e', { state: 'sending' })]);
    expect(badgeCount(v)).toBe(4);
    expect(sendableCount(v)).toBe(2);
    expect(badgeCount(null)).toBe(0);
  });

  it('brings news only for known jobs that changed to delivered or conflict', () => {
    const before = view([job('a'), job('b'), job('c', { state: 'failed' })]);
    const after = view([job('a', { state: 'delivered' }), job('b', { state: 'conflict', title: '' }), job('c', { state: 'waiting' }), job('n', { state: 'delivered' })]);
    const news = newsBetween(before, after);
    expect(news.map((t) => t.id)).toEqual(['a:delivered', 'b:conflict']);
    expect(news[0]!.text).toBe('“Price list” was published to “Team S3”.');
    expect(news[1]!.text).toMatch(/^“price-list” was not sent: someone published a newer version on “Team S3” meanwhile/);
    expect(newsBetween(null, after)).toEqual([]);
  });
});

describe('progress of sends the host starts by itself', () => {
  it('keeps the progress per job until it is done, and ignores other jobs', async () => {
    const { initialOutboxState, progressOf, sendProgress } = await import('../../../renderer/src/state/outbox-state');
    let s = sendProgress(initialOutboxState, { jobId: 'outbox-a', phase: 'uploading', bytesDone: 5, bytesTotal: 10, rows: 3 });
    expect(progressOf(s, { id: 'a', state: 'sending' })?.bytesDone).toBe(5);
    expect(progressOf(s, { id: 'a', state: 'waiting' })).toBeNull();
    expect(sendProgress(s, { jobId: 'inspect-1', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 0 })).toBe(s);
    s = sendProgress(s, { jobId: 'outbox-a', phase: 'done', bytesDone: 10, bytesTotal: 10, rows: 3 });
    expect(s.autoProgress).toEqual({});
  });
});

describe('the queued message', () => {
  it('gives the first sentence of the reason after a colon and keeps the advice apart', async () => {
    const { queuedMessage, splitReason } = await import('../../../renderer/src/state/outbox-text');
    const folder = 'The mesh folder /mnt/drive/v1.2/mesh cannot be reached (it is not there). Check that its disk or network drive is connected. Nothing was published.';
    expect(splitReason(folder)).toEqual({ why: 'the mesh folder /mnt/drive/v1.2/mesh cannot be reached (it is not there)', advice: 'Check that its disk or network drive is connected.' });
    expect(queuedMessage('Team drive', folder)).toBe(
      '“Team drive” cannot be reached right now: the mesh folder /mnt/drive/v1.2/mesh cannot be reached (it is not there). Your product is queued and will be published as soon as it can be reached — you can close Mesh Desk meanwhile.',
    );
    expect(splitReason('Connection refused')).toEqual({ why: 'Connection refused', advice: null });
    expect(splitReason('  ')).toEqual({ why: 'it did not answer', advice: null });
  });

  it('opening a conflict takes its toast away', async () => {
    const { initialOutboxState, openOutbox } = await import('../../../renderer/src/state/outbox-state');
    const toasts = [
      { id: 'a:conflict', kind: 'conflict' as const, jobId: 'a', title: 't', text: 'x' },
      { id: 'b:delivered', kind: 'delivered' as const, jobId: 'b', title: 't', text: 'y' },
    ];
    expect(openOutbox({ ...initialOutboxState, toasts }, 'a').toasts.map((t) => t.id)).toEqual(['b:delivered']);
    expect(openOutbox({ ...initialOutboxState, toasts }).toasts).toHaveLength(2);
  });
});

describe('the reachability line', () => {
  it('reports the last probe only while something waits', async () => {
    const { reachabilityText } = await import('../../../renderer/src/state/outbox-text');
    const down = { reachable: false, reason: 'The S3 server did not answer. Check the network.', checkedAt: '2026-01-02T11:00:00Z' } as const;
    expect(reachabilityText(view([job('a')], down))).toBe('The mesh cannot be reached right now: the S3 server did not answer. Mesh Desk keeps trying by itself; last tried 2026-01-02 11:00.');
    expect(reachabilityText(view([job('a', { state: 'delivered' })], down))).toBe('Publishes wait here while their mesh cannot be reached, and go out by themselves once it can.');
    expect(reachabilityText(view([job('a')], { reachable: true }))).toBe('The mesh can be reached: waiting publishes go out by themselves.');
  });
});
