// Pure transitions of the Publish step and the Settings screen.
import { describe, expect, it } from 'vitest';
import type { MeshSettings, PublishProposal } from '../../../shared/core/api/contract';
import * as P from '../../../renderer/src/state/publish-state';
import * as G from '../../../renderer/src/state/settings-state';

const check = { findings: [], blocking: 0, warnings: 0, canPublish: true, suggestions: [], partRows: 1000 };
const proposal = (patch: Partial<PublishProposal> = {}): PublishProposal => ({
  planId: 'plan1', meshName: 'Local', mesh: 'file:///m', product: 'p', address: 'file:///m/p/product.yaml', current: null,
  version: '1.0.0', required: 'initial', changes: [], reason: 'first version', choices: [{ bump: 'major', version: '1.0.0' }],
  endpoints: [], partRows: 1000, check, policySource: 'built-in', ...patch,
});
const request = { sourceId: 'src1', meta: { name: 'p' } };

describe('publish transitions', () => {
  it('preselects the required version, or the first choice for a new product', () => {
    expect(P.defaultBump(proposal())).toBe('major');
    expect(P.defaultBump(proposal({ required: 'minor', choices: [{ bump: 'minor', version: '1.3.0' }, { bump: 'major', version: '2.0.0' }] }))).toBe('minor');
    expect(P.defaultBump(proposal({ choices: [] }))).toBeNull();
  });

  it('keeps the further sheets chosen across prepares, and not while a job runs', () => {
    let s = P.toggleExtraSheet(P.initialPublishState, 'Contacts', true);
    expect(s.extraSheets).toEqual(['Contacts']);
    expect(P.toggleExtraSheet(s, 'Contacts', true)).toBe(s);
    s = P.prepareStarted(s, 'j1', request, 0);
    expect(s.extraSheets).toEqual(['Contacts']);
    expect(P.toggleExtraSheet(s, 'Regions', true)).toBe(s); // preparing: the choice waits
    s = P.prepareFinished(s, 'j1', { ok: true, value: proposal() });
    expect(P.toggleExtraSheet(s, 'Contacts', false).extraSheets).toEqual([]);
  });

  it('ignores answers for a job that is not the current one', () => {
    const s = P.prepareStarted(P.initialPublishState, 'j2', request, 0);
    expect(P.prepareFinished(s, 'j1', { ok: true, value: proposal() })).toBe(s);
    expect(P.runFinished(s, 'j2', { ok: false, error: { code: 'x', message: 'y' } })).toBe(s); // a prepare job, not a run
    expect(P.publishProgress(s, { jobId: 'j1', phase: 'reading', bytesDone: 1, bytesTotal: 2, rows: 0 })).toBe(s);
  });

  it('runs only a publishable proposal with a version chosen', () => {
    let s = P.prepareFinished(P.prepareStarted(P.initialPublishState, 'j1', request, 0), 'j1', { ok: true, value: proposal({ check: { ...check, canPublish: false, blocking: 2 } }) });
    expect(P.canRun(s)).toBe(false);
    expect(P.runStarted(s, 'r1')).toBe(s);
    s = P.prepareFinished(P.prepareStarted(s, 'j2', request, 0), 'j2', { ok: true, value: proposal() });
    expect(P.canRun(s)).toBe(true);
    s = P.runStarted(s, 'r1');
    expect(s).toMatchObject({ stage: 'running', job: { id: 'r1', kind: 'run' } });
    expect(P.chooseBump(s, 'major')).toBe(s);
  });

  it('tells the outcomes of a run apart: stopped, lost race, other failure', () => {
    const ready = P.prepareFinished(P.prepareStarted(P.initialPublishState, 'j1', request, 0), 'j1', { ok: true, value: proposal() });
    const running = P.runStarted(ready, 'r1');
    expect(P.runFinished(running, 'r1', { ok: false, error: { code: 'cancelled', message: 'c' } })).toMatchObject({ stage: 'ready', notice: P.RUN_STOPPED, error: null });
    const lost = P.runFinished(running, 'r1', { ok: false, error: { code: P.LOST_RACE, message: 'Ana was first.' } });
    expect(lost).toMatchObject({ stage: 'ready', conflict: { message: 'Ana was first.' }, error: null });
    expect(P.canRun(lost)).toBe(false);
    expect(P.runFinished(running, 'r1', { ok: false, error: { code: 'mesh.unreachable', message: 'No network.' } })).toMatchObject({ stage: 'ready', error: { message: 'No network.' } });
    const failedPrepare = P.prepareFinished(P.prepareStarted(P.initialPublishState, 'j9', request, 0), 'j9', { ok: false, error: { code: 'x', message: 'Bad.' } });
    expect(failedPrepare).toMatchObject({ stage: 'idle', error: { message: 'Bad.' }, request });
  });

  it('knows when the settings changed since the proposal', () => {
    const ready = P.prepareFinished(P.prepareStarted(P.initialPublishState, 'j1', request, 3), 'j1', { ok: true, value: proposal() });
    expect(P.settingsChangedSince(ready, 3)).toBe(false);
    expect(P.settingsChangedSince(ready, 4)).toBe(true);
    expect(P.settingsChangedSince(P.runStarted(ready, 'r1'), 4)).toBe(false);
    expect(P.settingsChangedSince(P.initialPublishState, 4)).toBe(false);
  });
});

const settings = (active: string): MeshSettings => ({ meshes: [{ id: 'a', name: 'A', url: 'file:///a', kind: 'file', hasSavedKeys: false, builtIn: true }], activeMeshId: active, keysPersist: true });

describe('settings transitions', () => {
  it('applies answers in call order and counts changes', () => {
    let s = G.callStarted(G.initialSettingsState, 'get');
    const getSeq = s.seq;
    s = G.callStarted(s, 'use', 'a');
    const useSeq = s.seq;
    expect(s.busy).toEqual({ call: 'use', seq: useSeq, meshId: 'a' });
    s = G.callFinished(s, 'use', useSeq, { ok: true, value: settings('a') }, 'A');
    expect(s).toMatchObject({ busy: null, revision: 1, notice: 'Products will now be published to “A”.' });
    const after = G.callFinished(s, 'get', getSeq, { ok: true, value: settings('old') });
    expect(after.settings?.activeMeshId).toBe('a');
    expect(G.activeMesh(after)?.name).toBe('A');
  });

  it('drops a test answer once the form changed', () => {
    let s = G.startForm(G.openSettings(G.initialSettingsState));
    s = G.testStarted(s);
    const seq = s.seq;
    const edited = G.formEdited(s, (f) => ({ ...f, name: 'x' }));
    expect(edited.test).toBeNull();
    expect(G.testFinished(edited, seq, { ok: true, value: { message: 'ok' } })).toBe(edited);
    expect(G.testFinished(s, seq, { ok: true, value: { message: 'Connected.' } }).test).toEqual({ seq, running: false, ok: true, message: 'Connected.' });
  });
});
