/**
 * The shared validators (../shared/tools, see its README): every XML part of an .xlsx against the
 * ECMA-376 schemas and Japanese Excel's sheet-name rules, and the add-in manifest against
 * Microsoft's schemas. They need xmllint (Debian libxml2-utils, scripts/install-system-deps.sh).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const TOOLS = join(__dirname, '..', '..', '..', 'shared', 'tools');

/** Output and exit status of a validator. */
export interface Validation {
  ok: boolean;
  output: string;
}

function runTool(script: string, args: string[]): Validation {
  const result = spawnSync('bash', [join(TOOLS, script), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** ooxml-validate/run.sh over one .xlsx file. */
export function validateXlsx(file: string): Validation {
  return runTool('ooxml-validate/run.sh', [file]);
}

/** manifest-validate/run.sh over a manifest (path relative to `project`). */
export function validateManifest(project: string, manifest = 'manifest.xml'): Validation {
  return runTool('manifest-validate/run.sh', [project, manifest]);
}
