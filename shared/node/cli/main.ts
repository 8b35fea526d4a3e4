// Node only. The command-line shell over the core: parses arguments, runs one command,
// returns the exit code. Commands print results on stdout and reasons on stderr.

export const EXIT = { ok: 0, blocked: 1, unreadable: 2, lostRace: 3 } as const;

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
  publish <file> --mesh URL --meta meta.yaml [--sheet NAME]... [--header-row N]
          [--bump major|minor|patch] [--by NAME] [--queue [--base X.Y.Z]] [--json]
      Check the file against the mesh's rules and publish it as a new version of the
      product. More --sheet options publish more sheets as further endpoints.
      --queue: when the mesh cannot be reached, keep the publish in the outbox and
      report "queued" (exit 0); --base names the version it builds on.
  outbox [--json]
      List the publishes waiting in the outbox (shared with the app), with their state.
  sync [--failed] [--json]
      Send the waiting publishes, oldest first (--failed: retry failed ones too).
      Exit 0 when all went out, 1 when any failed, is in conflict or still waits.
  list --mesh URL [--json]
      List the products in a mesh (from its catalog, rebuilt when missing or stale).
  show <product> --mesh URL [--version X.Y.Z] [--json]
      Show a product: description, owner, versions, endpoints and columns.
  export <product> --mesh URL --out FILE.xlsx|FILE.csv [--version X.Y.Z] [--endpoint NAME]
         [--delimiter , | ;] [--no-bom] [--json]
      Save a published version's table as an Excel workbook or a CSV file.

A mesh URL is "file:///folder" or "s3://bucket/prefix" (options: ?endpoint=…&region=…
&pathStyle=true; AWS credentials from the environment or the shared profile).

Exit codes: 0 done (and nothing stops publishing), 1 a blocking finding or policy
violation remains (listed) or, for sync, a publish did not go out, 2 unreadable input, mesh
problem or wrong usage (with a one-line reason), 3 publish lost a race: someone else
published first. The outbox lives in the data folder ($MESH_DESK_HOME).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      // Loaded on demand: `--help` stays instant and needs none of the readers.
      return (await import('./inspect-command')).runInspect(rest);
    case 'validate':
      return (await import('./validate-command')).runValidate(rest);
    case 'publish':
      return (await import('./publish-command')).runPublishCommand(rest);
    case 'outbox':
      return (await import('./outbox-command')).runOutbox(rest);
    case 'sync':
      return (await import('./sync-command')).runSync(rest);
    case 'list':
      return (await import('./list-command')).runList(rest);
    case 'show':
      return (await import('./show-command')).runShow(rest);
    case 'export':
      return (await import('./export-command')).runExport(rest);
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
