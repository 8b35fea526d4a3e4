// Browser (renderer). The four steps of publishing, as buttons: the current one is marked for
// screen readers (aria-current) and steps not reachable yet are disabled with the reason.

import type { Screen } from '../state/import-state';

const STEPS: { screen: Screen; label: string }[] = [
  { screen: 'import', label: 'Check your data' },
  { screen: 'describe', label: 'Describe' },
  { screen: 'check', label: 'Check' },
  { screen: 'publish', label: 'Publish' },
];

interface Props {
  current: Screen;
  /** Why Describe and Check are not reachable yet, or null when they are. */
  blockedReason: string | null;
  /** Why Publish is not reachable yet (nothing prepared), or null when it is. */
  publishBlockedReason?: string | null;
  onGo(screen: Screen): void;
  /** The steps to show, when not all four ("Edit description" has no file step and no check). */
  only?: readonly Screen[];
}

export function StepNav({ current, blockedReason, publishBlockedReason = null, onGo, only }: Props) {
  const steps = only ? STEPS.filter((s) => only.includes(s.screen)) : STEPS;
  return (
    <nav className="steps" aria-label="Steps to publish">
      <ol>
        {steps.map((s, i) => {
          const here = s.screen === current;
          const reason = s.screen === 'import' ? null : (blockedReason ?? (s.screen === 'publish' ? publishBlockedReason : null));
          const blocked = reason !== null;
          return (
            <li key={s.screen} className={here ? 'is-current' : ''}>
              <button
                type="button"
                className="step"
                data-testid={`step-${s.screen}`}
                aria-current={here ? 'step' : undefined}
                disabled={blocked && !here}
                title={blocked && !here ? reason : undefined}
                onClick={() => !here && onGo(s.screen)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-label">
                  <span className="sr-only">
                    Step {i + 1} of {steps.length}:{' '}
                  </span>
                  {s.label}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
