// Runs anywhere (pure core).
// Hands findings to the ProblemSink with the severity the policy chose (or the default), and
// counts them per code for the summary. A code set to "off" is never reported — and the
// checker does not even run it (see `on`).

import type { ProblemSink, Severity } from '../problems';
import { CHECK_DEFAULTS, type CheckCode, type CheckLevel } from './check-defaults';

export interface FindingPlace {
  row?: number;
  line?: number;
  columnIndex?: number;
  columnName?: string;
  value?: string;
}

export class CheckReporter {
  readonly counts: Partial<Record<CheckCode, number>> = {};
  private readonly severity: Partial<Record<CheckCode, Severity>> = {};
  /** Code + column pairs already reported once: their later messages are never shown. */
  private readonly worded = new Set<string>();

  constructor(
    private readonly sink: ProblemSink,
    readonly sheet: string,
    private readonly levels: Partial<Record<CheckCode, CheckLevel>> | undefined,
  ) {}

  /** Whether the check runs at all. */
  on(code: CheckCode): boolean {
    return this.levels?.[code] !== 'off';
  }

  /**
   * `message` may be a function: the problem list keeps only the first message of each code and
   * column (later ones only add to the count and examples), so building a sentence for each of
   * a hundred thousand findings would be wasted work on the hot path.
   */
  add(code: CheckCode, message: string | (() => string), place: FindingPlace): void {
    const level = this.levels?.[code];
    if (level === 'off') return;
    let severity = this.severity[code];
    if (severity === undefined) severity = this.severity[code] = level ?? CHECK_DEFAULTS[code].severity;
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    let text = '';
    if (typeof message === 'string') text = message;
    else {
      const key = `${code}:${place.columnIndex ?? ''}`;
      if (!this.worded.has(key)) {
        this.worded.add(key);
        text = message();
      }
    }
    this.sink.add({ severity, code, message: text, sheet: this.sheet, ...place });
  }
}
