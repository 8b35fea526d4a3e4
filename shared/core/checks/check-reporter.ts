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

  constructor(
    private readonly sink: ProblemSink,
    readonly sheet: string,
    private readonly levels: Partial<Record<CheckCode, CheckLevel>> | undefined,
  ) {}

  /** Whether the check runs at all. */
  on(code: CheckCode): boolean {
    return this.levels?.[code] !== 'off';
  }

  add(code: CheckCode, message: string, place: FindingPlace): void {
    const level = this.levels?.[code];
    if (level === 'off') return;
    let severity = this.severity[code];
    if (severity === undefined) severity = this.severity[code] = level ?? CHECK_DEFAULTS[code].severity;
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    this.sink.add({ severity, code, message, sheet: this.sheet, ...place });
  }
}
