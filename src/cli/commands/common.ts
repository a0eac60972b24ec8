/**
 * What the commands that read one workbook share: the input checked, the optional `--plan` read,
 * and the guarded outputs begun with both as inputs (never to be written over).
 */
import type { FiscalYear } from '../../core/fiscalYear';
import type { Plan } from '../../core/plan';
import { NODE_FILES, type CliFiles } from '../files/books';
import { existingFile } from '../files/inputs';
import { Outputs, type OutputFile } from '../files/outputs';
import { yearValue } from '../options';
import { planValue } from '../files/planFile';

/** A command's input workbook, its `--year` and `--plan` (when given), its outputs and `--json`. */
export interface CommandFiles {
  input: string;
  year: FiscalYear | undefined;
  plan: Plan | undefined;
  outputs: Outputs;
  /** The claimed `--json` file, or null without --json. */
  json: OutputFile | null;
}

/** The options commandFiles reads, those a command has. */
interface FileValues {
  year?: string | undefined;
  plan?: string | undefined;
  json?: string | undefined;
  force?: boolean | undefined;
}

/**
 * Starts a one-workbook command's files: --year read, the input checked, --plan read, the outputs
 * begun with both as inputs, and --json claimed (before any work, so a refusal writes nothing).
 * @param positional - the input as typed
 * @param values - the command's --year, --plan, --json and --force
 * @param files - the file system of the outputs
 * @returns the input's absolute path, the year, the plan, the outputs and the --json claim
 */
export async function commandFiles(
  positional: string,
  values: FileValues,
  files: CliFiles = NODE_FILES,
): Promise<CommandFiles> {
  const year = yearValue(values.year);
  const input = await existingFile(positional);
  const planFile = values.plan === undefined ? null : await planValue(values.plan);
  const outputs = await Outputs.begin(planFile?.path ? [input, planFile.path] : [input], {
    force: values.force,
    fs: files.fs,
  });
  const json = values.json === undefined ? null : await outputs.claim(values.json, '--json');
  return { input, year, plan: planFile?.plan, outputs, json };
}
