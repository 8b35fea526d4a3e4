// Runs anywhere (pure core).
// YAML text of the standard documents, both ways. Writing must be lossless for any text an owner
// can type ("yes", "0123", "2024-01-01", "#", NUL, emoji …): the yaml package quotes every string
// that its schema would read as something else; we add compat "yaml-1.1" so strings that YAML 1.1
// tools (PyYAML, older Java readers) take for booleans or dates are quoted as well.
// Reading is defensive: a size bound, an alias budget (billion-laughs), no duplicate keys, and no
// tags beyond the YAML 1.2 core schema (so "!!binary" cannot smuggle a Buffer in).

import { parseDocument, stringify } from 'yaml';
import { fail, ok, type Result } from '../result';
import type { OdcsContract } from './odcs-types';
import type { OdpsProduct } from './odps-types';

/** Largest document read, in characters. 500 columns with long descriptions stay far below. */
export const MAX_YAML_CHARS = 8_000_000;
/** Alias nodes allowed when reading; our own documents never contain any. */
export const MAX_YAML_ALIASES = 100;

export function documentToYaml(doc: object): string {
  return stringify(doc, {
    version: '1.2',
    schema: 'core',
    compat: 'yaml-1.1',
    // Never fold long lines and never turn repeated objects into anchors/aliases.
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}

export const contractToYaml = (doc: OdcsContract): string => documentToYaml(doc);
export const productToYaml = (doc: OdpsProduct): string => documentToYaml(doc);

const firstLine = (message: string): string => message.split('\n')[0] ?? message;

/** Reads YAML text into a plain object, or says in words why it cannot be read. */
export function parseYamlDocument(text: string, what: string): Result<Record<string, unknown>> {
  if (text.length > MAX_YAML_CHARS) {
    return fail('yaml.too-large', `The ${what} is ${text.length.toLocaleString('en')} characters long, more than the ${MAX_YAML_CHARS.toLocaleString('en')} Mesh Desk reads. It is probably not a ${what}; check the file.`);
  }
  let value: unknown;
  try {
    const doc = parseDocument(text, { version: '1.2', schema: 'core', resolveKnownTags: false, uniqueKeys: true, prettyErrors: true });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      return fail('yaml.unreadable', `The ${what} cannot be read: ${firstLine(problem.message)}. Fix the text at that place, or publish again from Mesh Desk to rewrite it.`);
    }
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const detail = e instanceof Error ? firstLine(e.message) : String(e);
    return fail('yaml.unreadable', `The ${what} cannot be read (${detail}). It may be damaged or deliberately oversized; publish again from Mesh Desk to rewrite it.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('yaml.not-a-document', `The ${what} does not hold a set of named fields (it is empty, a list or a single value). Publish again from Mesh Desk to rewrite it.`);
  }
  return ok(value as Record<string, unknown>);
}

/**
 * Parses a contract. Checks only what tells the document kind apart; the full check against the
 * official schema is createStandardValidators().validateContract, which callers run next.
 */
export function parseContractYaml(text: string): Result<OdcsContract> {
  const r = parseYamlDocument(text, 'data contract');
  if (!r.ok) return r;
  if (r.value.kind !== 'DataContract') {
    return fail('contract.wrong-kind', `This is not a data contract: its "kind" is ${JSON.stringify(r.value.kind ?? null)}, not "DataContract".`);
  }
  return ok(r.value as unknown as OdcsContract);
}

export function parseProductYaml(text: string): Result<OdpsProduct> {
  const r = parseYamlDocument(text, 'product description');
  if (!r.ok) return r;
  if (r.value.kind !== 'DataProduct') {
    return fail('product.wrong-kind', `This is not a product description: its "kind" is ${JSON.stringify(r.value.kind ?? null)}, not "DataProduct".`);
  }
  return ok(r.value as unknown as OdpsProduct);
}
