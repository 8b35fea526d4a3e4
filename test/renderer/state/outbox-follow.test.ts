// After "Rebase my draft" the outbox closes and the draft opens for review; other choices (and a
// refused rebase) stay in the outbox.
import { describe, expect, it } from 'vitest';
import type { OutboxResolveRequest, OutboxView } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import { resolveAndFollow } from '../../../renderer/src/state/outbox-follow';
import { view } from './outbox-fixtures';

function fakes(answer: Result<OutboxView>) {
  const log: string[] = [];
  const outbox = {
    resolve: async (r: OutboxResolveRequest) => {
      log.push(`resolve:${r.choice}`);
      return answer;
    },
    close: () => log.push('close'),
  };
  const drafts = { openDraft: async (id: string) => void log.push(`open:${id}`) };
  return { outbox, drafts, log };
}

describe('resolveAndFollow', () => {
  it('opens the rebased draft after closing the outbox', async () => {
    const f = fakes({ ok: true, value: view([]) });
    expect(await resolveAndFollow(f.outbox, f.drafts, { id: 'j1', draftId: 'd1' }, { id: 'j1', choice: 'rebase' })).toBe(true);
    expect(f.log).toEqual(['resolve:rebase', 'close', 'open:d1']);
  });

  it('stays in the outbox for keep mine / keep theirs and when the host refused', async () => {
    const f = fakes({ ok: true, value: view([]) });
    await resolveAndFollow(f.outbox, f.drafts, { id: 'j1', draftId: 'd1' }, { id: 'j1', choice: 'mine', fields: {} });
    await resolveAndFollow(f.outbox, f.drafts, { id: 'j1', draftId: 'd1' }, { id: 'j1', choice: 'theirs' });
    expect(f.log).toEqual(['resolve:mine', 'resolve:theirs']);
    const refused = fakes({ ok: false, error: { code: 'outbox.no-draft', message: 'No draft.' } });
    expect(await resolveAndFollow(refused.outbox, refused.drafts, { id: 'j1', draftId: 'd1' }, { id: 'j1', choice: 'rebase' })).toBe(false);
    expect(refused.log).toEqual(['resolve:rebase']);
  });
});
