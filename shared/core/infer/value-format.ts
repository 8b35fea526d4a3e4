// Runs anywhere (pure core).
// How a column's values are written (decimal and thousands separators, date order and
// pattern, yes/no words), worked out from the value classes that fit its type, so the values
// can later be read back exactly as the owner meant them. Also finds the cases where the file
// alone cannot tell (every date fits day/month and month/day; every number fits "," as
// thousands and as decimal mark), which are reported rather than silently guessed.

import type { ValueFormat } from '../inspect/report';
import { patternText } from './date-format';
import { separatorKind } from './classify-number';
import { ORDER_MDY, type Fits, type TypeChoice } from './type-decision';
import {
  BOOLEAN_WORDS,
  FIRST_COMMA_STYLE,
  K_BOOL,
  K_DATE,
  K_NUM,
  NUMBER_STYLES,
  NUM_FLAG_01,
  P_SAME_DM,
  P_TYPED,
  P_YEAR_FIRST,
  SEP_COMMA,
  SEP_DOT,
  STYLE_COUNT,
  booleanPairOf,
  booleanValueOf,
  dateMaskOf,
  kindOf,
  numBit,
  patternOf,
  sepKindsOf,
} from './value-classes';

export interface ClassLike {
  readonly key: number;
  readonly count: number;
  readonly examples: readonly { readonly value: string }[];
}

const isDayFirstText = (key: number): boolean => kindOf(key) === K_DATE && (patternOf(key) & (P_YEAR_FIRST | P_TYPED)) === 0;
const fitsBothOrders = (key: number): boolean => (dateMaskOf(key) & 0b0101) !== 0 && (dateMaskOf(key) & 0b1010) !== 0;

/** The format of the values that fit the chosen type; undefined for text. */
export function valueFormat(choice: TypeChoice, fitting: readonly ClassLike[]): ValueFormat | undefined {
  switch (choice.type) {
    case 'integer':
    case 'number':
      return numberFormat(choice.style, fitting);
    case 'date':
    case 'datetime':
      return dateFormat(choice.order, fitting);
    case 'boolean':
      return { booleanWords: booleanWords(fitting) };
    default:
      return undefined;
  }
}

function numberFormat(style: number, fitting: readonly ClassLike[]): ValueFormat {
  const s = NUMBER_STYLES[style]!;
  const format: ValueFormat = { decimal: s.decimal };
  for (const c of fitting) {
    if (kindOf(c.key) !== K_NUM || (sepKindsOf(c.key) & s.thousandsKind) === 0) continue;
    // The actual character (space or no-break space, ' or ’) as found in the file.
    const sample = c.examples[0]?.value ?? '';
    for (const ch of sample) {
      if (separatorKind(ch.charCodeAt(0)) === s.thousandsKind) {
        format.thousands = ch;
        return format;
      }
    }
  }
  return format;
}

function dateFormat(order: number, fitting: readonly ClassLike[]): ValueFormat {
  const format: ValueFormat = {};
  let best: ClassLike | undefined;
  let dayFirstText = 0;
  let oneOrderOnly = 0;
  let anyText = false;
  for (const c of fitting) {
    if (kindOf(c.key) !== K_DATE) continue;
    if (best === undefined || c.count > best.count) best = c;
    if ((patternOf(c.key) & P_TYPED) === 0) anyText = true;
    if (!isDayFirstText(c.key)) continue;
    dayFirstText += c.count;
    if (!fitsBothOrders(c.key)) oneOrderOnly += c.count;
  }
  if (dayFirstText > 0) format.dateOrder = order === ORDER_MDY ? 'MDY' : oneOrderOnly > 0 ? 'DMY' : 'ambiguous';
  else if (anyText) format.dateOrder = 'YMD';
  if (best !== undefined) format.pattern = patternText(patternOf(best.key), order === ORDER_MDY);
  return format;
}

function booleanWords(fitting: readonly ClassLike[]): [string, string] {
  // Pair index 7 stands for the plain values 1 / 0 (only when the owner chose Yes/No).
  const perPair = new Array<number>(BOOLEAN_WORDS.length + 1).fill(0);
  for (const c of fitting) {
    if (kindOf(c.key) === K_BOOL) perPair[booleanPairOf(c.key)]! += c.count;
    else if (c.key & NUM_FLAG_01) perPair[BOOLEAN_WORDS.length]! += c.count;
  }
  const pair = perPair.indexOf(Math.max(...perPair));
  if (pair === BOOLEAN_WORDS.length) return ['1', '0'];
  // The words as the file spells them (first seen), else as listed.
  const spelled = (value: boolean): string =>
    fitting.find((c) => kindOf(c.key) === K_BOOL && booleanPairOf(c.key) === pair && booleanValueOf(c.key) === value)?.examples[0]?.value ??
    BOOLEAN_WORDS[pair]![value ? 0 : 1]!;
  return [spelled(true), spelled(false)];
}

/** A value class that makes the date order undecidable (day ≠ month, fits both orders), if any. */
export function ambiguousDateClass(format: ValueFormat | undefined, fitting: readonly ClassLike[]): ClassLike | undefined {
  if (format?.dateOrder !== 'ambiguous') return undefined;
  return fitting.find((c) => c.count > 0 && isDayFirstText(c.key) && fitsBothOrders(c.key) && (patternOf(c.key) & P_SAME_DM) === 0);
}

/**
 * When every number read under the chosen style fits just as well with the other decimal mark
 * and some values then mean something else ("1,234" → 1234 or 1.234): the class showing it and
 * the other style. Undefined when the file settles it.
 */
export function ambiguousNumber(choice: TypeChoice, fits: Fits, fitting: readonly ClassLike[]): { cls: ClassLike; other: number } | undefined {
  if (choice.type !== 'integer' && choice.type !== 'number') return undefined;
  const mine = fits.num[choice.style]!;
  const otherSide = choice.style >= FIRST_COMMA_STYLE ? 0 : FIRST_COMMA_STYLE;
  for (let t = otherSide; t < otherSide + FIRST_COMMA_STYLE && t < STYLE_COUNT; t++) {
    if (fits.num[t] !== mine) continue;
    const cls = fitting.find((c) => c.count > 0 && kindOf(c.key) === K_NUM && (c.key & numBit(t)) !== 0 && (sepKindsOf(c.key) & (SEP_COMMA | SEP_DOT)) !== 0);
    if (cls) return { cls, other: t };
  }
  return undefined;
}
