import { describe, expect, it } from 'vitest';
import { classifyBoolean, classifyCell, classifyText, displayText, isEmptyCell } from '../../../shared/core/infer/classify-cell';
import {
  BOOLEAN_WORDS,
  K_BOOL,
  K_DATE,
  K_ERROR,
  K_NUM,
  K_TEXT,
  NUM_FLAG_01,
  booleanPairOf,
  booleanValueOf,
  kindOf,
} from '../../../shared/core/infer/value-classes';

describe('empty cells', () => {
  it('treats null, "" and whitespace-only text as empty, nothing else', () => {
    for (const c of [null, '', ' ', '   ', '\t', '\r\n', '\u00a0', '\u2003 \u3000', '\ufeff']) expect(isEmptyCell(c), JSON.stringify(c)).toBe(true);
    for (const c of ['0', ' a', 'a ', '-', 0, false, { kind: 'error', code: '#N/A' } as const, { kind: 'date', epochMs: 0, hasTime: false } as const]) {
      expect(isEmptyCell(c), JSON.stringify(c)).toBe(false);
    }
  });
});

describe('yes/no words', () => {
  it('accepts every pair in any case', () => {
    for (let pair = 0; pair < 6; pair++) {
      for (const [i, word] of BOOLEAN_WORDS[pair]!.entries()) {
        for (const spelled of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
          const key = classifyBoolean(spelled);
          expect(kindOf(key), spelled).toBe(K_BOOL);
          expect(booleanPairOf(key)).toBe(pair);
          expect(booleanValueOf(key)).toBe(i === 0);
        }
      }
    }
  });
  it('rejects near misses; 0 and 1 stay numbers', () => {
    for (const t of ['tru', 'yess', 'j', 'si', 'nope', 'falsch!', 'oui ', 'T', 'F']) expect(classifyBoolean(t), t).toBe(0);
    expect(kindOf(classifyText('1'))).toBe(K_NUM);
    expect(classifyText('1') & NUM_FLAG_01).toBe(NUM_FLAG_01);
    expect(classifyText('2') & NUM_FLAG_01).toBe(0);
  });
});

describe('classifyText / classifyCell', () => {
  it('sorts text into kinds', () => {
    const kinds: [string, number][] = [
      ['42', K_NUM], ['-3.5', K_NUM], ['1.234,5', K_NUM], ['2025-01-31', K_DATE], ['31.01.2025', K_DATE],
      ['Yes', K_BOOL], ['hello', K_TEXT], ['00123', K_TEXT], ['+49 30 1234567', K_TEXT], ['9007199254740993', K_TEXT],
      ['31.02.2024', K_TEXT], ['n/a', K_TEXT], ['#REF!', K_TEXT], ['€5', K_TEXT], ['Ä', K_TEXT], ['__proto__', K_TEXT],
    ];
    for (const [t, k] of kinds) {
      expect(kindOf(classifyText(t)), t).toBe(k);
      expect(kindOf(classifyText(t, true)), `${t} (dates first)`).toBe(k);
    }
  });
  it('keeps the type of typed spreadsheet cells', () => {
    expect(kindOf(classifyCell(3))).toBe(K_NUM);
    expect(kindOf(classifyCell(3.25))).toBe(K_NUM);
    expect(kindOf(classifyCell(true))).toBe(K_BOOL);
    expect(kindOf(classifyCell({ kind: 'date', epochMs: 0, hasTime: false }))).toBe(K_DATE);
    expect(kindOf(classifyCell({ kind: 'error', code: '#DIV/0!' }))).toBe(K_ERROR);
    expect(kindOf(classifyCell(Number.NaN))).toBe(K_TEXT);
  });
});

describe('displayText', () => {
  it('shows cells as the owner had them', () => {
    expect(displayText(null)).toBe('');
    expect(displayText(' 007 ')).toBe(' 007 ');
    expect(displayText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(displayText(1234.5)).toBe('1234.5');
    expect(displayText(true)).toBe('TRUE');
    expect(displayText(false)).toBe('FALSE');
    expect(displayText({ kind: 'date', epochMs: Date.UTC(2024, 1, 29), hasTime: false })).toBe('2024-02-29');
    expect(displayText({ kind: 'date', epochMs: Date.UTC(2024, 1, 29, 7, 5, 9), hasTime: true })).toBe('2024-02-29 07:05:09');
    expect(displayText({ kind: 'error', code: '#REF!' })).toBe('#REF!');
  });
});
