// Runs anywhere (pure core).
// Column names that are distinct and never empty, so every later step (schema, contract,
// publish) can refer to a column by name. The header text itself is kept unchanged elsewhere.
// An empty header cell becomes "Column C"; a repeated name stays visible and gets the column
// letter ("Region (D)"). Names are keys of Maps only: "__proto__" or "constructor" are just
// names here.

import { columnLetter } from '../columns';

export interface DuplicateName {
  /** 0-based index of the column that had the name first. */
  first: number;
  /** 0-based index of the later column that was renamed. */
  second: number;
  /** The name as both columns have it. */
  name: string;
  /** The distinct name given to the later column. */
  renamed: string;
}

export interface ColumnNaming {
  names: string[];
  duplicates: DuplicateName[];
  /** Columns whose header cell is empty (named after their letter). */
  unnamed: number[];
}

/** Fallback name of an unnamed column: "Column C". */
export const letterName = (index: number): string => `Column ${columnLetter(index)}`;

/**
 * Names for `width` columns from the header texts (shorter when the table grew past the header).
 * Surrounding spaces are dropped and names are compared without regard to case, because
 * "Region" and "region " would collide in every tool the data goes to next.
 */
export function nameColumns(headers: readonly string[], width: number): ColumnNaming {
  const names: string[] = [];
  const duplicates: DuplicateName[] = [];
  const unnamed: number[] = [];
  const taken = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const text = (headers[i] ?? '').trim();
    let name = text;
    if (name === '') {
      name = letterName(i);
      unnamed.push(i);
    }
    const clash = taken.get(name.toLowerCase());
    if (clash !== undefined) {
      let renamed = `${name} (${columnLetter(i)})`;
      for (let n = 2; taken.has(renamed.toLowerCase()); n++) renamed = `${name} (${columnLetter(i)}) ${n}`;
      duplicates.push({ first: clash, second: i, name, renamed });
      name = renamed;
    }
    taken.set(name.toLowerCase(), i);
    names.push(name);
  }
  return { names, duplicates, unnamed };
}
