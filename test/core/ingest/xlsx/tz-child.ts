// Node only (test helper, run as a child process with TZ set). Reads the workbook given on the
// command line with openXlsx and prints the zone it ran in plus every date cell as JSON.

import { readFileSync } from 'node:fs';
import { ProblemCollector } from '../../../../shared/core/problems';
import { bytesSource } from '../../../../shared/core/ingest/types';
import { openXlsx } from '../../../../shared/core/ingest/xlsx/open-xlsx';

const path = process.argv[2]!;
const source = await openXlsx(bytesSource(path, new Uint8Array(readFileSync(path))));
const cells: unknown[] = [];
for (const sheet of source.sheets) {
  for await (const batch of source.rows(sheet.name, { problems: new ProblemCollector() })) {
    for (const row of batch) cells.push(...row.cells);
  }
}
process.stdout.write(
  JSON.stringify({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetJan: new Date(2024, 0, 1).getTimezoneOffset(),
    cells,
  }),
);
