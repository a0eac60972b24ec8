import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../main';
import { findSoffice } from '../libreoffice';

function captured() {
  const out: string[] = [];
  const error: string[] = [];
  return {
    io: { out: (text: string) => out.push(text), error: (text: string) => error.push(text), progress: () => undefined },
    out,
    error,
  };
}

describe('shinchoku pdf', () => {
  it('exits 2 with a Japanese message when soffice is not on PATH', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-pdf-test-'));
    const input = join(folder, 'book.xlsx');
    writeFileSync(input, 'not used');
    const saved = process.env.PATH;
    process.env.PATH = folder; // no soffice here
    try {
      expect(findSoffice()).toBeNull();
      const { io, error } = captured();
      expect(await run(['pdf', input, '--out', join(folder, 'book.pdf')], io)).toBe(2);
      expect(error.join('\n')).toContain('LibreOffice（soffice コマンド）が見つかりません');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('requires --out and rejects a bad timeout', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-pdf-test-'));
    const input = join(folder, 'book.xlsx');
    writeFileSync(input, 'x');
    const { io, error } = captured();
    expect(await run(['pdf', input], io)).toBe(2);
    expect(await run(['pdf', input, '--out', join(folder, 'a.pdf'), '--timeout', '0'], io)).toBe(2);
    expect(error.join('\n')).toContain('--timeout');
  });
});
