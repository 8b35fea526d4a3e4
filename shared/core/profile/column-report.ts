// Runs anywhere (pure core).
// Turning one column's pass state into its ColumnProfile: decide the type (or take the
// owner's), read the format, count and report the values that do not fit, and gather
// min/max/histogram from exactly the value classes that fit, on the chosen reading.

import { columnLetter } from '../columns';
import type { ColumnProfile, ColumnType, ValueFormat } from '../inspect/report';
import type { ProblemSink } from '../problems';
import { MAX_EXAMPLES } from '../problems';
import { DAY_MS } from '../infer/classify-date';
import { isoText } from '../infer/date-format';
import { choiceFor, fitsChoice, inferType, sideOf, tallyFits, type TypeChoice } from '../infer/type-decision';
import { ambiguousDateClass, ambiguousNumber, valueFormat } from '../infer/value-format';
import { K_DATE, K_ERROR, P_ZONE_SHIFT, kindOf, patternOf } from '../infer/value-classes';
import type { Accumulator } from './accumulator';
import type { ClassExample, ColumnProfiler, ValueClass } from './column-profiler';
import { reportAmbiguousDate, reportAmbiguousNumber, reportErrorCells, reportMisfits, type ColumnPlace } from './column-problems';
import { buildHistogram } from './histogram';

export interface ColumnReportContext {
  sheet: string;
  name: string;
  header: string;
  override: ColumnType | undefined;
  problems: ProblemSink;
}

/** The first `max` examples across classes, in row order (each class holds its own first ones). */
function firstExamples(classes: readonly ValueClass[], max: number): ClassExample[] {
  const all: ClassExample[] = [];
  for (const c of classes) all.push(...c.examples);
  all.sort((x, y) => x.row - y.row);
  return all.slice(0, max);
}

function formatHint(type: ColumnType, format: ValueFormat | undefined): string {
  if (!format) return '';
  if (format.pattern) return format.pattern;
  if (type === 'number' && (format.thousands || format.decimal === ',')) return `e.g. 1${format.thousands ?? ''}234${format.decimal}56`;
  if (type === 'integer' && format.thousands) return `e.g. 1${format.thousands}234`;
  return '';
}

function minMax(type: ColumnType, parts: readonly Accumulator[], fitting: readonly ValueClass[]): [number | string | null, number | string | null] {
  let min = Infinity;
  let max = -Infinity;
  for (const p of parts) {
    if (p.count === 0) continue;
    if (p.min < min) min = p.min;
    if (p.max > max) max = p.max;
  }
  if (min > max) return [null, null];
  if (type === 'integer' || type === 'number') return [min, max];
  if (type === 'date') return [isoText(min, false), isoText(max, false)];
  // Date-times written with a zone were read at their instant: say so with "Z".
  const zoned = fitting.some((c) => kindOf(c.key) === K_DATE && ((patternOf(c.key) >>> P_ZONE_SHIFT) & 3) !== 0);
  return [isoText(min, true, zoned), isoText(max, true, zoned)];
}

export function reportColumn(col: ColumnProfiler, ctx: ColumnReportContext): ColumnProfile {
  const classes = [...col.classes.values()];
  const fits = tallyFits(classes);
  const inferred = inferType(fits);
  const choice: TypeChoice = ctx.override && ctx.override !== inferred.type ? choiceFor(ctx.override, fits) : inferred;
  const type = choice.type;
  const fitting: ValueClass[] = [];
  const misfits: ValueClass[] = [];
  let errorClass: ValueClass | undefined;
  for (const c of classes) {
    if (kindOf(c.key) === K_ERROR) errorClass = c;
    else if (fitsChoice(c.key, choice)) fitting.push(c);
    else misfits.push(c);
  }
  const misfitCount = misfits.reduce((n, c) => n + c.count, 0);

  const format = valueFormat(choice, fitting);
  const place: ColumnPlace = { sheet: ctx.sheet, index: col.index, name: ctx.name };
  reportMisfits(ctx.problems, place, type, formatHint(type, format), misfitCount, firstExamples(misfits, MAX_EXAMPLES));
  if (errorClass) reportErrorCells(ctx.problems, place, errorClass.count, errorClass.examples);
  const dateCls = ambiguousDateClass(format, fitting);
  if (dateCls && (type === 'date' || type === 'datetime')) reportAmbiguousDate(ctx.problems, place, (dateCls as ValueClass).examples[0]!);
  const numAmb = ambiguousNumber(choice, fits, fitting);
  if (numAmb) reportAmbiguousNumber(ctx.problems, place, (numAmb.cls as ValueClass).examples[0]!, choice.style);

  const side = sideOf(choice);
  const parts: Accumulator[] = [];
  if (type !== 'text' && type !== 'boolean') {
    for (const c of fitting) {
      const acc = side === 'a' ? c.a : c.b;
      if (acc !== null) parts.push(acc);
    }
  }
  const [min, max] = type === 'text' || type === 'boolean' ? [null, null] : minMax(type, parts, fitting);
  const unit = type === 'integer' ? 1 : type === 'date' ? DAY_MS : 0;
  const histogram = parts.length > 0 ? buildHistogram(parts, unit) : undefined;

  const profile: ColumnProfile = {
    index: col.index,
    letter: columnLetter(col.index),
    name: ctx.name,
    header: ctx.header,
    type,
    inferredType: inferred.type,
    filled: col.filled,
    empty: col.empty,
    distinct: col.distinct.distinct,
    distinctExact: col.distinct.exact,
    min,
    max,
    top: col.distinct.top(),
    nonConforming: misfitCount + col.errors,
    examples: [...col.distinct.examples],
  };
  if (format) profile.format = format;
  if (type === 'text' && col.filled > 0) {
    profile.minLength = col.minLength;
    profile.maxLength = col.maxLength;
  }
  if (histogram) profile.histogram = histogram;
  return profile;
}
