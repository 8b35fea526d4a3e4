// Node only (tests). Which browser uploads are still named by a draft, a deleted draft (undo),
// or an outbox job — found even in a damaged document, since keeping too long is harmless.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadIdsInUse } from '../../../shared/node/drafts/upload-refs';
import { tempDir } from '../../fixtures/make-fixtures';

const root = tempDir('mesh-desk-upload-refs-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('uploadIdsInUse', () => {
  it('collects upload ids from drafts, the bin, set-aside damaged drafts and outbox jobs', async () => {
    const dataDir = join(root, 'a');
    for (const d of ['drafts/.bin', 'drafts/.damaged', 'outbox']) mkdirSync(join(dataDir, d), { recursive: true });
    writeFileSync(join(dataDir, 'drafts', 'd1.json'), JSON.stringify({ id: 'd1', source: { path: '/x', uploadId: 'upDraft' } }, null, 2));
    writeFileSync(join(dataDir, 'drafts', 'd2.json'), '{"id":"d2","source":{"uploadId": "upDamaged", "na');
    writeFileSync(join(dataDir, 'drafts', 'd3.json.123-abcdef01.tmp'), '{"source":{"uploadId":"upTemp"}}');
    writeFileSync(join(dataDir, 'drafts', '.bin', 'd4.json'), JSON.stringify({ source: { uploadId: 'upBin' } }));
    writeFileSync(join(dataDir, 'drafts', '.damaged', 'd5-1.json'), JSON.stringify({ source: { uploadId: 'upAside' } }));
    writeFileSync(join(dataDir, 'outbox', 'j1.json'), JSON.stringify({ id: 'j1', file: { path: '/y', name: 'a.csv', uploadId: 'upJob' } }, null, 2));
    writeFileSync(join(dataDir, 'drafts', 'notes.txt'), '"uploadId": "notADocument"');
    writeFileSync(join(dataDir, 'drafts', 'd6.json'), '{"uploadId": "bad id with spaces"}');
    expect([...(await uploadIdsInUse(dataDir))].sort()).toEqual(['upAside', 'upBin', 'upDamaged', 'upDraft', 'upJob', 'upTemp']);
  });

  it('is empty for a fresh data folder, and throws (clean nothing) when a folder cannot be read', async () => {
    expect((await uploadIdsInUse(join(root, 'none'))).size).toBe(0);
    if (process.getuid?.() === 0) return; // root reads everything: the permission case cannot be made
    const dataDir = join(root, 'locked');
    mkdirSync(join(dataDir, 'drafts'), { recursive: true });
    chmodSync(join(dataDir, 'drafts'), 0o000);
    try {
      await expect(uploadIdsInUse(dataDir)).rejects.toThrow();
    } finally {
      chmodSync(join(dataDir, 'drafts'), 0o755);
    }
  });
});
