// Browser (renderer). "This column looks like personal data" hints for the Describe step. The
// Check step's answer (report.check.suggestions, made with the policy) wins when there is one;
// before that the shared core guesses from the column's name and the examples kept while reading.

import type { ColumnProfile, PersonalDataSuggestion } from '../../../shared/core/inspect/report';
import { suggestPersonalData } from '../../../shared/core/metadata/personal-suggest';

/** One suggestion per column name, never "none". */
export function personalSuggestions(
  columns: readonly Pick<ColumnProfile, 'name' | 'header' | 'letter' | 'examples' | 'top'>[],
  fromCheck: readonly PersonalDataSuggestion[] | undefined,
): Map<string, PersonalDataSuggestion> {
  const out = new Map<string, PersonalDataSuggestion>();
  for (const s of fromCheck ?? []) if (!out.has(s.column)) out.set(s.column, s);
  const local = suggestPersonalData(
    columns
      .filter((c) => !out.has(c.name))
      .map((c) => ({ name: c.name, header: c.header, letter: c.letter, examples: [...c.examples, ...c.top.map((t) => t.value)] })),
  );
  for (const s of local) {
    if (s.suggested === 'none' || out.has(s.column)) continue;
    out.set(s.column, { ...s, suggested: s.suggested });
  }
  return out;
}
