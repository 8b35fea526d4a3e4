// The outbox store against a scripted host: it loads the queue, follows 'outbox.changed', raises
// a toast (and a system notification) only when a known job becomes delivered or conflict, sends
// with progress and Cancel, sends when the browser reports 'online', removes, and resolves.
import { describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../../renderer/src/state/outbox-store';
import type { OutboxToast } from '../../../renderer/src/state/outbox-state';
import { SEND_STOPPED, badgeCount } from '../../../renderer/src/state/outbox-state';
import { job, scriptedApi, tick, view } from './outbox-fixtures';

async function started(initial = view([job('a'), job('b', { state: 'failed', reason: 'The bucket refused the key.' })])) {
  const h = scriptedApi();
  const online = new EventTarget();
  const notified: OutboxToast[] = [];
  let n = 0;
  const store = createOutboxStore(h.api, { newJobId: () => `send${++n}`, notify: (t) => notified.push(t), online });
  (await h.next('outbox.list')).answer({ ok: true, value: initial });
  await tick();
  return { ...h, store, s: () => store.getState(), a: store.getState().actions, online, notified };
}

describe('outbox store', () => {
  it('loads the queue at start and counts what still needs to go out', async () => {
    const h = await started(view([job('a'), job('b', { state: 'conflict' }), job('c', { state: 'delivered', delivered: { version: '1.1.0', at: '2026-01-02T11:00:00Z', address: 'x' } })]));
    expect(h.s().view?.jobs.map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(badgeCount(h.s().view)).toBe(2);
    // Loading never announces old news: the delivered job was delivered before this page existed.
    expect(h.s().toasts).toEqual([]);
    expect(h.notified).toEqual([]);
  });

  it('follows outbox.changed and announces a delivery and a conflict once each', async () => {
    const h = await started();
    h.emit('outbox.changed', view([job('a', { state: 'sending' }), job('b', { state: 'failed' })]));
    expect(h.s().toasts).toEqual([]);
    const delivered = view([job('a', { state: 'delivered', delivered: { version: '1.1.0', at: '2026-01-02T11:00:00Z', address: 'x' } }), job('b', { state: 'conflict' })]);
    h.emit('outbox.changed', delivered);
    expect(h.s().toasts.map((t) => t.kind)).toEqual(['delivered', 'conflict']);
    expect(h.s().toasts[0]!.text).toBe('“Price list” was published to “Team S3” as v1.1.0.');
    expect(h.notified.map((t) => t.id)).toEqual(['a:delivered', 'b:conflict']);
    expect(badgeCount(h.s().view)).toBe(1);
    // The same view again (the answer of a send that ran meanwhile) adds nothing.
    h.emit('outbox.changed', delivered);
    expect(h.s().toasts).toHaveLength(2);
    expect(h.notified).toHaveLength(2);
    h.a.dismissToast('a:delivered');
    expect(h.s().toasts.map((t) => t.id)).toEqual(['b:conflict']);
  });

  it('sends now with progress, refuses a second send meanwhile, and can cancel', async () => {
    const h = await started();
    void h.a.send();
    void h.a.send();
    const send = await h.next('outbox.send');
    expect(send.input).toEqual({ jobId: 'send1' });
    expect(h.calls.filter((c) => c.name === 'outbox.send')).toHaveLength(1);
    h.emit('job.progress', { jobId: 'other', phase: 'uploading', bytesDone: 1, bytesTotal: 2, rows: 0 });
    expect(h.s().sending?.progress).toBeNull();
    h.emit('job.progress', { jobId: 'send1', phase: 'uploading', bytesDone: 50, bytesTotal: 200, rows: 10 });
    expect(h.s().sending?.progress?.bytesDone).toBe(50);
    await h.a.cancelSend();
    expect(h.calls).toContainEqual({ name: 'job.cancel', input: { jobId: 'send1' } });
    expect(h.s().sending?.cancelling).toBe(true);
    send.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    await tick();
    expect(h.s()).toMatchObject({ sending: null, notice: SEND_STOPPED, error: null });
  });

  it('retries one job and shows the new view it answers with', async () => {
    const h = await started();
    void h.a.send('b');
    const send = await h.next('outbox.send');
    expect(send.input).toEqual({ jobId: 'send1', id: 'b' });
    send.answer({ ok: true, value: view([job('a'), job('b', { state: 'failed', attempts: 2, reason: 'Still refused.' })]) });
    await tick();
    expect(h.s().sending).toBeNull();
    expect(h.s().view?.jobs[1]).toMatchObject({ attempts: 2, reason: 'Still refused.' });
    // The host was sending by itself at that moment: said as news, not as a failure.
    void h.a.send();
    (await h.next('outbox.send')).answer({ ok: false, error: { code: 'outbox.busy', message: 'The outbox is being sent right now.' } });
    await tick();
    expect(h.s()).toMatchObject({ sending: null, error: null, notice: 'The outbox is being sent right now.' });
    h.emit('outbox.changed', view([job('a', { state: 'sending' }), job('b', { state: 'failed' })]));
    expect(h.s().notice).toBe('The outbox is being sent right now.');
    h.emit('outbox.changed', view([job('a', { state: 'delivered' }), job('b', { state: 'failed' })]));
    expect(h.s().notice).toBeNull();
  });

  it('sends by itself when the browser goes online, only if something can be sent', async () => {
    const h = await started();
    h.online.dispatchEvent(new Event('online'));
    const send = await h.next('outbox.send');
    expect(send.input).toEqual({ jobId: 'send1' });
    // The host was sending already: no error for a send the owner did not ask for.
    send.answer({ ok: false, error: { code: 'outbox.busy', message: 'The outbox is being sent right now.' } });
    await tick();
    expect(h.s()).toMatchObject({ sending: null, error: null });
    h.emit('outbox.changed', view([job('b', { state: 'conflict' })]));
    h.online.dispatchEvent(new Event('online'));
    await tick();
    expect(h.calls.filter((c) => c.name === 'outbox.send')).toHaveLength(1);
    h.a.dispose();
    expect(h.listening('outbox.changed')).toBe(0);
  });

  it('removes a job and says the draft is kept; a failed remove shows the reason', async () => {
    const h = await started();
    void h.a.remove('a');
    expect(h.s().busyId).toBe('a');
    (await h.next('outbox.remove')).answer({ ok: true, value: view([job('b', { state: 'failed' })]) });
    await tick();
    expect(h.s()).toMatchObject({ busyId: null, notice: 'Removed from the outbox. Your draft is kept.' });
    void h.a.remove('b');
    (await h.next('outbox.remove')).answer({ ok: false, error: { code: 'outbox.busy', message: 'It is being sent right now.' } });
    await tick();
    expect(h.s()).toMatchObject({ busyId: null, error: { message: 'It is being sent right now.' } });
  });

  it('resolves a conflict: keep mine leaves the sending to the host; keep theirs drops the job', async () => {
    const h = await started(view([job('a', { state: 'conflict' }), job('b', { state: 'conflict' })]));
    h.a.open('a');
    expect(h.s()).toMatchObject({ open: true, conflictId: 'a' });
    const mine = h.a.resolve({ id: 'a', choice: 'mine', fields: { title: 'theirs' } });
    const call = await h.next('outbox.resolve');
    expect(call.input).toEqual({ id: 'a', choice: 'mine', fields: { title: 'theirs' } });
    call.answer({ ok: true, value: view([job('a'), job('b', { state: 'conflict' })]) });
    expect((await mine).ok).toBe(true);
    expect(h.s().conflictId).toBeNull();
    expect(h.s().notice).toMatch(/queued again, on top of theirs/);
    void h.a.resolve({ id: 'b', choice: 'theirs' });
    (await h.next('outbox.resolve')).answer({ ok: true, value: view([job('a')]) });
    await tick();
    expect(h.calls.filter((c) => c.name === 'outbox.send')).toHaveLength(0);
    expect(h.s().notice).toMatch(/Kept their version/);
  });

  it('closes the conflict view when the conflict was resolved elsewhere', async () => {
    const h = await started(view([job('a', { state: 'conflict' })]));
    h.a.open('a');
    h.emit('outbox.changed', view([job('a', { state: 'waiting' })]));
    expect(h.s()).toMatchObject({ open: true, conflictId: null });
  });
});
