// Browser (renderer). The version the owner publishes: one radio button per version the rules
// allow (the required one preselected; never a lower one), each with what it means for readers.

import type { PublishProposal } from '../../../shared/core/api/contract';
import type { Bump } from '../../../shared/core/publish/version-history';
import { BUMP_MEANING, bumpLabel } from '../lib/publish-view';

interface Props {
  proposal: PublishProposal;
  chosen: Bump | null;
  disabled: boolean;
  onChoose(bump: Bump): void;
}

export function VersionChoice({ proposal, chosen, disabled, onChoose }: Props) {
  if (proposal.choices.length === 0) return null;
  return (
    <fieldset className="form-group version-choice" data-testid="publish-bumps">
      <legend>Version to publish</legend>
      {proposal.choices.map((c) => {
        const hintId = `bump-hint-${c.bump}`;
        return (
          <div key={c.bump} className="version-option">
            <label className="radio">
              <input
                type="radio"
                name="publish-bump"
                value={c.bump}
                data-testid={`publish-bump-${c.bump}`}
                checked={chosen === c.bump}
                disabled={disabled}
                aria-describedby={proposal.required === 'initial' ? undefined : hintId}
                onChange={() => onChoose(c.bump)}
              />
              <span>{bumpLabel(c, proposal.required)}</span>
            </label>
            {proposal.required !== 'initial' && (
              <p id={hintId} className="field-hint version-hint">
                {BUMP_MEANING[c.bump]}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
