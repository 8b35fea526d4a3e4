// Node only (bench tooling).
// The parent's side of the publish measurements: one moto_server for all of them (started
// once, stopped at the end), the four measurements with what each child needs to know, and
// turning their reports into the publish section and targets of the output.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { motoSkipReason, startMotoServer, type MotoServer } from '../../../test/harness/moto-server';
import type { ChildReport } from './child-main';
import type { MeasureKind } from './measures';
import { PART_ROWS } from './measures';
import type { PublishSection } from './publish-format';
import { comparePublish, evaluatePublishTargets, partsLabel, skippedPublish, summarizePublish, type PublishSummary } from './publish-summary';
import type { TargetResult } from './summary';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PublishSpec {
  name: string;
  kind: MeasureKind;
  /** The child's third argument. */
  params: { endpoint: string; objects?: number };
}

/** The four measurements, in the order they run: each publish next to its yardstick. */
export function publishSpecs(rows: number, endpoint: string): PublishSpec[] {
  const out: PublishSpec[] = [];
  for (const [ours, plain] of [['publish-1000', 'plain-s3-1000'], ['publish-100k', 'plain-s3-100k']] as const) {
    const partRows = PART_ROWS[ours]!;
    // As many objects as our publish writes data parts, so both pay the same per-request cost.
    const objects = Math.max(1, Math.ceil(rows / partRows));
    out.push({ name: `publish (${partsLabel(partRows)} parts)`, kind: ours, params: { endpoint } });
    out.push({ name: `plain S3 (${objects.toLocaleString('en-US')} object${objects === 1 ? '' : 's'})`, kind: plain, params: { endpoint, objects } });
  }
  return out;
}

/** Starts the bench's S3 server, or says why there is none (then the publish rows are N/A). */
export async function startBenchS3(): Promise<{ server: MotoServer } | { skipped: string }> {
  const missing = motoSkipReason();
  if (missing) return { skipped: missing };
  try {
    return { server: await startMotoServer() };
  } catch (e) {
    return { skipped: `moto_server did not start (${(e as Error).message.split('\n')[0]})` };
  }
}

/**
 * Environment for the children. A bundled child lives in .bench/, so the standard schemas
 * cannot be found from its own location the way the source tree finds them: name the folder.
 */
export function childEnv(bundled: boolean): Record<string, string> | undefined {
  if (!bundled || process.env.MESH_DESK_SCHEMAS) return undefined;
  return { MESH_DESK_SCHEMAS: join(REPO_ROOT, '..', 'shared', 'schemas') };
}

/** Names and kinds shown when the server could not start. */
export function skippedSection(rows: number, reason: string): { section: PublishSection; targets: TargetResult[] } {
  const summaries = publishSpecs(rows, '').map((s) => skippedPublish(s.name, s.kind, reason));
  return finish(summaries, undefined);
}

export function publishOutcome(specs: PublishSpec[], reports: ChildReport[][], endpoint: string): { section: PublishSection; targets: TargetResult[] } {
  return finish(specs.map((s, i) => summarizePublish(s.name, s.kind, reports[i] ?? [])), endpoint);
}

function finish(summaries: PublishSummary[], endpoint: string | undefined): { section: PublishSection; targets: TargetResult[] } {
  const byKind = (k: MeasureKind) => summaries.find((s) => s.kind === k)!;
  const small = comparePublish(byKind('publish-1000'), byKind('plain-s3-1000'), PART_ROWS['publish-1000']!);
  const large = comparePublish(byKind('publish-100k'), byKind('plain-s3-100k'), PART_ROWS['publish-100k']!);
  const targets = evaluatePublishTargets(small, large, [byKind('publish-1000'), byKind('publish-100k')]);
  return { section: { ...(endpoint ? { endpoint } : {}), summaries, comparisons: [small, large] }, targets };
}
