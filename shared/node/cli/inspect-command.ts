// Node only. `mesh-desk inspect <file> [--sheet NAME] [--header-row N] [--json]`.

import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { inspectFile } from '../../core/inspect/inspect';
import { openFileByteSource } from '../files/file-byte-source';
import { toAppError } from '../../core/result';
import { formatInspectText } from './format-inspect-text';
import { toInspectJson } from './inspect-json';
import { runCheck } from './inspect-check';
import { formatCheckText } from './format-check-text';
import { interruptSignal, stop } from './cli-exit';

export async function runInspect(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        json: { type: 'boolean', default: false },
        meta: { type: 'string' },
        policy: { type: 'string' },
        contract: { type: 'string' },
      },
    });
  } catch (e) {
    return stop((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return stop('inspect needs exactly one file, e.g. "mesh-desk inspect sales.xlsx".');
  let headerRow: number | undefined;
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) return stop(`--header-row must be a row number (1, 2, 3 …), not "${values['header-row']}".`);
  }
  if ((values.policy !== undefined || values.contract !== undefined) && values.meta === undefined) {
    return stop('--policy and --contract need --meta <meta.yaml>: the description the check and the contract are made from.');
  }
  const path = positionals[0]!;
  const fileName = basename(path);

  const interrupt = interruptSignal();
  try {
    const bytes = await openFileByteSource(path, fileName);
    try {
      if (values.meta !== undefined) {
        const run = await runCheck(bytes, {
          fileName,
          metaPath: values.meta,
          signal: interrupt.signal,
          ...(values.policy !== undefined ? { policyPath: values.policy } : {}),
          ...(values.contract !== undefined ? { contractPath: values.contract } : {}),
          ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
          ...(headerRow !== undefined ? { headerRow } : {}),
        });
        if (!run.ok) {
          // Problems with the description, the policy or the contract are not the data file's.
          if (/^(meta|policy|cli|contract)\./.test(run.error.code)) return stop(run.error.message);
          return stop(`cannot read ${fileName}: ` + run.error.message);
        }
        const { report, contractPath } = run.value;
        if (values.json) process.stdout.write(`${JSON.stringify({ ...toInspectJson(report), ...(contractPath ? { contract: contractPath } : {}) })}\n`);
        else process.stdout.write(formatInspectText(report) + formatCheckText(report, contractPath));
        return report.check && report.check.blocking > 0 ? 1 : 0;
      }
      const result = await inspectFile(bytes, { fileName, sheet: values.sheet, headerRow, signal: interrupt.signal, previewRows: 0 });
      if (!result.ok) return stop(`cannot read ${fileName}: ` + result.error.message);
      if (values.json) process.stdout.write(`${JSON.stringify(toInspectJson(result.value))}\n`);
      else process.stdout.write(formatInspectText(result.value));
      return 0;
    } finally {
      await bytes.close();
    }
  } catch (e) {
    return stop(`cannot read ${fileName}: ` + toAppError(e).message);
  } finally {
    interrupt.dispose();
  }
}
