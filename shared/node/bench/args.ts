// Node only (bench tooling). Command-line options of `npm run bench`.

import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Fresh child processes per measurement; speed is the median, memory the maximum. */
  runs: number;
  /** Smaller CSV (100k rows) for a smoke test; the XLSX keeps its size. */
  quick: boolean;
  /** One JSON object per measurement on stdout, nothing else. */
  json: boolean;
  /** Exit 1 when a target fails or cannot be measured. */
  strict: boolean;
  /** Write V8 CPU profiles of every child to .bench/profiles/ and print where the time went. */
  cpuProf: boolean;
  /** Run children from an esbuild bundle with plain Node instead of through the tsx loader. */
  bundled: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [--runs N] [--quick] [--json] [--strict] [--bundled] [--cpu-prof]
  --runs N     fresh processes per measurement (default 3; speed = median, memory = maximum)
  --quick      100,000-row CSV instead of 1,000,000 (smoke test; the XLSX stays 100,000 rows)
  --json       one JSON object per line on stdout, nothing else
  --strict     exit 1 when a target fails (default: always exit 0, it is a report)
  --bundled    run the children from an esbuild bundle with plain Node (no tsx loader thread,
               as the shipped app runs); default: through tsx, as the CLI runs
  --cpu-prof   profile every child (.bench/profiles/) and print the hottest functions
`;

/** Parses argv; throws an Error with a readable message on bad input. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      bundled: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
    throw new Error(`--runs must be a whole number from 1 to 50, not "${values.runs}".`);
  }
  return {
    runs,
    quick: values.quick === true,
    json: values.json === true,
    strict: values.strict === true,
    cpuProf: values['cpu-prof'] === true,
    bundled: values.bundled === true,
    help: values.help === true,
  };
}
