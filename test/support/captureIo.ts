/**
 * Test helper: CLI output captured in arrays instead of printed.
 */
import type { CliIo } from '../../src/cli/command';

/** A CliIo that keeps stdout and stderr lines (progress is dropped). */
export function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    error: (text) => stderr.push(text),
    progress: () => undefined,
  };
}
