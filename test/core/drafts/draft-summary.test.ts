// Node only (tests). What Home receives for a stored draft: nothing host-only crosses.
import { describe, expect, it } from 'vitest';
import { newestFirst, summarizeDraft } from '../../../shared/core/drafts/draft-summary';

describe('summarizeDraft', () => {
  const stored = {
    id: 'd1',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    content: { meta: { name: 'price-list' }, waivers: [], base: { product: 'price-list', version: '1.2.0', meshId: 'm1' } },
    source: { path: '/home/maria/Reports/prices.xlsx', name: 'prices.xlsx', size: 12, modifiedAt: '2026-02-28T09:00:00.000Z', fingerprint: 'v1:abc', uploadId: 'u1' },
    state: 'queued' as const,
    stateReason: 'Waiting for the mesh.',
    outboxId: 'job1',
    published: { version: '1.2.0', at: '2026-03-01T11:00:00.000Z', meshName: 'Acme', address: 's3://acme/price-list', extra: 'x' },
  };

  it('copies only the fields the page may see (no path, fingerprint or upload id)', () => {
    const s = summarizeDraft(stored);
    expect(s).toEqual({
      id: 'd1',
      title: 'price-list',
      product: 'price-list',
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      state: 'queued',
      stateReason: 'Waiting for the mesh.',
      metadataOnly: false,
      source: { name: 'prices.xlsx', size: 12, modifiedAt: '2026-02-28T09:00:00.000Z' },
      base: { product: 'price-list', version: '1.2.0' },
      published: { version: '1.2.0', at: '2026-03-01T11:00:00.000Z', meshName: 'Acme', address: 's3://acme/price-list' },
      outboxId: 'job1',
    });
    const text = JSON.stringify(s);
    for (const hidden of ['/home/maria', 'v1:abc', 'u1', 'm1', 'extra']) expect(text).not.toContain(hidden);
  });

  it('marks metadata-only drafts and leaves absent parts out', () => {
    const s = summarizeDraft({ id: 'd2', createdAt: 'a', updatedAt: 'a', content: { meta: {}, waivers: [], metadataOnly: true }, state: 'draft' });
    expect(s).toEqual({ id: 'd2', title: 'Untitled draft', createdAt: 'a', updatedAt: 'a', state: 'draft', metadataOnly: true });
  });
});

describe('newestFirst', () => {
  it('orders by last change, newest first, ties by id', () => {
    const mk = (id: string, updatedAt: string) => summarizeDraft({ id, createdAt: updatedAt, updatedAt, content: { meta: {}, waivers: [] }, state: 'draft' });
    const list = [mk('b', '2026-01-01T00:00:00.000Z'), mk('c', '2026-02-01T00:00:00.000Z'), mk('a', '2026-01-01T00:00:00.000Z')];
    expect(list.sort(newestFirst).map((d) => d.id)).toEqual(['c', 'a', 'b']);
  });
});
