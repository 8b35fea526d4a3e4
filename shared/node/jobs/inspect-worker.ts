// Node only (the entry module of an inspect worker thread).
// Runs the core's overview and inspect on a file opened here, in the worker, so parsing a
// large workbook never blocks the main process (Electron's UI, or the web host's requests).
// Loaded by worker-entry.mjs under tsx, or bundled as its own entry for the Electron build.

import { fail } from '../../core/result';
import { inspectFile, overviewFile } from '../../core/inspect/inspect';
import { openFileByteSource } from '../files/file-byte-source';
import { serveTasks } from './worker-host';
import type { InspectTaskPayload, OverviewTaskPayload, ReportTaskPayload } from './tasks';
import { openSource } from '../../core/ingest/open-source';
import { ProblemCollector } from '../../core/problems';
import { writeCheckReportXlsx } from '../export/check-report-xlsx';
import { prepareFilePublish, runFilePublish } from '../publish/publish-file';
import type { DiffTaskPayload, ExportTaskPayload, MetaPrepareTaskPayload, MetaRunTaskPayload, PublishPrepareTaskPayload, PublishRunTaskPayload } from './tasks';
import { prepareMetaPublish, runMetaPublish } from '../publish/publish-meta';
import { diffSource } from '../../core/pull/diff-source';
import { exportProduct } from '../export/export-product';
import { openMesh } from '../mesh/open-mesh';
import { ok } from '../../core/result';

function isFilePayload(x: unknown): x is OverviewTaskPayload {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return typeof p.path === 'string' && typeof p.fileName === 'string';
}

const badPayload = () => fail('internal', 'Mesh Desk started a job without saying which file to read. Please report this.');

serveTasks({
  // A re-imported workbook against the version it was pulled from.
  async diff(payload, { signal, progress }) {
    if (!isFilePayload(payload)) return badPayload();
    const p = payload as DiffTaskPayload;
    const opened = openMesh(p.mesh.url, p.mesh.options);
    if (!opened.ok) return opened;
    const bytes = await openFileByteSource(p.path, p.fileName);
    try {
      return ok(
        await diffSource({
          store: opened.value.store,
          bytes,
          fileName: p.fileName,
          product: p.product,
          version: p.version,
          ...(p.sheet ? { sheet: p.sheet } : {}),
          ...(p.headerRow ? { headerRow: p.headerRow } : {}),
          ...(p.endpoint ? { endpoint: p.endpoint } : {}),
          signal,
          onProgress: (u) => progress({ bytesDone: 0, bytesTotal: 0, rows: u.editedRows }),
        }),
      );
    } finally {
      await bytes.close();
    }
  },

  // "Open in Excel" / "Save as CSV": a version's table from the mesh into the file the owner chose.
  async export(payload, { signal, progress }) {
    const p = payload as ExportTaskPayload;
    if (typeof p?.path !== 'string' || typeof p.product !== 'string' || !p.mesh) return badPayload();
    const opened = openMesh(p.mesh.url, p.mesh.options);
    if (!opened.ok) return opened;
    const out = await exportProduct({
      store: opened.value.store,
      location: opened.value.location,
      product: p.product,
      path: p.path,
      ...(p.version ? { version: p.version } : {}),
      ...(p.endpoint ? { endpoint: p.endpoint } : {}),
      ...(p.csv ? { csv: p.csv } : {}),
      signal,
      onProgress: (u) => progress({ bytesDone: u.rowsDone, bytesTotal: u.rowsTotal, rows: u.rowsDone }),
    });
    return ok(out);
  },

  // Publishing: check against the mesh's policy and propose the version; then send and commit.
  async 'publish-prepare'(payload, { signal, progress }) {
    if (!isFilePayload(payload)) return badPayload();
    const p = payload as PublishPrepareTaskPayload;
    return prepareFilePublish({ mesh: p.mesh, path: p.path, fileName: p.fileName, sheets: p.sheets, meta: p.meta, ...(p.waivers ? { waivers: p.waivers } : {}), signal, onProgress: progress });
  },

  async 'publish-run'(payload, { signal, progress }) {
    if (!isFilePayload(payload)) return badPayload();
    const p = payload as PublishRunTaskPayload;
    return runFilePublish({
      mesh: p.mesh,
      path: p.path,
      plan: p.plan,
      ...(p.bump ? { bump: p.bump } : {}),
      ...(p.publisher ? { publisher: p.publisher } : {}),
      ...(p.publishId ? { publishId: p.publishId } : {}),
      signal,
      onProgress: (u) => progress({ bytesDone: u.bytesRead, bytesTotal: u.bytesTotal, rows: u.rows, phase: u.phase, partsDone: u.partsDone, bytesSent: u.bytesSent, ...(u.sheet ? { sheet: u.sheet } : {}) }),
    });
  },

  // "Edit description": words only, no file (the validators run here, off the main process).
  async 'publish-meta-prepare'(payload, { signal }) {
    const p = payload as MetaPrepareTaskPayload;
    if (typeof p?.product !== 'string' || typeof p.baseVersion !== 'string' || typeof p.mesh?.url !== 'string') return badPayload();
    return prepareMetaPublish({ mesh: p.mesh, product: p.product, baseVersion: p.baseVersion, meta: p.meta, signal });
  },

  async 'publish-meta-run'(payload, { signal, progress }) {
    const p = payload as MetaRunTaskPayload;
    if (typeof p?.publishId !== 'string' || typeof p.plan?.product !== 'string' || typeof p.mesh?.url !== 'string') return badPayload();
    return runMetaPublish({
      mesh: p.mesh,
      plan: p.plan,
      publishId: p.publishId,
      ...(p.bump ? { bump: p.bump } : {}),
      ...(p.publisher ? { publisher: p.publisher } : {}),
      signal,
      onProgress: (u) => progress({ bytesDone: 0, bytesTotal: 0, rows: u.rows, phase: u.phase, partsDone: 0, bytesSent: 0 }),
    });
  },

  async overview(payload, { signal }) {
    if (!isFilePayload(payload)) return badPayload();
    const bytes = await openFileByteSource(payload.path, payload.fileName);
    try {
      return await overviewFile(bytes, payload.fileName, signal);
    } finally {
      await bytes.close();
    }
  },

  async inspect(payload, { signal, progress }) {
    if (!isFilePayload(payload)) return badPayload();
    const { path, fileName, options } = payload as InspectTaskPayload;
    const bytes = await openFileByteSource(path, fileName);
    try {
      return await inspectFile(bytes, { ...options, fileName, signal, onProgress: progress });
    } finally {
      await bytes.close();
    }
  },

  // The quality report: check the file, then read it once more to copy the rows with problems.
  async report(payload, { signal, progress }) {
    if (!isFilePayload(payload) || typeof (payload as ReportTaskPayload).outPath !== 'string') return badPayload();
    const { path, fileName, options, outPath } = payload as ReportTaskPayload;
    const bytes = await openFileByteSource(path, fileName);
    try {
      const checked = await inspectFile(bytes, { ...options, fileName, signal, onProgress: progress, previewRows: 0 });
      if (!checked.ok) return checked;
      const sheet = checked.value.sheets[0];
      const source = await openSource(bytes, fileName, signal);
      try {
        const rows = sheet ? source.rows(sheet.name, { signal, problems: new ProblemCollector() }) : undefined;
        return await writeCheckReportXlsx({ report: checked.value, path: outPath, signal, ...(rows ? { rows } : {}) });
      } finally {
        await source.close();
      }
    } finally {
      await bytes.close();
    }
  },
});
