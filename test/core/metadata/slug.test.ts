import { describe, expect, it } from 'vitest';
import { isValidSlug, slugFromFileName, titleFromFileName, toSlug } from '../../../shared/core/metadata/slug';

describe('product name suggestions', () => {
  it('folds umlauts, accents and ß', () => {
    expect(slugFromFileName('Preisübersicht Größen.xlsx')).toBe('preisuebersicht-groessen');
    expect(slugFromFileName('Café Crème — Ventes été.csv')).toBe('cafe-creme-ventes-ete');
    expect(slugFromFileName('Straße_Øresund.csv')).toBe('strasse-oresund');
  });

  it('drops folders and the extension, collapses symbols, trims dashes', () => {
    expect(slugFromFileName('C:\\Users\\anna\\Q3 -- Budget (final!!).xlsx')).toBe('q3-budget-final');
    expect(slugFromFileName('/home/anna/__campaigns__.2025.csv')).toBe('campaigns-2025');
  });

  it('cuts long names to 63 characters without a trailing dash', () => {
    const s = slugFromFileName(`${'abcdefghi '.repeat(20)}.csv`);
    expect(s.length).toBeLessThanOrEqual(63);
    expect(s.endsWith('-')).toBe(false);
    expect(isValidSlug(s)).toBe(true);
    expect(s.startsWith('abcdefghi-abcdefghi')).toBe(true);
  });

  it('falls back to "dataset" when nothing usable is left', () => {
    expect(slugFromFileName('€€€ !!!.csv')).toBe('dataset');
    expect(slugFromFileName('数据.xlsx')).toBe('dataset');
    expect(slugFromFileName('a.csv')).toBe('dataset');
    expect(toSlug('')).toBe('dataset');
  });

  it('validates the slug rule', () => {
    expect(isValidSlug('ab')).toBe(true);
    expect(isValidSlug('-ab')).toBe(false);
    expect(isValidSlug('Ab')).toBe(false);
    expect(isValidSlug('a'.repeat(64))).toBe(false);
    expect(isValidSlug('a'.repeat(63))).toBe(true);
  });

  it('titles capitalise words and keep the owner\'s capitals', () => {
    expect(titleFromFileName('q3_price-list.final.xlsx')).toBe('Q3 Price List Final');
    expect(titleFromFileName('ACME übersicht.csv')).toBe('ACME Übersicht');
    expect(titleFromFileName('___.csv')).toBe('Dataset');
  });
});
