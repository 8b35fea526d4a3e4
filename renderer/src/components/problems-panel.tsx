// Browser (renderer). What Mesh Desk found while reading, grouped by how much it matters. Each
// problem names the place in the owner's file; the exact places are one click away.

import type { ReactNode } from 'react';
import type { Problem } from '../../../shared/core/problems';
import { examplesSummary, exampleText, groupBySeverity, occurrenceText, problemPlace } from '../lib/problems-view';

const SEVERITY_WORD = { error: 'Needs fixing', warning: 'Worth checking', info: 'Note' } as const;

interface ItemProps {
  problem: Problem;
  showSheet: boolean;
  /** The Check step lists findings with the same item, marked and with its own actions. */
  testId?: string;
  className?: string;
  /** Replaces the severity word read before the message (e.g. "Stops publishing"). */
  label?: string;
  children?: ReactNode;
}

export function ProblemItem({ problem, showSheet, testId = 'problem', className = '', label, children }: ItemProps) {
  // A CSV has one sheet named after the file: repeating it on every problem is noise.
  const place = problemPlace(showSheet ? problem : { ...problem, sheet: undefined });
  return (
    <li className={`problem problem-${problem.severity} ${className}`.trimEnd()} data-testid={testId} data-code={problem.code}>
      <span className="sr-only">{label ?? SEVERITY_WORD[problem.severity]}: </span>
      <p className="problem-message">{problem.message}</p>
      <p className="problem-meta">
        {place && <span className="problem-place">{place}</span>}
        <span className="problem-count">{occurrenceText(problem.count)}</span>
      </p>
      {problem.examples.length > 0 && (problem.count > 1 || problem.examples.some((e) => e.value !== undefined)) && (
        <details className="problem-examples">
          <summary>{examplesSummary(problem)}</summary>
          <ul>
            {problem.examples.map((e, i) => (
              <li key={i}>{exampleText(e)}</li>
            ))}
          </ul>
        </details>
      )}
      {children}
    </li>
  );
}

export function ProblemsPanel({ problems, showSheet }: { problems: Problem[]; showSheet: boolean }) {
  const groups = groupBySeverity(problems);
  return (
    <section className="card problems" data-testid="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">
        Problems found <span className="muted">({problems.length})</span>
      </h2>
      {groups.length === 0 ? (
        <p className="problems-none">No problems found. The sheet reads cleanly.</p>
      ) : (
        groups.map((g) => (
          <section key={g.severity} className={`problem-group group-${g.severity}`} aria-labelledby={`problems-${g.severity}`}>
            <h3 id={`problems-${g.severity}`}>
              {g.title} <span className="muted">({g.problems.length})</span>
            </h3>
            <p className="muted small">{g.hint}</p>
            <ul className="problem-list">
              {g.problems.map((p, i) => (
                <ProblemItem key={`${p.code}:${p.sheet ?? ''}:${p.column ?? ''}:${i}`} problem={p} showSheet={showSheet} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
