// Runs anywhere (pure core).
// The subset of the Open Data Contract Standard v3.1.0 that Mesh Desk writes. Field names and
// shapes follow the official JSON Schema exactly (it is the oracle in the tests); fields we
// never write are left out on purpose so the types stay readable. A contract read back from a
// mesh may carry more: validation, not these types, is what decides whether it is acceptable.

export type OdcsLogicalType = 'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

export interface OdcsCustomProperty {
  property: string;
  value: unknown;
  description?: string;
}

/** A library rule: one of the five metrics the standard predefines, with one operator. */
export interface OdcsQualityRule {
  type: 'library';
  metric: 'nullValues' | 'missingValues' | 'invalidValues' | 'duplicateValues' | 'rowCount';
  name?: string;
  description?: string;
  dimension?: 'accuracy' | 'completeness' | 'conformity' | 'consistency' | 'coverage' | 'timeliness' | 'uniqueness';
  severity?: string;
  unit?: string;
  arguments?: { validValues?: string[]; pattern?: string; missingValues?: unknown[] };
  mustBe?: number;
  mustBeGreaterThan?: number;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessOrEqualTo?: number;
  customProperties?: OdcsCustomProperty[];
}

export interface OdcsLogicalTypeOptions {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  /** Numbers for integer/number columns, ISO text for date/timestamp columns (the schema says so). */
  minimum?: number | string;
  maximum?: number | string;
}

export interface OdcsProperty {
  id?: string;
  name: string;
  businessName?: string;
  description?: string;
  logicalType: OdcsLogicalType;
  logicalTypeOptions?: OdcsLogicalTypeOptions;
  physicalType?: string;
  physicalName?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  classification?: string;
  examples?: unknown[];
  tags?: string[];
  quality?: OdcsQualityRule[];
  customProperties?: OdcsCustomProperty[];
}

export interface OdcsSchemaObject {
  id?: string;
  name: string;
  logicalType?: 'object';
  physicalName?: string;
  physicalType?: string;
  businessName?: string;
  description?: string;
  dataGranularityDescription?: string;
  tags?: string[];
  properties?: OdcsProperty[];
  quality?: OdcsQualityRule[];
  customProperties?: OdcsCustomProperty[];
}

export interface OdcsSlaProperty {
  property: string;
  value: string | number | boolean | null;
  unit?: string;
  element?: string;
  driver?: string;
  description?: string;
}

export interface OdcsTeamMember {
  username: string;
  name?: string;
  role?: string;
  description?: string;
}

export interface OdcsTeam {
  name?: string;
  description?: string;
  members?: OdcsTeamMember[];
}

export interface OdcsSupportItem {
  channel: string;
  url?: string;
  tool?: string;
  scope?: string;
  description?: string;
}

/** A server entry; Mesh Desk fills these in at publish (kind "local" for file:// meshes, "s3" for S3). */
export interface OdcsServer {
  server?: string;
  type?: string;
  description?: string;
  environment?: string;
  [key: string]: unknown;
}

export interface OdcsContract {
  apiVersion: 'v3.1.0';
  kind: 'DataContract';
  id: string;
  name?: string;
  version: string;
  status: string;
  tenant?: string;
  domain?: string;
  description?: {
    purpose?: string;
    usage?: string;
    limitations?: string;
    customProperties?: OdcsCustomProperty[];
  };
  tags?: string[];
  servers?: OdcsServer[];
  schema?: OdcsSchemaObject[];
  slaProperties?: OdcsSlaProperty[];
  team?: OdcsTeam;
  support?: OdcsSupportItem[];
  customProperties?: OdcsCustomProperty[];
  contractCreatedTs?: string;
}
