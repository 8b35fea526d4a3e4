// Node only (bench tooling).
// The publish measurements, each in its own child like every other measurement:
//  - "publish-*": the real code path the CLI and the app's Publish button use — the check
//    pass (prepareFilePublish) and the write pass (runFilePublish), timed separately;
//  - "plain-s3-*": the yardstick — the same file's bytes cut into as many objects, sent with
//    plain PutObject at the same concurrency to the same server, nothing else.
// Bucket creation, the policy file and deleting the bucket afterwards are outside the timing.

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { benchS3Client, BENCH_CREDENTIALS, BENCH_REGION, createBucket, deleteBucket, uniqueBucketName } from './bench-s3';
import type { Measured, Run } from './measures';
import { NotReadyError } from './measures';
import { peakRssSinceResetMb, resetPeakRss } from './peak-rss';
import { PUBLISH_META } from './publish-meta';

/** What a publish or plain-upload child reports beyond the common figures. */
export interface PublishFigures {
  /** Data rows per part (publish), or the rows the objects were sized for (plain upload). */
  partRows: number;
  parts: number;
  bytesSent: number;
  /** Parts (objects) in flight at once. */
  concurrency: number;
  /** The check pass (prepareFilePublish); absent for the plain upload. */
  prepareSeconds?: number;
  /** The write pass (runFilePublish), or the whole plain upload. */
  writeSeconds: number;
  /** Peak RSS during the write pass alone, where the kernel lets us reset the mark. */
  writePeakRssMb?: number;
}

/** Parameters the parent passes to a publish child (third argument, JSON). */
export interface PublishParams {
  /** The S3 server (moto) the parent started. */
  endpoint?: string;
  /** Plain upload: how many objects to cut the file into. */
  objects?: number;
}

/** The prefix inside the bucket both kinds write under. */
const MESH_PREFIX = 'bench';

export function meshUrlFor(bucket: string, endpoint: string): string {
  return `s3://${bucket}/${MESH_PREFIX}?endpoint=${endpoint}&region=${BENCH_REGION}&pathStyle=true`;
}

function needEndpoint(params: PublishParams): string {
  if (!params.endpoint) throw new Error('no S3 endpoint given: the parent passes {"endpoint": "http://127.0.0.1:PORT"} as the third argument');
  return params.endpoint;
}

/** Our publish, with the mesh policy's part size set to `partRows`. */
export async function preparePublishMeasure(partRows: number, params: PublishParams): Promise<Run> {
  const endpoint = needEndpoint(params);
  let pub: typeof import('../publish/publish-file');
  let policyYaml: typeof import('../../core/policy/policy-yaml');
  let policyTypes: typeof import('../../core/policy/types');
  let layout: typeof import('../../core/mesh/layout');
  let partWriter: typeof import('../../core/publish/part-writer');
  let openMeshModule: typeof import('../mesh/open-mesh');
  let jobsModule: typeof import('../jobs/job-runner');
  let tasksModule: typeof import('../jobs/tasks');
  try {
    [pub, policyYaml, policyTypes, layout, partWriter, openMeshModule, jobsModule, tasksModule] = await Promise.all([
      import('../publish/publish-file'),
      import('../../core/policy/policy-yaml'),
      import('../../core/policy/types'),
      import('../../core/mesh/layout'),
      import('../../core/publish/part-writer'),
      import('../mesh/open-mesh'),
      import('../jobs/job-runner'),
      import('../jobs/tasks'),
    ]);
  } catch (e) {
    throw new NotReadyError(`the publish code cannot be loaded yet (${(e as Error).message.split('\n')[0]})`);
  }
  const concurrency = partWriter.DEFAULT_PART_CONCURRENCY;

  const client = benchS3Client(endpoint);
  const bucket = uniqueBucketName(`publish-${partRows}`);
  await createBucket(client, bucket);
  const mesh = { url: meshUrlFor(bucket, endpoint), options: { credentials: { ...BENCH_CREDENTIALS } } };
  if (partRows !== policyTypes.DEFAULT_POLICY.partRows) {
    // The governance guild's file, written through the mesh store so it lands where the app reads it.
    const opened = openMeshModule.openMesh(mesh.url, mesh.options);
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
    const yaml = policyYaml.policyToYaml({ ...policyTypes.DEFAULT_POLICY, partRows });
    await opened.value.store.put(layout.POLICY_KEY, new TextEncoder().encode(yaml), { contentType: 'application/yaml' });
  }
  // The app's worker compiles the ODCS/ODPS validators once and keeps them; do that here too.
  await pub.standardValidators();

  return async (path): Promise<Measured> => {
    const fileName = basename(path);
    const started = performance.now();
    // As in the app: the check pass runs in a worker thread of its own (the Check/Publish step's
    // job), and the write pass (the Publish button) after it, so the write pass's memory is its own.
    const jobs = new jobsModule.JobRunner();
    let prepared;
    try {
      prepared = await tasksModule.runFileTask(jobs, 'publish-prepare', { path, fileName, mesh, sheets: [{}], meta: PUBLISH_META });
    } finally {
      await jobs.close();
    }
    const prepareSeconds = (performance.now() - started) / 1000;
    if (!prepared.ok) throw new Error(`the check pass failed: ${prepared.error.code}: ${prepared.error.message}`);
    const plan = prepared.value;
    if (plan.policy.partRows !== partRows) {
      throw new Error(`the mesh policy gave ${plan.policy.partRows} rows per part (from ${plan.policySource}), not ${partRows}`);
    }
    if (!plan.check.canPublish) {
      const blocking = plan.check.findings.filter((f) => f.blocking).map((f) => `${f.code} ×${f.count}: ${f.message}`);
      throw new Error(`the check pass blocks publishing (${plan.check.blocking} finding(s)):\n${blocking.slice(0, 5).join('\n')}`);
    }

    resetPeakRss();
    const writeStarted = performance.now();
    const published = await pub.runFilePublish({ mesh, path, plan, partConcurrency: concurrency });
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const writePeakRssMb = peakRssSinceResetMb();
    if (!published.ok) throw new Error(`the write pass failed: ${published.error.code}: ${published.error.message}`);
    const out = published.value;
    const expectedParts = Math.max(1, Math.ceil(out.rows / partRows));
    if (out.rows !== plan.report.sheets[0]?.rows || out.parts !== expectedParts) {
      throw new Error(`published ${out.rows} rows in ${out.parts} parts; expected ${plan.report.sheets[0]?.rows} rows in ${expectedParts} parts`);
    }
    return {
      rows: out.rows,
      detail: `v${out.version} at ${out.address}, ${out.parts} part${out.parts === 1 ? '' : 's'}, policy from the ${plan.policySource === 'mesh' ? 'mesh' : 'built-in default'}, ${out.keys.length} keys written`,
      publish: { partRows, parts: out.parts, bytesSent: out.bytes, concurrency, prepareSeconds, writeSeconds, writePeakRssMb },
      cleanup: async () => void (await deleteBucket(client, bucket)),
    };
  };
}

/** Where object i (0-based) of `count` equal byte ranges of a `size`-byte file starts and ends. */
export function byteRange(size: number, count: number, i: number): { start: number; end: number } {
  const base = Math.floor(size / count);
  const extra = size % count;
  // The first `extra` ranges take one byte more, so the ranges cover the file exactly.
  const start = i * base + Math.min(i, extra);
  return { start, end: start + base + (i < extra ? 1 : 0) };
}

/** The yardstick: the file's bytes as `params.objects` PutObjects, 8 in flight. */
export async function preparePlainS3Measure(partRows: number, params: PublishParams, concurrency: number): Promise<Run> {
  const endpoint = needEndpoint(params);
  const objects = params.objects;
  if (!objects || !Number.isInteger(objects) || objects < 1) throw new Error(`the plain upload needs a whole number of objects, not ${String(objects)}`);
  const client = benchS3Client(endpoint);
  const bucket = uniqueBucketName(`plain-${partRows}`);
  await createBucket(client, bucket);

  return async (path): Promise<Measured> => {
    const started = performance.now();
    const size = (await stat(path)).size;
    const file = await open(path, 'r');
    let next = 0;
    let bytesSent = 0;
    try {
      const worker = async () => {
        for (let i = next++; i < objects; i = next++) {
          const { start, end } = byteRange(size, objects, i);
          const body = Buffer.allocUnsafe(end - start);
          const { bytesRead } = await file.read(body, 0, body.byteLength, start);
          if (bytesRead !== body.byteLength) throw new Error(`read ${bytesRead} of ${body.byteLength} bytes at ${start}: the file changed`);
          await client.send(new PutObjectCommand({
            Bucket: bucket,
            Key: `${MESH_PREFIX}/plain/part${String(i + 1).padStart(5, '0')}.csv`,
            Body: body,
            ContentLength: body.byteLength,
            ContentType: 'text/csv; charset=utf-8',
          }));
          bytesSent += body.byteLength;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, objects) }, worker));
    } finally {
      await file.close();
    }
    const writeSeconds = (performance.now() - started) / 1000;
    return {
      rows: 0,
      detail: `${objects} object${objects === 1 ? '' : 's'} of ~${(size / objects / 1e3).toFixed(0)} kB, ${concurrency} in flight`,
      publish: { partRows, parts: objects, bytesSent, concurrency, writeSeconds },
      cleanup: async () => void (await deleteBucket(client, bucket)),
    };
  };
}
