// Node only (tests). The one door for calls: names and inputs are checked against the
// contract, and nothing a handler throws escapes as an exception.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvents, ApiHandlers, CallContext, EventName } from '../../../shared/core/api/contract';
import { UserFacingError } from '../../../shared/core/result';
import { dispatchCall } from '../../../shared/node/api/dispatch';
import { createHandlers } from '../../../shared/node/api/handlers';
import { JobRunner } from '../../../shared/node/jobs/job-runner';
import { SourceRegistry } from '../../../shared/node/sources/source-registry';
import { MeshSettingsStore } from '../../../shared/node/settings/mesh-settings';
import { memorySecretStore } from '../../../shared/node/settings/secret-store';

const dataDir = mkdtempSync(join(tmpdir(), 'mesh-desk-dispatch-'));
const jobs = new JobRunner();
const sources = new SourceRegistry({ dataDir });
const browser = createHandlers({ mode: 'browser', version: '1.2.3', dataDir, sources, jobs, settings: new MeshSettingsStore(dataDir, memorySecretStore(), dataDir + '/mesh'), saveTarget: async () => null });
const events: { name: EventName; payload: unknown }[] = [];
const ctx: CallContext = {
  emit<E extends EventName>(name: E, payload: ApiEvents[E]) {
    events.push({ name, payload });
  },
};
afterAll(() => jobs.close());

describe('dispatchCall', () => {
  it('refuses unknown call names in words', async () => {
    for (const name of ['nope', '', 42, null, undefined, '__proto__', 'constructor', 'toString', 'app.info\n']) {
      const result = await dispatchCall(browser, name, {}, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message).toMatch(/does not know/);
      }
    }
  });

  it('refuses inputs that do not match the contract', async () => {
    const bad: [string, unknown][] = [
      ['app.info', { extra: 1 }],
      ['app.info', null],
      ['source.open', {}],
      ['source.open', { sourceId: '../../etc/passwd' }],
      ['source.open', { sourceId: 'a'.repeat(65) }],
      ['inspect.run', { jobId: 'j', sourceId: 's', headerRow: 0 }],
      ['inspect.run', { jobId: 'j', sourceId: 's', typeOverrides: { 1: 'money' } }],
      ['inspect.run', { jobId: 'j', sourceId: 's', path: '/etc/passwd' }],
      ['job.cancel', { jobId: 7 }],
      ['job.cancel', []],
      ['settings.get', { meshes: [] }],
      ['mesh.save', { name: 'x' }],
      ['mesh.save', { name: 'x', url: 's3://b', secretAccessKey: 1 }],
      ['mesh.save', { name: 'x', url: 's3://b', token: 'sneaky' }],
      ['mesh.remove', { id: '../x' }],
      ['mesh.test', {}],
      ['mesh.test', { id: 'a', draft: { name: 'x', url: 'file:///x' } }],
      ['publish.prepare', { jobId: 'j', sourceId: 's' }],
      ['publish.prepare', { jobId: 'j', sourceId: 's', meta: { name: 'p', columns: { a: { type: 'money' } } } }],
      ['publish.prepare', { jobId: 'j', sourceId: 's', meta: {}, extraSheets: [{ sheet: 'B', headerRow: -1 }] }],
      ['publish.run', { jobId: 'j', planId: 'p', bump: 'huge' }],
      ['publish.run', { jobId: 'j' }],
      ['catalog.list', { refresh: 'yes' }],
      ['product.get', { product: '../etc' }],
      ['product.get', {}],
      ['product.preview', { product: 'p1', version: 'latest' }],
      ['product.preview', { product: 'p1', endpoint: 'a/b' }],
    ];
    for (const [name, input] of bad) {
      const result = await dispatchCall(browser, name, input, ctx);
      expect(result, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!result.ok) expect(result.error.message).toContain(`"${name}" with missing or invalid details`);
    }
  });

  it('runs valid calls through the handlers', async () => {
    expect(await dispatchCall(browser, 'app.info', {}, ctx)).toEqual({
      ok: true,
      value: { name: 'Mesh Desk', version: '1.2.3', mode: 'browser', dataDir, nativeDialogs: false },
    });
    expect(await dispatchCall(browser, 'job.cancel', { jobId: 'not-running' }, ctx)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('says the dialog is not available in browser mode', async () => {
    const result = await dispatchCall(browser, 'source.pick', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-available' } });
  });

  it('uses the native dialog when there is one', async () => {
    const file = join(dataDir, 'picked.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    let answer: string | null = file;
    const electron = createHandlers({ mode: 'electron', version: '1', dataDir, sources, jobs, settings: new MeshSettingsStore(dataDir, memorySecretStore(), dataDir + '/mesh'), pickFile: async () => answer, saveTarget: async () => null });
    const picked = await dispatchCall(electron, 'source.pick', {}, ctx);
    expect(picked).toMatchObject({ ok: true, value: { name: 'picked.csv', size: 8 } });
    expect(JSON.stringify(picked)).not.toContain(dataDir);
    answer = null;
    expect(await dispatchCall(electron, 'source.pick', {}, ctx)).toEqual({ ok: true, value: null });
    expect(await dispatchCall(electron, 'app.info', {}, ctx)).toMatchObject({ ok: true, value: { nativeDialogs: true } });
  });

  it('answers an unknown source id in words, for open and inspect', async () => {
    const opened = await dispatchCall(browser, 'source.open', { sourceId: 'unknownId' }, ctx);
    expect(opened).toMatchObject({ ok: false, error: { code: 'source.unknown' } });
    const inspected = await dispatchCall(browser, 'inspect.run', { jobId: 'j1', sourceId: 'unknownId' }, ctx);
    expect(inspected).toMatchObject({ ok: false, error: { code: 'source.unknown' } });
  });

  it('turns anything a handler throws into a Result', async () => {
    const throwing = {
      ...browser,
      'app.info': async () => {
        throw new Error('disk on fire');
      },
      'job.cancel': async () => {
        throw new UserFacingError('job.odd', 'Plain words.');
      },
    } satisfies ApiHandlers;
    const internal = await dispatchCall(throwing, 'app.info', {}, ctx);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!internal.ok) expect(internal.error.message).toContain('disk on fire');
    expect(await dispatchCall(throwing, 'job.cancel', { jobId: 'x' }, ctx)).toEqual({
      ok: false,
      error: { code: 'job.odd', message: 'Plain words.' },
    });
  });
});
