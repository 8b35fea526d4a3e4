// Runs anywhere (pure core).
// The ODPS v1.0.0 product descriptor (product.yaml): the product's card in the catalog and the
// commit point of a publish. One output port per endpoint, each pointing at the version's contract.

import type { ProductMeta } from '../metadata/types';
import { metaCustomProperties } from './build-contract';
import { productIdFor, productKey } from './identifiers';
import type { OdpsProduct } from './odps-types';
import { ownerTeam, supportChannel } from './people-and-service';

export interface BuildProductInput {
  meta: ProductMeta;
  /** Semver of the latest published version. */
  version: string;
  status?: 'draft' | 'active';
  /** Id of that version's ODCS contract (buildContract(...).id). */
  contractId: string;
  /** Endpoint names in order ("default" first), as endpointNames() gives them. */
  endpoints: string[];
  /** ISO 8601 UTC time, injected. */
  createdAt: string;
}

export function buildProductDescriptor(input: BuildProductInput): OdpsProduct {
  const { meta } = input;
  const product: OdpsProduct = {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: productIdFor(meta.name),
    name: productKey(meta.name),
    version: input.version,
    status: input.status ?? 'active',
  };
  if (meta.domain) product.domain = meta.domain;
  const description: NonNullable<OdpsProduct['description']> = {};
  const purpose = meta.purpose || meta.description;
  if (purpose) description.purpose = purpose;
  if (meta.usage) description.usage = meta.usage;
  if (meta.limitations) description.limitations = meta.limitations;
  if (meta.purpose && meta.description) description.customProperties = [{ property: 'summary', value: meta.description }];
  if (Object.keys(description).length > 0) product.description = description;
  if (meta.tags && meta.tags.length > 0) product.tags = [...meta.tags];
  product.outputPorts = input.endpoints.map((endpoint) => ({
    name: endpoint,
    version: input.version,
    type: 'csv',
    contractId: input.contractId,
    description: endpoint === 'default' ? 'The main table.' : `The table from sheet endpoint "${endpoint}".`,
  }));
  const support = supportChannel(meta.support);
  // ODPS requires a URL on every support entry; a bare chat channel name goes to customProperties.
  if (support?.url) product.support = [{ channel: support.channel, url: support.url, tool: support.tool }];
  const team = ownerTeam(meta.owner);
  if (team) product.team = team;
  const custom = metaCustomProperties(meta, undefined, support !== undefined && support.url === undefined);
  if (custom.length > 0) product.customProperties = custom;
  product.productCreatedTs = input.createdAt;
  return product;
}
