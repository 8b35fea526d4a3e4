// Runs anywhere (pure core).
// Reads an owner-written YAML file (meta.yaml, policy.yaml) node by node, so every complaint can
// name the line the owner has to fix. We never call yaml's toJS(): walking the nodes ourselves
// means aliases are never expanded (no "billion laughs"), and keys such as "__proto__" stay
// ordinary strings that we store with Object.defineProperty on null-prototype objects.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { AppError, Result } from '../result';

/** Owner-written YAML files are small; anything bigger is a mistake or an attack. */
export const MAX_YAML_CHARS = 1_000_000;
/** How many problems one error message lists before saying "and N more". */
const MAX_LISTED = 10;

export interface YamlIssue {
  /** 1-based line in the YAML text. */
  line: number;
  message: string;
}

export interface YamlEntry {
  key: string;
  keyLine: number;
  value: YamlNode | null;
  line: number;
}

/** A null-prototype record: "__proto__" or "constructor" are plain keys in it. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Sets an own property even when the key is "__proto__". */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? `"${v}"` : String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

export class YamlReader {
  readonly issues: YamlIssue[] = [];
  private readonly lines = new LineCounter();

  constructor(private readonly fileLabel: string) {}

  problem(line: number, message: string): void {
    this.issues.push({ line, message });
  }

  lineOf(node: YamlNode | null | undefined, fallback = 1): number {
    const start = node?.range?.[0];
    return start === undefined ? fallback : this.lines.linePos(start).line;
  }

  /** Parses the text; returns the top-level map node, null for an empty file, undefined on failure. */
  parseTop(text: string): YAMLMap | null | undefined {
    if (text.length > MAX_YAML_CHARS) {
      this.problem(1, `The file is ${Math.round(text.length / 1000)} KB; a ${this.fileLabel} may be at most ${MAX_YAML_CHARS / 1000} KB. Check that you picked the right file.`);
      return undefined;
    }
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: true, strict: true });
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? 1;
      const why = (e.message.split(/ at line \d+/)[0] ?? e.message).trim();
      const text = e.code === 'DUPLICATE_KEY' ? 'the same name appears twice here; keep only one of them.' : `this is not valid YAML (${why}). Check the indentation and the colons near this line.`;
      this.problem(line, text);
    }
    if (doc.errors.length > 0) return undefined;
    // Aliases (*name) could multiply a small file into a huge one; owners never need them.
    visit(doc, {
      Alias: (_key, node) => {
        this.problem(this.lineOf(node), `"*${node.source}" refers back to another part of the file (a YAML alias). Write the value out in full instead.`);
      },
    });
    if (this.issues.length > 0) return undefined;
    const top = doc.contents;
    if (top === null || (isScalar(top) && (top.value === null || top.value === ''))) return null;
    if (!isMap(top)) {
      this.problem(this.lineOf(top), `The ${this.fileLabel} must be a list of "name: value" lines at the top level.`);
      return undefined;
    }
    return top;
  }

  /** The entries of a map node with plain-text keys; reports anything else. */
  entries(node: YamlNode | null, what: string, line: number): YamlEntry[] | undefined {
    if (isAlias(node)) return undefined; // already reported
    if (!isMap(node)) {
      this.problem(this.lineOf(node, line), `${what} must be a group of "name: value" lines (indented below it).`);
      return undefined;
    }
    const out: YamlEntry[] = [];
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null;
      const keyLine = this.lineOf(k, line);
      // Plain keys such as 007, true or null are names as written, not numbers or booleans.
      const key = !isScalar(k) ? undefined : typeof k.value === 'string' ? k.value : typeof k.source === 'string' ? k.source : undefined;
      if (key === undefined || key === '') {
        this.problem(keyLine, `Each entry in ${what} needs a simple name before the colon.`);
        continue;
      }
      // "key:" and "key: ~" both mean "left empty"; callers see null for either.
      const raw = pair.value as YamlNode | null;
      const value = isScalar(raw) && raw.value === null ? null : raw;
      out.push({ key, keyLine, value, line: this.lineOf(value, keyLine) });
    }
    return out;
  }

  unknownKey(e: YamlEntry, what: string, allowed: readonly string[]): void {
    this.problem(e.keyLine, `"${e.key}" is not something ${what} can hold. Allowed: ${allowed.join(', ')}. Check the spelling, or remove the line.`);
  }

  isScalarEntry(e: YamlEntry): boolean {
    return isScalar(e.value);
  }

  isNumberEntry(e: YamlEntry): boolean {
    return isScalar(e.value) && typeof e.value.value === 'number';
  }

  private scalar(e: YamlEntry): unknown {
    if (e.value === null) return null;
    if (isScalar(e.value)) return e.value.value;
    return isSeq(e.value) ? [] : {};
  }

  str(e: YamlEntry, what: string, maxLength = 10_000): string | undefined {
    const v = this.scalar(e);
    if (v === null) return undefined;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') {
      const s = String(isScalar(e.value) && typeof e.value.source === 'string' && typeof v !== 'string' ? e.value.source : v);
      if (s.length > maxLength) {
        this.problem(e.line, `${what} is ${s.length} characters long; at most ${maxLength} are allowed.`);
        return undefined;
      }
      return s;
    }
    this.problem(e.line, `${what} must be a single piece of text, not a list or a group.`);
    return undefined;
  }

  bool(e: YamlEntry, what: string): boolean | undefined {
    const v = this.scalar(e);
    if (v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.problem(e.line, `${what} must be true or false — found ${show(v)}.`);
    return undefined;
  }

  num(e: YamlEntry, what: string): number | undefined {
    const v = this.scalar(e);
    if (v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.problem(e.line, `${what} must be a number — found ${show(v)}.`);
    return undefined;
  }

  int(e: YamlEntry, what: string, min: number, max: number): number | undefined {
    const v = this.num(e, what);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v) || v < min || v > max) {
      this.problem(e.line, `${what} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} — found ${show(v)}.`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(e: YamlEntry, what: string, allowed: readonly T[]): T | undefined {
    const v = this.scalar(e);
    if (v === null) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.problem(e.line, `${what} must be one of ${allowed.join(', ')} — found ${show(v)}.`);
    return undefined;
  }

  /** A list of texts; a single text is accepted as a list of one (owners write "tags: sales"). */
  strList(e: YamlEntry, what: string, maxItems = 1000): string[] | undefined {
    if (e.value === null) return undefined;
    if (isScalar(e.value)) {
      const one = this.str(e, what);
      return one === undefined ? undefined : [one];
    }
    if (!isSeq(e.value)) {
      this.problem(e.line, `${what} must be a list (one "- value" per line, or [a, b]).`);
      return undefined;
    }
    if (e.value.items.length > maxItems) {
      this.problem(e.line, `${what} has ${e.value.items.length} entries; at most ${maxItems} are allowed.`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of e.value.items as (YamlNode | null)[]) {
      const s = this.str({ key: e.key, keyLine: e.keyLine, value: item, line: this.lineOf(item, e.line) }, `Each entry of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  /** One Result for the whole file: every problem listed with its line. */
  result<T>(value: T, code: string): Result<T> {
    if (this.issues.length === 0) return { ok: true, value };
    return { ok: false, error: issuesToError(this.issues, code, this.fileLabel) };
  }
}

export function issuesToError(issues: readonly YamlIssue[], code: string, fileLabel: string): AppError {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  const listed = sorted.slice(0, MAX_LISTED).map((i) => `Line ${i.line}: ${i.message}`);
  const more = sorted.length > MAX_LISTED ? ` … and ${sorted.length - MAX_LISTED} more.` : '';
  const head = sorted.length === 1 ? `The ${fileLabel} has a problem.` : `The ${fileLabel} has ${sorted.length} problems.`;
  return { code, message: `${head} ${listed.join(' ')}${more} Fix ${sorted.length === 1 ? 'it' : 'them'} and load the file again.` };
}
