// Runs anywhere (pure core).
// The owner's text pattern (a regular expression) turned into a safe test. JavaScript regexes
// backtrack: a pattern such as (a+)+ or (a|a)* can take exponential time on one unlucky
// 30-character value and freeze the whole inspection. Such patterns are refused when the plan
// is made, with a message saying why; values longer than MAX_PATTERN_INPUT are not run through
// the regex at all.

/** Longest pattern accepted, and longest value tested against a pattern. */
export const MAX_PATTERN_LENGTH = 500;
export const MAX_PATTERN_INPUT = 1000;

export type PatternResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

/**
 * Compiles the owner's pattern to match the WHOLE value (the owner writes "A-\d+" meaning the
 * value is that, not that it contains it). Refuses patterns that can backtrack exponentially:
 * a repeated group that itself contains a repetition or an alternative.
 */
export function compilePattern(pattern: string): PatternResult {
  if (pattern.length === 0) return { ok: false, reason: 'the pattern is empty' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  const risky = riskyGroup(pattern);
  if (risky !== undefined) {
    return {
      ok: false,
      reason:
        `the part '${risky}' repeats a group that itself repeats or has alternatives, which can make checking a single value ` +
        `take minutes. Write it without the outer repetition (for example 'a+' instead of '(a+)+')`,
    };
  }
  try {
    return { ok: true, regex: new RegExp(`^(?:${pattern})$`) };
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    return { ok: false, reason: `it is not a valid pattern (${detail})` };
  }
}

/**
 * The first group that is quantified (*, +, {n,} or {n,m} with m > 1) and contains a quantifier
 * or "|" inside — the shape of catastrophic backtracking. Returns its text, or undefined.
 * Escapes and character classes are skipped; the scan is linear.
 */
export function riskyGroup(p: string): string | undefined {
  // Per open group: where it starts and whether it holds a repetition or alternation.
  const stack: { start: number; inner: boolean }[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i++;
      if (p[i] === '^') i++;
      if (p[i] === ']') i++;
      while (i < p.length && p[i] !== ']') {
        if (p[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') {
      stack.push({ start: i, inner: false });
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '|') {
      if (top) top.inner = true;
      continue;
    }
    if (c === ')') {
      const g = stack.pop();
      if (!g) continue;
      const q = repetitionAt(p, i + 1);
      if (g.inner && q > 0) return p.slice(g.start, i + 1 + q);
      // A group that holds a repetition makes its parent hold one too.
      const parent = stack[stack.length - 1];
      if (parent && (g.inner || q > 0)) parent.inner = true;
      continue;
    }
    if (top && variableRepetitionAt(p, i)) top.inner = true;
  }
  return undefined;
}

/** A repetition whose count can vary ("*", "+", "?", "{1,3}", "{2,}"), not "{3}" nor the "?" of "(?:". */
function variableRepetitionAt(p: string, i: number): boolean {
  const c = p[i];
  if (c === '*' || c === '+') return true;
  if (c === '?') {
    const before = p[i - 1];
    return before !== '(' && before !== '*' && before !== '+' && before !== '?' && before !== '}';
  }
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  return m !== null && m[2] !== undefined && m[3] !== m[1];
}

/** Length of an unbounded or many-times quantifier at `i` ("*", "+", "{2,}", "{1,5}"), else 0. */
function repetitionAt(p: string, i: number): number {
  const c = p[i];
  if (c === '*' || c === '+') return 1;
  if (c !== '{') return 0;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  if (!m) return 0;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return max > 1 ? m[0].length : 0;
}
