// Runs anywhere (pure core).
// Cell strings of 13 or more characters are, in V8, slices that share the memory of the whole
// decoded chunk (about 1 MB) they were cut from. Anything that keeps a value for long (examples,
// distinct-value sets, min/max text) should keep a detached copy, or a few hundred kept values
// can pin the whole file in memory (measured: 259 kept values held 66 MB of a 64 MB read).

/** A copy of `value` that shares no memory with the text it was cut from. */
export function detachString(value: string): string {
  // Concatenating makes a rope; slicing it forces a flat copy of just this value.
  return value.length < 13 ? value : (' ' + value).slice(1);
}
