/**
 * The OOXML validator of the shared tools (ECMA-376 transitional schemas, content types and
 * relationships complete, sheet names): run on a file the product wrote. It must be there: a
 * missing validator fails the test, it does not skip it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the validator is, from the project root. */
export const OOXML_VALIDATOR = resolve(__dirname, '../../../shared/tools/ooxml-validate/run.sh');

/**
 * Validates an .xlsx.
 * @param bytes - the file's bytes (written to `path` first) or undefined to validate `path` as is
 * @param path - the file
 * @returns whether every part is valid, and the lines of the parts that are not
 */
export function validateOoxml(bytes: Buffer | undefined, path: string): { valid: boolean; failures: string[] } {
  if (!existsSync(OOXML_VALIDATOR)) throw new Error(`OOXML validator not found at ${OOXML_VALIDATOR}`);
  if (bytes) writeFileSync(path, bytes);
  const result = spawnSync('bash', [OOXML_VALIDATOR, path], {
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const failures = (result.stdout ?? '')
    .split('\n')
    .filter((line) => /^(FAIL|ERROR)/.test(line) || (/not valid|error/i.test(line) && !/^OK/.test(line)));
  if (result.status !== 0 && failures.length === 0)
    failures.push(result.stderr || result.stdout || `exit ${result.status}`);
  return { valid: result.status === 0, failures };
}
