// Node only (tests). The title Home shows for a draft, and the duplicate's title.
import { describe, expect, it } from 'vitest';
import { copyTitle, draftTitle, UNTITLED_DRAFT } from '../../../shared/core/drafts/draft-title';

describe('draftTitle', () => {
  it('prefers the title, then the product name, then the base product, then the file name', () => {
    expect(draftTitle({ meta: { title: ' Price list ', name: 'price-list' } }, 'prices.xlsx')).toBe('Price list');
    expect(draftTitle({ meta: { title: '   ', name: 'price-list' } }, 'prices.xlsx')).toBe('price-list');
    expect(draftTitle({ meta: {}, base: { product: 'budget-2026', version: '1.0.0' } }, 'x.csv')).toBe('budget-2026');
    expect(draftTitle({ meta: {} }, 'prices.xlsx')).toBe('prices.xlsx');
    expect(draftTitle({ meta: {} })).toBe(UNTITLED_DRAFT);
  });
});

describe('copyTitle', () => {
  it('says "Copy of", again for a copy of a copy, and stays within a form-sized title', () => {
    expect(copyTitle('Price list')).toBe('Copy of Price list');
    expect(copyTitle(copyTitle('Price list'))).toBe('Copy of Copy of Price list');
    const long = copyTitle('x'.repeat(500));
    expect(long.length).toBe(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
