// Node only (tests). The renderer is rebuilt only when its output is missing or stale.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newestMtime, rendererIsStale } from '../../../shared/node/app/renderer-build';

function touch(path: string, secondsAgo: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
}

describe('rendererIsStale', () => {
  it('is stale without a build, fresh after one, stale again after a source edit', () => {
    const repo = mkdtempSync(join(tmpdir(), 'mesh-desk-build-'));
    touch(join(repo, 'renderer', 'src', 'main.tsx'), 100);
    touch(join(repo, 'shared', 'core', 'result.ts'), 100);
    expect(rendererIsStale(repo)).toBe(true);
    touch(join(repo, 'build', 'renderer', 'index.html'), 50);
    expect(rendererIsStale(repo)).toBe(false);
    touch(join(repo, 'shared', 'core', 'inspect', 'x.ts'), 10);
    expect(rendererIsStale(repo)).toBe(true);
  });

  it('ignores tool caches under node_modules and hidden folders', () => {
    const repo = mkdtempSync(join(tmpdir(), 'mesh-desk-build-'));
    touch(join(repo, 'renderer', 'index.html'), 100);
    touch(join(repo, 'build', 'renderer', 'index.html'), 50);
    touch(join(repo, 'renderer', 'node_modules', '.vite', 'results.json'), 0);
    touch(join(repo, 'renderer', '.cache', 'x'), 0);
    expect(rendererIsStale(repo)).toBe(false);
    expect(newestMtime([join(repo, 'missing')])).toBe(0);
  });
});
