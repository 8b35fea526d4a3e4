// Runs anywhere (pure core).
// The version number of the next publish: the rules say the lowest bump the changes allow
// (schema-diff), the owner may ask for more but never less (a reader who trusts "minor means
// nothing breaks" must be able to), and a number that is already in the store is never reused.

import type { OdcsContract } from '../contract/odcs-types';
import type { Bump } from '../publish/version-history';
import { fail, ok, type Result } from '../result';
import { diffContracts, requiredBump, type VersionChange } from './schema-diff';
import { bumpRank, bumpVersion, formatVersion, parseVersion } from './semver';

export interface VersionDecision {
  version: string; // the new version
  bump: Bump | 'initial'; // what was applied
  required: Bump | 'initial'; // what the rules demand
  changes: VersionChange[];
  /** One line for the Publish screen: 'column "region" removed → major'. */
  reason: string;
}

export interface DecideVersionInput {
  previous: { version: string; contract: OdcsContract } | null;
  next: OdcsContract;
  ownerBump?: Bump;
  taken?: readonly string[];
}

const FIRST_VERSION = '1.0.0';
const BUMP_NAMES: readonly Bump[] = ['major', 'minor', 'patch'];
const isBump = (b: unknown): b is Bump => typeof b === 'string' && (BUMP_NAMES as readonly string[]).includes(b);

/** "v1.2.0" and "1.2.0" name the same published version; unreadable entries match only themselves. */
function isTaken(version: string, taken: readonly string[] | undefined): boolean {
  return (taken ?? []).some((t) => {
    const p = typeof t === 'string' ? parseVersion(t) : undefined;
    return p ? formatVersion(p) === version : t === version;
  });
}

function takenError(version: string): Result<never> {
  return fail(
    'version.taken',
    `Version ${version} has already been published for this product, and a published version is never overwritten. Reload the product's version history and try again; if it happens again, choose a higher update.`,
  );
}

/** The change that forces the level, plus how many more there are: 'column "region" removed, and 2 more changes'. */
function headline(changes: readonly VersionChange[], level: Bump): string {
  const first = changes.find((c) => c.level === level);
  if (!first) return 'only the data or descriptions changed';
  const more = changes.length - 1;
  return more === 0 ? first.text : `${first.text}, and ${more} more change${more === 1 ? '' : 's'}`;
}

export function decideVersion(input: DecideVersionInput): Result<VersionDecision> {
  const { previous, next, ownerBump, taken } = input;
  if (ownerBump !== undefined && !isBump(ownerBump)) {
    return fail('version.bad-choice', `"${String(ownerBump)}" is not a kind of update Mesh Desk knows. Choose major, minor or patch.`);
  }
  if (previous === null) {
    // The first version is always 1.0.0 whatever the owner picked: there is nothing to compare.
    if (isTaken(FIRST_VERSION, taken)) return takenError(FIRST_VERSION);
    return ok({ version: FIRST_VERSION, bump: 'initial', required: 'initial', changes: [], reason: `first version → ${FIRST_VERSION}` });
  }
  if (!parseVersion(previous.version)) {
    return fail(
      'version.unreadable',
      `The current version "${previous.version}" is not a version number like 1.2.0, so Mesh Desk cannot work out the next one. Ask the mesh administrator to correct the product's version.`,
    );
  }
  const changes = diffContracts(previous.contract, next);
  const required = requiredBump(changes);
  if (ownerBump !== undefined && bumpRank(ownerBump) < bumpRank(required)) {
    const needed = bumpVersion(previous.version, required);
    return fail(
      'version.bump-too-low',
      `A ${ownerBump} update is not enough here: ${headline(changes, required)}. ` +
        `That can break the reports and tools of people who use this data, so it needs a ${required} update. ` +
        `Choose "${required}" (version ${needed}) instead.`,
    );
  }
  const bump = ownerBump ?? required;
  const version = bumpVersion(previous.version, bump);
  if (isTaken(version, taken)) return takenError(version);
  const why = `${headline(changes, required)} → ${required}`;
  const reason = bump === required ? why : `${why}; you chose ${bump}`;
  return ok({ version, bump, required, changes, reason });
}
