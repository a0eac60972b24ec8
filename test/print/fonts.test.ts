/**
 * The fonts LibreOffice prints our sheets with: the fontconfig file that every soffice run gets
 * (src/cli/libreoffice.ts) maps the fonts the sheets name to their metric-compatible free fonts,
 * the same fonts the text measure's data was read from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fontConfigFile } from '../../src/cli/libreoffice';
import { FONT_NAME } from '../../src/core/styles';
import { fontMetrics } from '../../src/core/text';

const config = fontConfigFile();

function match(family: string): string {
  const result = spawnSync('fc-match', ['-f', '%{family}', family], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: config ?? '' },
  });
  return result.stdout;
}

describe('fonts for LibreOffice', () => {
  it('finds the font configuration from the sources (and from build/, two folders deeper)', () => {
    expect(config).toBe(resolve(__dirname, '../../assets/fonts/fonts.conf'));
    expect(fontConfigFile(join(__dirname, '../../build/src/cli'))).toBe(config);
    expect(fontConfigFile('/')).toBeNull();
    expect(existsSync(config as string)).toBe(true);
  });

  it('prints ＭＳ ゴシック in IPAGothic, ＭＳ Ｐゴシック in IPAPGothic and Calibri in Carlito', () => {
    expect(match(FONT_NAME)).toContain('IPAGothic');
    expect(match('MS Gothic')).toContain('IPAGothic');
    expect(match('ＭＳ Ｐゴシック')).toContain('IPAPGothic');
    expect(match('Calibri')).toContain('Carlito');
  });

  it('measures with the data of the same fonts', () => {
    expect(fontMetrics(FONT_NAME).name).toBe(FONT_NAME);
  });
});
