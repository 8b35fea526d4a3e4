// Runs anywhere (pure core).
// Plain MAJOR.MINOR.PATCH versions, the only kind Mesh Desk writes. Pre-release and build tags
// are refused rather than half-supported: a version is also part of every file name in the
// mesh ("v1.2.0.datapart0001.csv"), so only one spelling of each version may exist.

import { UserFacingError } from '../result';
import type { Bump } from '../publish/version-history';

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

// No leading zeros (SemVer §2): "1.02.0" would be a second spelling of "1.2.0".
const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** "1.2.3" or "v1.2.3" → its numbers; anything else (including "1.2", "1.2.3-beta") → undefined. */
export function parseVersion(s: string): SemVer | undefined {
  if (typeof s !== 'string') return undefined;
  const m = VERSION.exec(s);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Beyond 2^53 numbers stop being exact, and two different texts would compare equal.
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  return { major, minor, patch };
}

export function formatVersion(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/**
 * Orders by number, not text (1.9.0 < 1.10.0). Unparsable versions sort before every real one
 * (a hand-edited entry must never be taken for the latest); among themselves by plain text, so
 * sorting stays deterministic.
 */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) {
    if (va) return 1;
    if (vb) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return va.major - vb.major || va.minor - vb.minor || va.patch - vb.patch;
}

/** 1.2.3 + major → 2.0.0, + minor → 1.3.0, + patch → 1.2.4. */
export function bumpVersion(v: string, bump: Bump): string {
  const p = parseVersion(v);
  if (!p) {
    throw new UserFacingError(
      'version.unreadable',
      `The current version "${v}" is not a version number like 1.2.0, so Mesh Desk cannot work out the next one. Ask the mesh administrator to correct the product's version.`,
    );
  }
  const next: SemVer =
    bump === 'major' ? { major: p.major + 1, minor: 0, patch: 0 }
    : bump === 'minor' ? { major: p.major, minor: p.minor + 1, patch: 0 }
    : { major: p.major, minor: p.minor, patch: p.patch + 1 };
  if (!Number.isSafeInteger(next.major) || !Number.isSafeInteger(next.minor) || !Number.isSafeInteger(next.patch)) {
    throw new UserFacingError('version.unreadable', `The current version "${v}" is too large to be raised any further.`);
  }
  return formatVersion(next);
}

const RANKS: Readonly<Record<Bump, number>> = { patch: 0, minor: 1, major: 2 };

/** patch 0 < minor 1 < major 2. */
export function bumpRank(b: Bump): number {
  return RANKS[b];
}
