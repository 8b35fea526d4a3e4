// Test helper (renderer state). A stand-in host for the draft tests: draft.* kept in memory like
// the real store (newest first, a bin for undo), source.open / inspect.run answering a small CSV,
// and switches to make saves fail or hang so retries and queuing can be played out.
import type { CallInput, CallName, CallOutput, SourceOverview } from '../../../shared/core/api/contract';
import type { DraftContent, DraftSummary, OpenedDraft, SourceCheck } from '../../../shared/core/api/draft-types';
import type { InspectReport } from '../../../shared/core/inspect/report';
import type { Result } from '../../../shared/core/result';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';

export const overview: SourceOverview = {
  source: { id: 'src1', name: 'sales.csv', size: 100 },
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  sheets: [{ name: 'sales', index: 0, rowCount: 4, columnCount: 2 }],
  problems: [],
};

export function reportFor(sourceName: string, sheet = 'sales'): InspectReport {
  return {
    file: sourceName,
    format: 'csv',
    sheetList: overview.sheets,
    sheets: [
      {
        name: sheet,
        headerRow: 1,
        headerDetected: true,
        rows: 3,
        columns: [],
        preview: { rowNumbers: [2, 3, 4], cells: [[], [], []], truncated: false },
      },
    ],
    problems: [],
    elapsedMs: 1,
  };
}

interface Stored {
  summary: DraftSummary;
  content: DraftContent;
}

export function fakeDraftHost() {
  const drafts = new Map<string, Stored>();
  const bin = new Map<string, Stored>();
  const calls: { name: CallName; input: unknown }[] = [];
  let clock = Date.parse('2026-11-21T10:00:00Z');
  let nextId = 0;
  let registered = 0;
  const sources = new Map<string, string>([['src1', 'sales.csv']]);
  const state = {
    /** Saves fail with this message while set. */
    saveError: null as string | null,
    /** Saves wait for release() while true. */
    holdSaves: false,
    held: [] as (() => void)[],
    sourceCheck: { status: 'ok' } as SourceCheck,
  };
  const tick = () => new Date((clock += 1000)).toISOString();
  const summaryOf = (id: string, content: DraftContent, createdAt: string): DraftSummary => ({
    id,
    title: content.meta.title ?? content.meta.name ?? (content.sourceId ? (sources.get(content.sourceId) ?? 'Untitled') : 'Untitled'),
    createdAt,
    updatedAt: tick(),
    state: 'draft',
    metadataOnly: !!content.metadataOnly,
    ...(content.sourceId ? { source: { name: sources.get(content.sourceId) ?? '?', size: 100 } } : {}),
  });
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });
  const no = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

  async function answer(name: CallName, input: any): Promise<Result<unknown>> {
    switch (name) {
      case 'draft.save': {
        if (state.holdSaves) await new Promise<void>((r) => state.held.push(r));
        if (state.saveError) return no('draft.storage', state.saveError);
        const id = input.id ?? `d${++nextId}`;
        const old = drafts.get(id);
        const content = structuredClone(input.content) as DraftContent;
        const summary = summaryOf(id, content, old?.summary.createdAt ?? new Date(clock).toISOString());
        drafts.set(id, { summary, content });
        return ok(summary);
      }
      case 'draft.list':
        return ok([...drafts.values()].map((d) => d.summary).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
      case 'draft.open': {
        const d = drafts.get(input.id);
        if (!d) return no('draft.not-found', 'That draft is no longer here.');
        const check = d.content.sourceId ? state.sourceCheck : ({ status: 'none' } as SourceCheck);
        let source = null;
        if (check.status === 'ok' || check.status === 'changed') {
          // Registered again in this session, under a new id (as the host does).
          const sid = `reg${++registered}`;
          sources.set(sid, sources.get(d.content.sourceId!) ?? 'sales.csv');
          source = { id: sid, name: sources.get(sid)!, size: 100 };
        }
        const content = structuredClone(d.content);
        if (source) content.sourceId = source.id;
        const opened: OpenedDraft = { summary: d.summary, content, source, sourceCheck: check };
        return ok(opened);
      }
      case 'draft.duplicate': {
        const d = drafts.get(input.id);
        if (!d) return no('draft.not-found', 'gone');
        const id = `d${++nextId}`;
        const content = structuredClone(d.content);
        content.meta = { ...content.meta, title: `${d.summary.title} (copy)` };
        const summary = summaryOf(id, content, tick());
        drafts.set(id, { summary, content });
        return ok(summary);
      }
      case 'draft.delete': {
        const d = drafts.get(input.id);
        if (d) bin.set(input.id, d);
        return ok({ deleted: drafts.delete(input.id) });
      }
      case 'draft.restore': {
        const d = bin.get(input.id);
        if (!d) return no('draft.not-in-bin', 'gone for good');
        bin.delete(input.id);
        drafts.set(input.id, d);
        return ok(d.summary);
      }
      case 'source.open':
        return ok({ ...overview, source: { id: input.sourceId, name: sources.get(input.sourceId) ?? '?', size: 100 } });
      case 'inspect.run':
        return ok(reportFor('sales.csv', input.sheet));
      case 'app.info':
        return no('x', 'not in this test');
      default:
        return no('not-faked', `${name} is not faked`);
    }
  }

  const api: RendererApi = {
    async call<K extends CallName>(name: K, input: CallInput<K>) {
      calls.push({ name, input: structuredClone(input) });
      return (await answer(name, input)) as Result<CallOutput<K>>;
    },
    on: () => () => undefined,
    async addLocalFile(file) {
      const id = `up${sources.size}`;
      sources.set(id, file.name);
      return ok({ id, name: file.name, size: file.size });
    },
  };
  const release = () => state.held.splice(0).forEach((r) => r());
  return { api, drafts, bin, calls, state, release, savesOf: () => calls.filter((c) => c.name === 'draft.save') };
}
