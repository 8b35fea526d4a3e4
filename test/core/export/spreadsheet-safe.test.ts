// Runs anywhere (pure core tests). safeCellText against formula injection and Excel's limits.
import { describe, expect, it } from 'vitest';
import { EXCEL_MAX_CELL_CHARS, exactNumber, safeCellText } from '../../../shared/core/export/spreadsheet-safe';

describe('safeCellText: formula starts get an apostrophe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=1+1\nnote', "'=1+1\nnote"],
    ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['+49 30 123', "'+49 30 123"],
    ['-2+3', "'-2+3"],
    ['-', "'-"],
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["=cmd|' /C notepad'!'A1'", "'=cmd|' /C notepad'!'A1'"],
  ])('%j → %j', (input, expected) => {
    expect(safeCellText(input)).toBe(expected);
  });

  it('tab, carriage return and line feed first', () => {
    expect(safeCellText('\t=1+1')).toBe("'\t=1+1");
    expect(safeCellText('\r=1+1')).toBe("'\r=1+1");
    expect(safeCellText('\n=1+1')).toBe("'\n=1+1");
    // OWASP names tab and CR as first characters on their own, formula or not.
    expect(safeCellText('\thello')).toBe("'\thello");
  });

  it('looks past leading spaces, including no-break and ideographic spaces', () => {
    expect(safeCellText(' =1+1')).toBe("' =1+1");
    expect(safeCellText('   @SUM(A1)')).toBe("'   @SUM(A1)");
    expect(safeCellText('\u00A0+1')).toBe("'\u00A0+1");
    expect(safeCellText('\u3000=1')).toBe("'\u3000=1");
  });

  it('full-width look-alikes', () => {
    for (const c of ['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      expect(safeCellText(`${c}1+1`)).toBe(`'${c}1+1`);
      expect(safeCellText(` ${c}SUM(A1)`)).toBe(`' ${c}SUM(A1)`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['', 'Berlin', '  Berlin', 'a=b', '1+1', '12.5', 'x-y', 'mail@example.com', "'=already quoted", '#REF!', '€ 12', '日本語']) {
      expect(safeCellText(s)).toBe(s);
    }
  });

  it('keeps javascript:, file: and data: as plain text (no hyperlinks are ever written)', () => {
    for (const s of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>']) {
      expect(safeCellText(s)).toBe(s);
    }
  });
});

describe('safeCellText: characters Excel cannot store', () => {
  it('replaces forbidden control characters with U+FFFD and keeps tab, LF, CR inside', () => {
    for (let c = 0; c < 0x20; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      const allowed = c === 0x09 || c === 0x0a || c === 0x0d;
      expect(safeCellText(s)).toBe(allowed ? s : 'a\uFFFDb');
    }
    expect(safeCellText('a\uFFFEb\uFFFF')).toBe('a\uFFFDb\uFFFD');
  });

  it('replaces broken surrogate halves but keeps real pairs (emoji)', () => {
    expect(safeCellText('ok 😀')).toBe('ok 😀');
    expect(safeCellText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(safeCellText('x\uDE00y')).toBe('x\uFFFDy');
    expect(safeCellText('\uD83D')).toBe('\uFFFD');
  });

  it('a control character first cannot hide a formula behind it', () => {
    // The control character becomes "�", so the text no longer starts with "=".
    expect(safeCellText('\u0000=1+1')).toBe('\uFFFD=1+1');
    expect(safeCellText('\u000B=1+1')).toBe('\uFFFD=1+1');
  });
});

describe('safeCellText: Excel cell length', () => {
  it('keeps text at the limit whole', () => {
    const s = 'a'.repeat(EXCEL_MAX_CELL_CHARS - 1);
    expect(safeCellText(s)).toBe(s);
  });

  it('cuts longer text to the limit and says so in the cell', () => {
    const s = 'b'.repeat(100_000);
    const out = safeCellText(s);
    expect(out.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(out.startsWith('bbbb')).toBe(true);
    expect(out).toMatch(/… \[shortened to fit Excel: the full text has 100000 characters\]$/);
  });

  it('cut text that starts like a formula still gets the apostrophe and stays within the limit', () => {
    const out = safeCellText(`=${'1'.repeat(50_000)}`);
    expect(out.startsWith("'=")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
  });

  it('never splits an emoji at the cut', () => {
    for (let pad = 0; pad < 4; pad++) {
      const out = safeCellText('x'.repeat(pad) + '😀'.repeat(20_000));
      expect(out).not.toContain('\uFFFD');
      expect(out.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    }
  });
});

describe('exactNumber', () => {
  it('accepts texts that round-trip exactly', () => {
    expect(exactNumber('-12.5')).toBe(-12.5);
    expect(exactNumber('3')).toBe(3);
    expect(exactNumber('0.25')).toBe(0.25);
    expect(exactNumber('-2')).toBe(-2);
  });

  it('keeps texts that would change as text', () => {
    for (const s of ['', ' 3', '00123', '1e5', '1,5', '+3', '-0', '12345678901234567890', 'NaN', 'Infinity', '0x10', '1.50', '-2+3']) {
      expect(exactNumber(s)).toBeUndefined();
    }
  });
});
