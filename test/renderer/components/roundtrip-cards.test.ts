// The two cards of a re-imported pulled workbook, rendered to HTML from a real store: the notice
// with "Use its description", and "What changed" with counts, examples, progress and Cancel.
// Plain createElement: the unit project collects *.test.ts only.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SourceOverview } from '../../../shared/core/api/contract';
import type { DataDiff } from '../../../shared/core/pull/data-diff';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';
import { RecognizedBanner } from '../../../renderer/src/components/recognized-banner';
import { WhatChanged } from '../../../renderer/src/components/what-changed';
import { createImportStore } from '../../../renderer/src/state/import-store';
import { diffRequestFor, diffStarted, diffFinished } from '../../../renderer/src/state/roundtrip-state';
import { StoreProvider } from '../../../renderer/src/state/store-context';

const api: RendererApi = { call: () => new Promise(() => {}), on: () => () => {}, addLocalFile: () => new Promise(() => {}) };
const recognized = { product: 'campaign-budgets', version: '1.2.0', endpoint: 'default', address: 'file:///mesh/campaign-budgets', pulledAt: '2026-11-20T09:30:00Z', source: 'properties' as const };
const overview: SourceOverview = { source: { id: 'src1', name: 'cb.xlsx', size: 1 }, format: 'xlsx', sheets: [{ name: 'Data', index: 0 }], problems: [], recognized };
const diff: DataDiff = {
  columns: { added: ['Region'], removed: [], compared: ['id', 'amount'] },
  rows: { added: 1, removed: 1, changed: 1, unchanged: 2, published: 4, edited: 4 },
  matchedBy: 'key',
  key: ['id'],
  examples: { added: [{ row: 5, key: { id: '9' } }], removed: [{ pulledRow: 2 }], changed: [{ row: 7, pulledRow: 7, key: { id: '6' }, columns: ['amount'] }] },
};

function render(o: SourceOverview, patch: (s: ReturnType<ReturnType<typeof createImportStore>['getState']>) => object = () => ({})) {
  const store = createImportStore(api);
  store.setState({ overview: o, source: o.source, choices: { sheet: 'Data', bySheet: {} } });
  store.setState(patch(store.getState()));
  // Server rendering reads zustand's initial state; the state set above is what should show.
  const shown = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(h(StoreProvider, { store: shown, children: [h(RecognizedBanner, { key: 'a' }), h(WhatChanged, { key: 'b' })] }));
}

describe('round-trip cards', () => {
  it('render nothing for a file that was not pulled from the mesh', () => {
    const { recognized: _r, ...plain } = overview;
    expect(render(plain)).toBe('');
  });

  it('say where the workbook came from and offer its description and a comparison', () => {
    const html = render(overview);
    expect(html).toContain('data-testid="recognized-banner"');
    expect(html).toContain('This workbook was pulled from campaign-budgets v1.2.0 (file:///mesh/campaign-budgets) on 2026-11-20 09:30.');
    expect(html).toContain('data-testid="use-product-meta"');
    expect(html).toContain('What changed since v1.2.0');
    expect(html).toContain('data-testid="run-diff"');
  });

  it('show counts, columns, matching and examples with row numbers', () => {
    const html = render(overview, (s) => {
      const req = diffRequestFor(s)!;
      return diffFinished(diffStarted(s, 'd1', req), 'd1', { ok: true, value: diff });
    });
    expect(html).toMatch(/data-testid="diff-changed"><strong>1<\/strong> row changed/);
    expect(html).toContain('Column added: “Region”.');
    expect(html).toContain('Rows were matched by their key column “id”.');
    expect(html).toContain('row 7 changed: amount (id 6)');
    expect(html).toContain('row 5 added (id 9)');
    expect(html).toContain('row 2 of the pulled workbook is gone');
  });

  it('show progress and Cancel while comparing, and no Compare button', () => {
    const html = render(overview, (s) => {
      const next = diffStarted(s, 'd1', diffRequestFor(s)!);
      return { roundtrip: { ...next.roundtrip, diffJob: { ...next.roundtrip.diffJob!, progress: { jobId: 'd1', phase: 'reading', bytesDone: 5, bytesTotal: 10, rows: 3 } } } };
    });
    expect(html).toContain('data-testid="cancel-diff"');
    expect(html).toContain('50%');
    expect(html).not.toContain('data-testid="run-diff"');
  });
});
