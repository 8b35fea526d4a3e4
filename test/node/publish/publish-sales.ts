// Node only (test helper). Publishes a sales product (publish-fixtures.ts) into a folder mesh
// through the real pipeline — what catalog, pull and round-trip tests start from.

import { preparePublish } from '../../../shared/core/publish/prepare';
import { runPublish } from '../../../shared/core/publish/run';
import { openFileByteSource } from '../../../shared/node/files/file-byte-source';
import { openMesh } from '../../../shared/node/mesh/open-mesh';
import { standardValidators } from '../../../shared/node/publish/publish-file';
import { tempDir } from '../../fixtures/make-fixtures';
import { salesCsv, salesMeta } from './publish-fixtures';

export async function publishSales(meshDir: string, name: string, rows: number, o: { title?: string } = {}): Promise<void> {
  const mesh = openMesh(`file://${meshDir}`);
  if (!mesh.ok) throw new Error(mesh.error.message);
  const fileName = `${name}.csv`;
  const file = salesCsv(tempDir(), rows, { name: fileName });
  const bytes = await openFileByteSource(file, fileName);
  try {
    const meta = { ...salesMeta(name), ...(o.title ? { title: o.title } : {}) };
    const plan = await preparePublish({ store: mesh.value.store, bytes, fileName, sheets: [{}], meta, now: Date.now });
    if (!plan.ok) throw new Error(plan.error.message);
    const out = await runPublish({ store: mesh.value.store, location: mesh.value.location, plan: plan.value, bytes, publishId: name, publisher: 'Anna Berg', validators: await standardValidators(), now: Date.now });
    if (!out.ok) throw new Error(out.error.message);
  } finally {
    await bytes.close();
  }
}
