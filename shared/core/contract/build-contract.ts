// Runs anywhere (pure core).
// Owner's metadata + inspected sheets → the ODCS v3.1.0 contract of one version. Pure and
// deterministic: the creation time is passed in, so the same input always gives the same text.

import type { SheetReport } from '../inspect/report';
import type { ProductMeta, Waiver } from '../metadata/types';
import { columnProperty, severityOf, type QualityRuleOptions } from './column-property';
import { contractIdFor, endpointNames, productKey } from './identifiers';
import type { OdcsContract, OdcsCustomProperty, OdcsSchemaObject, OdcsServer } from './odcs-types';
import { ownerTeam, slaProperties, supportChannel } from './people-and-service';

export interface BuildContractInput {
  meta: ProductMeta;
  /** The default endpoint's sheet first; each further sheet becomes one more endpoint. */
  sheets: SheetReport[];
  /** Semver of this version (default "1.0.0"). */
  version?: string;
  status?: 'draft' | 'active';
  /** ISO 8601 UTC time, injected so builds are reproducible. */
  createdAt: string;
  waivers?: Waiver[];
  qualityRules?: QualityRuleOptions;
  /** Filled in at publish; left out of drafts. */
  servers?: OdcsServer[];
}

function schemaObject(sheet: SheetReport, endpoint: string, meta: ProductMeta, quality: QualityRuleOptions | undefined, isDefault: boolean): OdcsSchemaObject {
  const columnsMeta = meta.columns ?? {};
  // Own-property lookup only: a column named "__proto__" or "constructor" must not find Object's.
  const metaOf = (name: string) => (Object.hasOwn(columnsMeta, name) ? columnsMeta[name] : undefined);
  let keyPosition = 0;
  const properties = sheet.columns.map((column) => {
    const m = metaOf(column.name);
    return columnProperty({ column, meta: m, primaryKeyPosition: m?.primaryKey ? ++keyPosition : undefined, quality });
  });
  const minRows = Math.max(1, Math.floor(quality?.minRows ?? 1));
  const obj: OdcsSchemaObject = {
    id: endpoint,
    name: endpoint,
    logicalType: 'object',
    physicalName: endpoint,
    // Each endpoint is published as a folder of CSV data parts.
    physicalType: 'file',
    businessName: isDefault && meta.title ? meta.title : sheet.name,
    properties,
    quality: [{
      type: 'library', metric: 'rowCount', mustBeGreaterOrEqualTo: minRows, unit: 'rows', dimension: 'completeness',
      severity: severityOf(quality, 'rowCount'), description: minRows === 1 ? 'The table is not empty.' : `The table has at least ${minRows} rows.`,
    }],
    customProperties: [
      { property: 'sourceSheet', value: sheet.name },
      { property: 'sourceHeaderRow', value: sheet.headerRow },
    ],
  };
  if (isDefault && meta.description) obj.description = meta.description;
  return obj;
}

/** Where the freshness column lives, in ODCS element notation ("endpoint.column"). */
function freshnessElement(meta: ProductMeta, sheets: SheetReport[], endpoints: string[]): string | undefined {
  if (!meta.freshnessColumn) return undefined;
  const i = sheets.findIndex((s) => s.columns.some((c) => c.name === meta.freshnessColumn));
  return i < 0 ? undefined : `${endpoints[i]}.${meta.freshnessColumn}`;
}

export function metaCustomProperties(meta: ProductMeta, waivers: Waiver[] | undefined, supportHasNoUrl: boolean): OdcsCustomProperty[] {
  const out: OdcsCustomProperty[] = [];
  const add = (property: string, value: unknown) => {
    if (value !== undefined && value !== '') out.push({ property, value });
  };
  add('title', meta.title);
  add('dataClassification', meta.classification);
  add('updateFrequency', meta.frequency);
  add('license', meta.license);
  if (meta.source) add('source', meta.source.vendor ? { kind: meta.source.kind, vendor: meta.source.vendor } : { kind: meta.source.kind });
  if (meta.owner?.email) add('ownerEmail', meta.owner.email);
  if (supportHasNoUrl) add('supportChannel', meta.support?.trim());
  if (waivers && waivers.length > 0) {
    // Copied field by field so only the documented fields travel, in a fixed order.
    add('waivers', waivers.map((w) => ({
      code: w.code,
      ...(w.sheet !== undefined ? { sheet: w.sheet } : {}),
      ...(w.column !== undefined ? { column: w.column } : {}),
      reason: w.reason,
      ...(w.by !== undefined ? { by: w.by } : {}),
      at: w.at,
    })));
  }
  return out;
}

export function buildContract(input: BuildContractInput): OdcsContract {
  const { meta, sheets } = input;
  const endpoints = endpointNames(sheets.map((s) => s.name));
  const contract: OdcsContract = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: contractIdFor(meta.name),
    name: productKey(meta.name),
    version: input.version ?? '1.0.0',
    status: input.status ?? 'active',
  };
  if (meta.domain) contract.domain = meta.domain;
  // ODCS has one purpose box; a separate summary is kept as a custom property so nothing is lost.
  const purpose = meta.purpose || meta.description;
  const description: NonNullable<OdcsContract['description']> = {};
  if (purpose) description.purpose = purpose;
  if (meta.usage) description.usage = meta.usage;
  if (meta.limitations) description.limitations = meta.limitations;
  if (meta.purpose && meta.description) description.customProperties = [{ property: 'summary', value: meta.description }];
  if (Object.keys(description).length > 0) contract.description = description;
  if (meta.tags && meta.tags.length > 0) contract.tags = [...meta.tags];
  if (input.servers && input.servers.length > 0) contract.servers = input.servers.map((s) => ({ ...s }));
  contract.schema = sheets.map((sheet, i) => schemaObject(sheet, endpoints[i]!, meta, input.qualityRules, i === 0));
  const sla = slaProperties(meta, freshnessElement(meta, sheets, endpoints));
  if (sla.length > 0) contract.slaProperties = sla;
  const team = ownerTeam(meta.owner);
  if (team) contract.team = team;
  const support = supportChannel(meta.support);
  if (support) contract.support = [{ ...support }];
  const custom = metaCustomProperties(meta, input.waivers, false);
  if (custom.length > 0) contract.customProperties = custom;
  contract.contractCreatedTs = input.createdAt;
  return contract;
}
