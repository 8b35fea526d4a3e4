// Runs anywhere (pure core).
// The ODCS `servers` entry of a published contract: where one version's data parts are, in the
// form tools such as the Data Contract CLI read ({model} stands for the endpoint's name).

import type { OdcsServer } from '../contract/odcs-types';
import { describeMesh, type MeshLocation } from '../mesh/mesh-url';
import { partGlob } from '../mesh/layout';

export function meshServer(loc: MeshLocation, product: string, version: string): OdcsServer {
  const glob = partGlob('{model}', version);
  if (loc.kind === 'file') {
    const root = loc.path.replace(/\\/g, '/').replace(/\/+$/, '');
    return { server: 'mesh', type: 'local', description: 'The mesh folder; one folder of CSV data parts per endpoint.', path: `${root}/${product}/${glob}`, format: 'csv' };
  }
  const prefix = loc.prefix ? `${loc.prefix}/` : '';
  const server: OdcsServer = { server: 'mesh', type: 's3', description: 'The mesh bucket; one folder of CSV data parts per endpoint.', location: `s3://${loc.bucket}/${prefix}${product}/${glob}`, format: 'csv' };
  if (loc.endpoint) server.endpointUrl = loc.endpoint;
  return server;
}

/** Where readers find the product: its product.yaml in the mesh, options of the address kept. */
export function productAddress(loc: MeshLocation, product: string): string {
  const mesh = describeMesh(loc);
  const q = mesh.indexOf('?');
  const base = q < 0 ? mesh : mesh.slice(0, q);
  const query = q < 0 ? '' : mesh.slice(q);
  return `${base.replace(/\/+$/, '')}/${product}/product.yaml${query}`;
}
