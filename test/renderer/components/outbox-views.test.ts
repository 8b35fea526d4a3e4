// The outbox panel and the conflict view rendered to HTML from a real outbox store: every job
// state in words with its buttons, the badge count, and a conflict with both sides, the differing
// fields (mine preselected), the column changes and what each choice does.
// Plain createElement: the unit project collects *.test.ts only.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutboxConflict } from '../../../shared/core/api/contract';
import type { RendererApi } from '../../../renderer/src/api/renderer-api';
import { ConflictView } from '../../../renderer/src/components/conflict-view';
import { OutboxBadge } from '../../../renderer/src/components/outbox-badge';
import { OutboxPanel } from '../../../renderer/src/components/outbox-panel';
import { OutboxProvider } from '../../../renderer/src/state/outbox-context';
import { createOutboxStore } from '../../../renderer/src/state/outbox-store';
import { CHOICE_TEXT } from '../../../renderer/src/state/outbox-text';
import { job, view } from '../state/outbox-fixtures';

const api: RendererApi = { call: () => new Promise(() => {}), on: () => () => {}, addLocalFile: () => new Promise(() => {}) };

function withOutbox(node: ReturnType<typeof h>, jobs = view([])) {
  const store = createOutboxStore(api, { online: null, notify: () => {}, initialView: jobs });
  return renderToStaticMarkup(h(OutboxProvider, { store, children: node }));
}

const conflict: OutboxConflict = {
  baseVersion: '1.0.0',
  theirs: { version: '1.1.0', publishedAt: '2026-01-03T08:00:00Z', publishedBy: 'Ben Ortiz', meta: { name: 'price-list' } as never, columns: [{ name: 'code', type: 'text' }, { name: 'region', type: 'text' }] },
  mine: { version: null, meta: { name: 'price-list' } as never, columns: [{ name: 'code', type: 'text' }] },
  fields: [
    { path: 'title', label: 'Title', theirs: 'Price list (Ben)', mine: 'Price list 2026', base: 'Price list' },
    { path: 'columns.code.description', label: 'Description of column "code"', theirs: '', mine: 'Article code' },
  ],
  schemaChanges: ['column "region" added by them'],
};

describe('outbox panel', () => {
  it('shows nothing on Home while the outbox is empty, and says so on the Outbox screen', () => {
    expect(withOutbox(h(OutboxPanel, {}))).toBe('');
    expect(withOutbox(h(OutboxPanel, { hideWhenEmpty: false }))).toContain('Nothing is waiting to be published.');
  });

  it('lists each job with its state, reason and the buttons that state allows', () => {
    const html = withOutbox(
      h(OutboxPanel, {}),
      view(
        [
          job('a'),
          job('b', { state: 'failed', reason: 'The key was refused.', product: 'budgets', title: 'Budgets' }),
          job('c', { state: 'conflict', product: 'stock', title: 'Stock' }),
          job('d', { state: 'delivered', product: 'sales', title: 'Sales', delivered: { version: '2.1.0', at: '2026-01-02T12:00:00Z', address: 'x' } }),
        ],
        { reachable: false, reason: 'The mesh folder is not there.', checkedAt: '2026-01-02T11:00:00Z' },
      ),
    );
    expect(html).toContain('The mesh cannot be reached right now: the mesh folder is not there. Mesh Desk keeps trying by itself; last tried 2026-01-02 11:00.');
    expect(html).toContain('Waiting');
    expect(html).toContain('To “Team S3” · Queued 2026-01-02 10:15 · from “Price list.xlsx”');
    expect(html).toContain('The key was refused. It stays in the outbox: fix what is said, then press Retry.');
    expect(html.match(/data-testid="outbox-retry"/g)).toHaveLength(1);
    expect(html.match(/data-testid="outbox-resolve"/g)).toHaveLength(1);
    expect(html).toContain('Delivered v2.1.0');
    expect(html.match(/data-testid="outbox-remove"/g)).toHaveLength(4);
  });

  it('counts the jobs that still need something on the badge', () => {
    const html = withOutbox(h(OutboxBadge, {}), view([job('a'), job('b', { state: 'conflict' }), job('c', { state: 'delivered' })]));
    expect(html).toContain('Outbox<span class="outbox-count"> (2)</span>');
    expect(html).toContain('aria-label="Outbox (2): 2 publishes not sent yet, 1 needs you"');
    expect(withOutbox(h(OutboxBadge, {}))).not.toContain('outbox-count');
  });
});

describe('conflict view', () => {
  const render = (draftId?: string) =>
    renderToStaticMarkup(h(ConflictView, { job: job('c', { state: 'conflict', conflict, ...(draftId ? {} : { draftId: undefined }) }), busy: false, onResolve: () => {}, onBack: () => {} }));

  it('shows both sides, the differing fields with mine preselected, and the column changes', () => {
    const html = render('d1');
    expect(html).toContain('v1.1.0, published 2026-01-03 08:00 by Ben Ortiz');
    expect(html).toContain('Started from v1.0.0 · Queued 2026-01-02 10:15');
    expect(html).toContain('column &quot;region&quot; added by them');
    expect(html).toContain('Price list (Ben)');
    expect(html).toContain('Price list 2026');
    expect(html).toContain('(empty)');
    expect(html).toMatch(/data-testid="conflict-mine-0"[^>]*checked=""/);
    expect(html).not.toMatch(/data-testid="conflict-theirs-0"[^>]*checked=""/);
    expect(html).toContain('1 column<');
  });

  it('says what each choice does; Rebase only when there is a draft to rebase', () => {
    const html = render('d1');
    for (const text of Object.values(CHOICE_TEXT)) expect(html).toContain(text.replace(/“/g, '“'));
    expect(html).toContain('data-testid="conflict-rebase"');
    expect(render()).not.toContain('data-testid="conflict-rebase"');
  });
});
