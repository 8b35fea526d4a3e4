// Node only (bench tooling).
// The export measurements' setup: publishing the bench CSV once as a product, outside the
// timing, through the same check and write passes the CLI and the app run (prepareFilePublish
// + runFilePublish). It runs in a process of its own (`child.mjs export-setup <file> <params>`),
// started by the export child and gone before the export starts: a worker thread or the
// child itself would leave ~200 MB of freed-but-kept heap behind, and that would sit under
// the export's peak memory (and under the 1/4-size run less than under the full one).

import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { BENCH_CREDENTIALS } from './bench-s3';
import { EXPORT_SETUP_ARG } from './measures';
import { meshUrlFor } from './publish-measures';
import { PUBLISH_META } from './publish-meta';

export interface ExportSetupParams {
  endpoint: string;
  /** An existing, empty bucket: the export child creates and deletes it. */
  bucket: string;
  /** Rows per data part (the mesh policy written before the publish). */
  partRows: number;
}

export interface PublishedForExport {
  product: string;
  version: string;
  rows: number;
  parts: number;
  /** The publish (policy, check pass, write pass). */
  seconds: number;
}

export function meshFor(p: Pick<ExportSetupParams, 'endpoint' | 'bucket'>): { url: string; options: { credentials: { accessKeyId: string; secretAccessKey: string } } } {
  return { url: meshUrlFor(p.bucket, p.endpoint), options: { credentials: { ...BENCH_CREDENTIALS } } };
}

/** In the setup process: writes the policy, then publishes `source` as PUBLISH_META's product. */
async function publishForExport(source: string, p: ExportSetupParams): Promise<PublishedForExport> {
  const [pub, openMeshModule, policyYaml, policyTypes, layout] = await Promise.all([
    import('../publish/publish-file'),
    import('../mesh/open-mesh'),
    import('../../core/policy/policy-yaml'),
    import('../../core/policy/types'),
    import('../../core/mesh/layout'),
  ]);
  const started = performance.now();
  const mesh = meshFor(p);
  const opened = openMeshModule.openMesh(mesh.url, mesh.options);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  const yaml = policyYaml.policyToYaml({ ...policyTypes.DEFAULT_POLICY, partRows: p.partRows });
  await opened.value.store.put(layout.POLICY_KEY, new TextEncoder().encode(yaml), { contentType: 'application/yaml' });

  const fileName = basename(source);
  const prepared = await pub.prepareFilePublish({ mesh, path: source, fileName, sheets: [{}], meta: PUBLISH_META });
  if (!prepared.ok) throw new Error(`the check pass failed: ${prepared.error.code}: ${prepared.error.message}`);
  if (!prepared.value.check.canPublish) throw new Error(`the check pass blocks publishing (${prepared.value.check.blocking} finding(s))`);
  const published = await pub.runFilePublish({ mesh, path: source, plan: prepared.value });
  if (!published.ok) throw new Error(`the write pass failed: ${published.error.code}: ${published.error.message}`);
  const out = published.value;
  return { product: out.product, version: out.version, rows: out.rows, parts: out.parts, seconds: (performance.now() - started) / 1000 };
}

/** child.mjs's entry for the setup process: one JSON line, {ok, value} or {ok: false, message}. */
export async function exportSetupMain(source: string, paramsJson: string): Promise<number> {
  try {
    const p = JSON.parse(paramsJson) as ExportSetupParams;
    const value = await publishForExport(source, p);
    process.stdout.write(`${JSON.stringify({ ok: true, value })}\n`);
    return 0;
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    return 1;
  }
}

/** In the export child: runs the setup in a fresh process of the same entry and waits for it. */
export function runExportSetup(source: string, p: ExportSetupParams, timeoutMs = 600_000): Promise<PublishedForExport> {
  const entry = process.argv[1];
  if (!entry) return Promise.reject(new Error('cannot tell which script this child runs, so the setup process cannot be started'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, EXPORT_SETUP_ARG, source, JSON.stringify(p)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    // Keep only the end: a setup that logs without pause must not fill our memory.
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start the setup process: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      let parsed: { ok: true; value: PublishedForExport } | { ok: false; message: string } | undefined;
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        // Not our JSON line: reported below.
      }
      if (parsed?.ok) return resolve(parsed.value);
      if (parsed && !parsed.ok) return reject(new Error(`publishing the product to export failed: ${parsed.message}`));
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`the setup process ${how} without a result. ${stderr.trim().split('\n').slice(-8).join('\n')}`));
    });
  });
}
