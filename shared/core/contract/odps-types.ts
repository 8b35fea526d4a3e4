// Runs anywhere (pure core).
// The subset of the Open Data Product Standard v1.0.0 that Mesh Desk writes as product.yaml.
// Shapes follow the official JSON Schema (the test oracle); unused fields are left out.

export interface OdpsCustomProperty {
  property: string;
  value: unknown;
  description?: string;
}

export interface OdpsOutputPort {
  name: string;
  version: string;
  description?: string;
  type?: string;
  contractId?: string;
  tags?: string[];
  customProperties?: OdpsCustomProperty[];
}

export interface OdpsSupport {
  channel: string;
  /** Required by ODPS and checked as a URI: chat channels without a link cannot be listed here. */
  url: string;
  tool?: string;
  scope?: string;
  description?: string;
}

export interface OdpsTeamMember {
  username: string;
  name?: string;
  role?: string;
  description?: string;
}

export interface OdpsProduct {
  apiVersion: 'v1.0.0';
  kind: 'DataProduct';
  id: string;
  name?: string;
  version?: string;
  status: string;
  domain?: string;
  tenant?: string;
  description?: { purpose?: string; usage?: string; limitations?: string; customProperties?: OdpsCustomProperty[] };
  tags?: string[];
  outputPorts?: OdpsOutputPort[];
  support?: OdpsSupport[];
  team?: { name?: string; description?: string; members?: OdpsTeamMember[] };
  customProperties?: OdpsCustomProperty[];
  productCreatedTs?: string;
}
