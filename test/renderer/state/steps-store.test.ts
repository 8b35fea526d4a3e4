// Import ⇄ Describe ⇄ Check through the real store against a scripted host: the description is
// seeded once, survives moving between steps and re-checks, and the check sends it with the waivers.
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, SourceOverview } from '../../../shared/core/api/contract';
import type { ColumnProfile, InspectReport } from '../../../shared/core/inspect/report';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';
import { createImportStore } from '../../../renderer/src/state/import-store';
import * as D from '../../../renderer/src/state/describe-state';
import { checkIsStale } from '../../../renderer/src/state/steps-state';

interface Pending {
  name: CallName;
  input: unknown;
  answer(r: Result<unknown>): void;
}

function scripted(extra: Partial<RendererApi> = {}) {
  const pending: Pending[] = [];
  const api: RendererApi = {
    call<K extends CallName>(name: K, input: CallInput<K>) {
      return new Promise<Result<CallOutput<K>>>((resolve) => pending.push({ name, input, answer: (r) => resolve(r as Result<CallOutput<K>>) }));
    },
    on: () => () => {},
    addLocalFile: () => Promise.resolve({ ok: true, value: overview.source }),
    ...extra,
  };
  async function next(name: CallName): Promise<Pending> {
    for (let i = 0; i < 50; i++) {
      const at = pending.findIndex((p) => p.name === name);
      if (at >= 0) return pending.splice(at, 1)[0]!;
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error(`no ${name} call`);
  }
  return { api, next, pending };
}

const column = (index: number, letter: string, name: string, type: ColumnProfile['type'], examples: string[]): ColumnProfile => ({
  index, letter, name, header: name, type, inferredType: type, filled: 3, empty: 0, distinct: 3, distinctExact: true,
  min: null, max: null, top: [], nonConforming: 0, examples,
});

const overview: SourceOverview = {
  source: { id: 'src1', name: 'Price list.csv', size: 100 },
  format: 'csv',
  sheets: [{ name: 'Price list', index: 0 }],
  problems: [],
};

const sheet = {
  name: 'Price list', headerRow: 1, headerDetected: true, rows: 3,
  columns: [column(0, 'A', 'Code', 'text', ['A1', 'A2']), column(1, 'B', 'Price', 'number', ['1.5'])],
  preview: { rowNumbers: [2, 3, 4], cells: [], truncated: false },
};
const report: InspectReport = { file: 'Price list.csv', format: 'csv', sheetList: overview.sheets, sheets: [sheet], problems: [], elapsedMs: 1 };
const checked: InspectReport = {
  ...report,
  check: {
    findings: [{ severity: 'warning', code: 'check.spaces', message: 'Spaces', column: 'A', sheet: 'Price list', count: 2, examples: [], blocking: false }],
    blocking: 0, warnings: 1, canPublish: true, suggestions: [], partRows: 1000,
  },
};

async function opened(extra: Partial<RendererApi> = {}) {
  const h = scripted(extra);
  let n = 0;
  const store = createImportStore(h.api, { newJobId: () => `job${++n}`, deliver: (name, blob) => delivered.push({ name, size: blob.size }) });
  const delivered: { name: string; size: number }[] = [];
  const done = store.getState().actions.addFile({ name: 'Price list.csv', size: 100, lastModified: 0 });
  (await h.next('source.open')).answer({ ok: true, value: overview });
  (await h.next('inspect.run')).answer({ ok: true, value: report });
  await done;
  return { ...h, store, s: () => store.getState(), a: store.getState().actions, delivered };
}

describe('steps', () => {
  it('refuses Describe until the sheet is read, then seeds the description once', async () => {
    const h = scripted();
    const store = createImportStore(h.api, { newJobId: () => 'j' });
    store.getState().actions.goTo('describe');
    expect(store.getState().screen).toBe('home');

    const t = await opened();
    t.a.goTo('describe');
    expect(t.s().screen).toBe('describe');
    expect(t.s().draft.meta).toMatchObject({ name: 'price-list', title: 'Price List', columns: { Code: { examples: ['A1', 'A2'] } } });
    t.a.updateDraft((d) => D.setProductField(d, 'title', 'Prices 2026'));
    t.a.updateDraft((d) => D.setColumnMeta(d, 'Price', { description: 'EUR' }));
    t.a.goTo('import');
    t.a.goTo('describe');
    expect(t.s().draft.meta.title).toBe('Prices 2026');
    expect(t.s().draft.meta.columns?.Price?.description).toBe('EUR');
    // Plain data all the way: a later issue saves the draft as JSON.
    expect(JSON.parse(JSON.stringify(t.s().draft))).toEqual(t.s().draft);
  });

  it('runs the check with the description and waivers, keeps everything when re-checking', async () => {
    const t = await opened();
    t.a.goTo('describe');
    t.a.updateDraft((d) => D.setColumnMeta(d, 'Code', { required: true }));
    t.a.goTo('check');
    const run = await t.next('inspect.run');
    const input = run.input as CallInput<'inspect.run'>;
    expect(input).toMatchObject({ jobId: 'job2', sourceId: 'src1', sheet: 'Price list', waivers: [] });
    expect(input.meta).toMatchObject({ name: 'price-list', sheet: 'Price list', headerRow: 1, columns: { Code: { required: true, type: 'text' } } });
    expect(t.s().job?.purpose).toBe('check');
    run.answer({ ok: true, value: checked });
    await new Promise((r) => setTimeout(r, 0));
    expect(t.s().checkReport).toBe(checked);
    expect(t.s().report).toBe(report); // the Import preview is not replaced
    expect(checkIsStale(t.s())).toBe(false);

    // A waiver does not make the check stale (applied on screen); a description change does.
    t.a.updateDraft((d) => D.addWaiver(d, { code: 'check.spaces', sheet: 'Price list', column: 'A' }, 'Codes are padded by the vendor', '2026-01-01T00:00:00Z'));
    expect(checkIsStale(t.s())).toBe(false);
    t.a.goTo('describe');
    t.a.updateDraft((d) => D.setColumnMeta(d, 'Code', { description: 'Article code' }));
    t.a.goTo('check');
    expect(checkIsStale(t.s())).toBe(true);
    const again = await t.next('inspect.run');
    expect((again.input as CallInput<'inspect.run'>).waivers).toEqual([expect.objectContaining({ code: 'check.spaces', column: 'A' })]);
    again.answer({ ok: false, error: { code: 'cancelled', message: 'Stopped' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(t.s().checkReport).toBe(checked);
    expect(t.s().draft.meta.columns?.Code).toMatchObject({ required: true, description: 'Article code' });
  });

  it('does not re-run an up-to-date check when coming back to it', async () => {
    const t = await opened();
    t.a.goTo('check');
    (await t.next('inspect.run')).answer({ ok: true, value: checked });
    await new Promise((r) => setTimeout(r, 0));
    t.a.goTo('describe');
    t.a.goTo('check');
    await new Promise((r) => setTimeout(r, 0));
    expect(t.pending.filter((p) => p.name === 'inspect.run')).toHaveLength(0);
  });

  it('saves the report: a browser download is fetched and handed over, a cancelled dialog says nothing', async () => {
    const blob = new Blob(['xlsx bytes']);
    const t = await opened({ download: (path) => Promise.resolve(path === '/api/download/x1' ? { ok: true, value: blob } : { ok: false, error: { code: 'e', message: 'm' } }) });
    t.a.goTo('check');
    const saving = t.a.saveReport();
    const save = await t.next('report.save');
    expect(t.s().saving).toBe(true);
    expect((save.input as CallInput<'report.save'>).meta?.name).toBe('price-list');
    save.answer({ ok: true, value: { name: 'Price list - quality report.xlsx', downloadUrl: '/api/download/x1' } });
    await saving;
    expect(t.delivered).toEqual([{ name: 'Price list - quality report.xlsx', size: 10 }]);
    expect(t.s()).toMatchObject({ saving: false, notice: expect.stringMatching(/Downloads/) });

    const second = t.a.saveReport();
    (await t.next('report.save')).answer({ ok: true, value: null });
    await second;
    expect(t.delivered).toHaveLength(1);

    const third = t.a.saveReport();
    (await t.next('report.save')).answer({ ok: false, error: { code: 'report.write', message: 'The folder is full.' } });
    await third;
    expect(t.s()).toMatchObject({ saving: false, error: { message: 'The folder is full.' }, screen: 'check' });
  });

  it('a new file starts a new draft', async () => {
    const t = await opened();
    t.a.goTo('describe');
    t.a.updateDraft((d) => D.setProductField(d, 'domain', 'Sales'));
    void t.a.addFile({ name: 'other.csv', size: 1, lastModified: 0 });
    expect(t.s().draft).toEqual(D.initialDraft);
    expect(t.s().checkReport).toBeNull();
  });
});
