// Node only (tests). The job runner against a real worker thread (test-worker.ts): results,
// throttled progress, cooperative and forced cancel, crashes, memory limit and the queue.
import { describe, expect, it, afterEach } from 'vitest';
import { JobRunner, type JobRunnerOptions } from '../../../shared/node/jobs/job-runner';

const workerUrl = new URL('./fixtures/test-worker.mjs', import.meta.url);
const runners: JobRunner[] = [];
function runner(opts: JobRunnerOptions = {}): JobRunner {
  const r = new JobRunner({ workerUrl, ...opts });
  runners.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

describe('JobRunner', () => {
  it('runs a task in a worker and returns its Result, leaving no thread behind', async () => {
    const jobs = runner();
    const result = await jobs.run('echo', { hello: ['world', 1] });
    expect(result).toEqual({ ok: true, value: { hello: ['world', 1] } });
    expect(jobs.liveWorkers).toBe(0);
  });

  it('throttles progress to about ten updates a second', async () => {
    const jobs = runner();
    const updates: number[] = [];
    const result = await jobs.run<{ rows: number }>('count', { ms: 1000 }, { onProgress: () => updates.push(Date.now()) });
    expect(result.ok).toBe(true);
    // ~1000 updates were pushed by the task; 1 s at 100 ms intervals lets through about 10.
    expect(updates.length).toBeGreaterThanOrEqual(5);
    expect(updates.length).toBeLessThanOrEqual(13);
  });

  it('cancels a cooperative task quickly with a "cancelled" error', async () => {
    // A long grace period: only the task's own reaction to its signal can end it this soon.
    const jobs = runner({ cancelGraceMs: 10_000 });
    let progressed!: () => void;
    const firstProgress = new Promise<void>((r) => (progressed = r));
    const pending = jobs.run('count', { ms: 30_000 }, { jobId: 'job-1', onProgress: () => progressed() });
    await firstProgress;
    expect(jobs.isActive('job-1')).toBe(true);
    const asked = Date.now();
    expect(jobs.cancel('job-1')).toBe(true);
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(Date.now() - asked).toBeLessThan(5000);
    expect(jobs.liveWorkers).toBe(0);
    expect(jobs.cancel('job-1')).toBe(false);
  });

  it('terminates a task that ignores the cancel after the grace period', async () => {
    const jobs = runner({ cancelGraceMs: 300 });
    const pending = jobs.run('spin', null, { jobId: 'stuck' });
    await new Promise((r) => setTimeout(r, 600));
    const asked = Date.now();
    jobs.cancel('stuck');
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(250);
    expect(Date.now() - asked).toBeLessThan(4000);
    expect(jobs.liveWorkers).toBe(0);
  });

  it('cancels through an AbortSignal', async () => {
    const jobs = runner();
    const controller = new AbortController();
    const pending = jobs.run('count', { ms: 30_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 400);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('turns a thrown error into an internal Result error in words', async () => {
    const result = await runner().run('fail', null);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('planned failure');
  });

  it('reports a worker that exits or throws outside the task as a crash, never a hang', async () => {
    const jobs = runner();
    const exited = await jobs.run('exit', null);
    expect(exited).toMatchObject({ ok: false, error: { code: 'job.crashed' } });
    if (!exited.ok) expect(exited.error.message).toMatch(/stopped unexpectedly/);
    const uncaught = await jobs.run('uncaught', null);
    expect(uncaught).toMatchObject({ ok: false, error: { code: 'job.crashed' } });
    if (!uncaught.ok) expect(uncaught.error.message).toContain('thrown outside the task');
    expect(jobs.liveWorkers).toBe(0);
  });

  it('stops a worker that exceeds its memory limit', async () => {
    const result = await runner({ maxMemoryMb: 64 }).run('hog', null);
    expect(result).toMatchObject({ ok: false, error: { code: 'job.out-of-memory' } });
  });

  it('reports a result that cannot cross threads as an error', async () => {
    const result = await runner().run('unclonable', null);
    expect(result.ok).toBe(false);
  });

  it('reports a missing worker file as a crash', async () => {
    const jobs = runner({ workerUrl: new URL('./fixtures/no-such-worker.mjs', import.meta.url) });
    expect(await jobs.run('echo', 1)).toMatchObject({ ok: false, error: { code: 'job.crashed' } });
  });

  it('queues jobs beyond the limit, and a queued job can be cancelled without starting', async () => {
    const jobs = runner({ maxConcurrent: 1 });
    const first = jobs.run('count', { ms: 800 }, { jobId: 'first' });
    const second = jobs.run('echo', 'second', { jobId: 'second' });
    const third = jobs.run('echo', 'third', { jobId: 'third' });
    await new Promise((r) => setTimeout(r, 100));
    expect(jobs.liveWorkers).toBe(1);
    expect(jobs.cancel('third')).toBe(true);
    expect(await third).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await first).ok).toBe(true);
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('refuses a second job with the id of a running one', async () => {
    const jobs = runner();
    const first = jobs.run('count', { ms: 300 }, { jobId: 'same' });
    expect(await jobs.run('echo', 1, { jobId: 'same' })).toMatchObject({ ok: false, error: { code: 'job.duplicate' } });
    expect((await first).ok).toBe(true);
  });

  it('keeps one started worker ready for the next job, and uses it', async () => {
    const jobs = runner();
    jobs.warmUp();
    expect(jobs.spareWorkers).toBe(1);
    expect(await jobs.run('echo', 'from the spare')).toEqual({ ok: true, value: 'from the spare' });
    // A new spare is started shortly after the old one was taken.
    await new Promise((r) => setTimeout(r, 200));
    expect(jobs.spareWorkers).toBe(1);
    await jobs.close();
    expect(jobs.spareWorkers).toBe(0);
    const without = runner({ keepSpare: false });
    without.warmUp();
    expect(without.spareWorkers).toBe(0);
  });

  it('close() ends running jobs and refuses new ones', async () => {
    const jobs = runner();
    const pending = jobs.run('spin', null);
    await new Promise((r) => setTimeout(r, 300));
    await jobs.close();
    expect((await pending).ok).toBe(false);
    expect(jobs.liveWorkers).toBe(0);
    expect(await jobs.run('echo', 1)).toMatchObject({ ok: false, error: { code: 'job.closed' } });
  });
});
