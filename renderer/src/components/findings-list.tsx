// Browser (renderer). The Check step's findings, grouped by column then "Whole file". Each one
// is the same item as on the Import screen (message, place, count, examples) plus what the
// policy decided and, on warnings, "Publish anyway…" with a written reason.

import { useState } from 'react';
import type { FindingGroup, FindingView } from '../lib/check-view';
import { formatLocalTime } from '../lib/check-view';
import type { WaiverTarget } from '../state/describe-state';
import { ProblemItem } from './problems-panel';
import { WaiveForm } from './waive-form';

interface Props {
  groups: FindingGroup[];
  showSheet: boolean;
  onWaive(target: WaiverTarget, reason: string): void;
  onUndo(target: WaiverTarget): void;
}

const target = (v: FindingView): WaiverTarget => {
  const t: WaiverTarget = { code: v.finding.code };
  if (v.finding.sheet !== undefined) t.sheet = v.finding.sheet;
  if (v.finding.column !== undefined) t.column = v.finding.column;
  return t;
};

function verdict(v: FindingView): { label: string; className: string } {
  if (v.finding.blocking) return { label: 'Stops publishing', className: 'is-blocking' };
  if (v.waiver) return { label: 'Accepted by you', className: 'is-waived' };
  if (v.finding.severity === 'warning') return { label: 'Worth checking', className: 'is-warning' };
  if (v.finding.severity === 'error') return { label: 'Needs fixing', className: 'is-warning' };
  return { label: 'For your information', className: 'is-info' };
}

export function FindingsList({ groups, showSheet, onWaive, onUndo }: Props) {
  // Which finding's form is open, by its number in the list (one at a time).
  const [open, setOpen] = useState<number | null>(null);
  let n = 0;
  return (
    <section className="card findings" aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title">What the check found</h2>
      {groups.length === 0 && <p className="problems-none">Nothing found. The data and its description pass every check.</p>}
      {groups.map((g) => (
        <section key={g.column || 'file'} className="finding-group" aria-labelledby={`fg-${g.column || 'file'}`}>
          <h3 id={`fg-${g.column || 'file'}`}>{g.title}</h3>
          <ul className="problem-list">
            {g.findings.map((v) => {
              const i = n++;
              const vd = verdict(v);
              return (
                <ProblemItem key={i} problem={v.finding} showSheet={showSheet} testId="finding" className={`finding ${vd.className}`} label={vd.label}>
                  <p className="finding-verdict">
                    <span className={`verdict-tag ${vd.className}`} aria-hidden="true">
                      {vd.label}
                    </span>
                    {v.waivable && !v.waiver && open !== i && (
                      <button type="button" className="button button-link" data-testid={`waive-${i}`} title="Publish despite this warning, with a written reason everyone can read" onClick={() => setOpen(i)}>
                        Waive…
                      </button>
                    )}
                  </p>
                  {v.waiver && (
                    <div className="waived" data-testid={`waived-${i}`}>
                      <p>
                        <strong>Your reason:</strong> {v.waiver.reason}
                        <span className="muted small">
                          {' '}
                          — {v.waiver.by ? `${v.waiver.by}, ` : ''}
                          {formatLocalTime(v.waiver.at)}
                        </span>
                      </p>
                      <button type="button" className="button button-link" data-testid={`undo-waive-${i}`} onClick={() => onUndo(target(v))}>
                        Undo
                      </button>
                    </div>
                  )}
                  {open === i && !v.waiver && (
                    <WaiveForm
                      onCancel={() => setOpen(null)}
                      onConfirm={(reason) => {
                        onWaive(target(v), reason);
                        setOpen(null);
                      }}
                    />
                  )}
                </ProblemItem>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
