// Node only. The command-line shell over the core: parses arguments, runs one command,
// returns the exit code. Commands print results on stdout and reasons on stderr.

export const EXIT = { ok: 0, blocked: 1, unreadable: 2 } as const;

const USAGE = `Usage: mesh-desk <command> [options]

Commands:
  inspect <file> [--sheet NAME] [--header-row N] [--json]
      Read a CSV or Excel file and print its sheets, columns with their types,
      the profile of each column and the problems found.
  inspect <file> --meta meta.yaml [--policy policy.yaml] [--contract out.yaml] [--json]
      Also run every quality check and the governance policy with your description
      (meta.yaml), and write the ODCS data contract.
  validate <contract.yaml> [--policy policy.yaml] [--json]
      Check a data contract against the ODCS v3.1.0 standard and the governance policy.

Exit codes: 0 read (and nothing stops publishing), 1 a blocking finding or policy
violation remains (listed), 2 unreadable input or wrong usage (with a one-line reason).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      // Loaded on demand: `--help` stays instant and needs none of the readers.
      return (await import('./inspect-command')).runInspect(rest);
    case 'validate':
      return (await import('./validate-command')).runValidate(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? EXIT.unreadable : EXIT.ok;
    default:
      process.stderr.write(`mesh-desk: unknown command "${command}". Run "mesh-desk --help" to see the commands.\n`);
      return EXIT.unreadable;
  }
}
