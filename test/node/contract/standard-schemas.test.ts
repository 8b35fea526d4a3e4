import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandardSchemas, ODCS_FILE, ODPS_FILE, schemaFolders } from '../../../shared/node/contract/standard-schemas';
import { createStandardValidators } from '../../../shared/core/contract/standard-validators';

describe('loadStandardSchemas', () => {
  it('finds the official schemas beside the repository', async () => {
    const schemas = await loadStandardSchemas({ env: {} });
    expect((schemas.odcs as { title: string }).title).toContain('Open Data Contract Standard');
    expect(() => createStandardValidators(schemas)).not.toThrow();
  });

  it('prefers $MESH_DESK_SCHEMAS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
    writeFileSync(join(dir, ODCS_FILE), '{"title":"odcs copy"}');
    writeFileSync(join(dir, ODPS_FILE), '{"title":"odps copy"}');
    const schemas = await loadStandardSchemas({ env: { MESH_DESK_SCHEMAS: dir } });
    expect(schemas.odcs).toEqual({ title: 'odcs copy' });
    expect(schemaFolders({ env: { MESH_DESK_SCHEMAS: dir } })[0]).toBe(resolve(dir));
  });

  it('says where it looked when the files are missing, and refuses damaged ones', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-schemas-'));
    await expect(loadStandardSchemas({ env: {}, repoRoot: join(empty, 'repo') })).rejects.toThrow(/were not found\. It looked in: .*MESH_DESK_SCHEMAS/);
    writeFileSync(join(empty, ODCS_FILE), '{oops');
    writeFileSync(join(empty, ODPS_FILE), '{}');
    await expect(loadStandardSchemas({ env: { MESH_DESK_SCHEMAS: empty } })).rejects.toThrow(/is not valid JSON/);
  });
});
