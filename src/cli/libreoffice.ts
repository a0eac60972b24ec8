/**
 * LibreOffice headless (`soffice`): finding it and converting a workbook with it, in a profile of
 * the caller's choosing, with a timeout that ends the whole process group, and with our font
 * aliases (assets/fonts/fonts.conf) so that it lays text out in the metrics Excel uses.
 * Used by `shinchoku pdf` and by the tests that let a real spreadsheet program check our files.
 */
import { UserError } from '../core/errors';
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice is not installed, or failed; the message is for the user (Japanese). */
export class LibreOfficeError extends UserError {
  override name = 'LibreOfficeError';
}

/**
 * Finds LibreOffice's `soffice` on the PATH.
 * @param path - the PATH to search (default: this process's)
 * @returns the executable's path, or null when it is not installed
 */
export function findSoffice(path = process.env.PATH ?? ''): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const directory of path.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(directory, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; try the next directory
      }
    }
  }
  return null;
}

/** What to convert and how. */
export interface ConversionOptions {
  format: 'pdf' | 'xlsx';
  outDir: string;
  /** LibreOffice user profile directory (isolates the conversion from a running LibreOffice). */
  profileDir: string;
  timeoutMs: number;
  /** The soffice to run (default: found on PATH). */
  soffice?: string;
}

/**
 * Converts a file with LibreOffice headless.
 * @param input - the file to convert
 * @param options - format, output folder, profile, timeout
 * @returns the path of the converted file (input's base name, new extension, in outDir)
 * @throws LibreOfficeError when LibreOffice is missing, fails, writes nothing or takes too long
 */
export async function convertWithSoffice(input: string, options: ConversionOptions): Promise<string> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new LibreOfficeError(MISSING_MESSAGE);
  mkdirSync(options.outDir, { recursive: true });
  const output = join(options.outDir, `${basename(input, extname(input))}.${options.format}`);
  if (output === input) throw new LibreOfficeError(`変換先が入力ファイルと同じです: ${input}`);
  const filter = options.format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'pdf';
  const args = [
    `-env:UserInstallation=${pathToFileURL(options.profileDir).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    filter,
    '--outdir',
    options.outDir,
    input,
  ];
  await runSoffice(soffice, args, options.timeoutMs);
  // soffice exits 0 even when it could not load the input, so check for the output itself.
  if (!existsSync(output))
    throw new LibreOfficeError(
      `LibreOffice が ${options.format.toUpperCase()} を出力しませんでした。ブックを Excel で開けるか確かめてください。`,
    );
  return output;
}

/** Where the font configuration lives, relative to the package root. */
const FONT_CONFIG = join('assets', 'fonts', 'fonts.conf');

/**
 * The fontconfig file that maps the fonts our sheets name (ＭＳ ゴシック, ＭＳ Ｐゴシック, Calibri) to
 * their metric-compatible free fonts, found from this module's folder upwards (the same file
 * serves the compiled CLI in build/ and the sources under test).
 * @param from - where to start looking (default: this module's folder)
 * @returns the file's path, or null when it is not there
 */
export function fontConfigFile(from: string = __dirname): string | null {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, FONT_CONFIG);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return null;
  }
}

/**
 * The environment of soffice: ours, with FONTCONFIG_FILE set to our aliases where LibreOffice
 * finds fonts through fontconfig (Linux and the BSDs; Windows and macOS have the real fonts).
 */
function sofficeEnvironment(): NodeJS.ProcessEnv {
  const config = process.platform === 'win32' || process.platform === 'darwin' ? null : fontConfigFile();
  return config ? { ...process.env, FONTCONFIG_FILE: config } : process.env;
}

/**
 * Runs soffice in its own process group: it starts soffice.bin as a child, and a timeout must end
 * both, not only the launcher.
 */
function runSoffice(soffice: string, args: string[], timeout: number): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(soffice, args, {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: sofficeEnvironment(),
    });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid === undefined) return;
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new LibreOfficeError(`LibreOffice を起動できません: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut)
        reject(
          new LibreOfficeError(
            `LibreOffice が ${timeout / 1000} 秒以内に終わりませんでした。--timeout で時間を延ばすか、ブックを分けてください。`,
          ),
        );
      else if (code !== 0)
        reject(new LibreOfficeError(`LibreOffice で変換できませんでした（終了コード ${code}）: ${output.trim()}`));
      else resolvePromise();
    });
  });
}

/** What to do when LibreOffice is not installed. */
export const MISSING_MESSAGE =
  'LibreOffice（soffice コマンド）が見つかりません。PDF の作成には LibreOffice が必要です。' +
  'インストールして soffice を PATH に通すか（Debian/Ubuntu: sudo apt-get install libreoffice-calc）、Excel で開いて「PDF として保存」してください。';
