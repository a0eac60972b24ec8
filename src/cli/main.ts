/**
 * The `shinchoku` command: the secretariat's whole job on .xlsx files.
 * Exit codes: 0 done and clean, 1 done but problems were found, 2 usage or file error.
 */
import { parseArgs } from 'node:util';
import { COMMANDS, type Command } from './commands';
import { describeUserError, isUserError } from '../core/errors';
import { UsageError } from './usage';

const GENERAL_HELP = `shinchoku — 行政改革プラン 進捗状況シートの集計 (進捗集計)

使い方: shinchoku <コマンド> [オプション]

コマンド:
${Object.values(COMMANDS)
  .map((command) => `  ${command.name.padEnd(10)} ${command.summary}`)
  .join('\n')}

各コマンドの詳しい説明: shinchoku <コマンド> --help
終了コード: 0 問題なし、1 問題あり（一覧を表示）、2 使い方・ファイルの誤り`;

/**
 * Runs the CLI.
 * @param argv - arguments after the program name
 * @param io - where to print (tests pass their own)
 * @returns the exit code
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(GENERAL_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('shinchoku 0.1.0');
    return 0;
  }
  const command: Command | undefined = (COMMANDS as Record<string, Command>)[name];
  if (!command) {
    io.error(`shinchoku: 「${name}」というコマンドはありません。\n\n${GENERAL_HELP}`);
    return 2;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.out(command.help);
      return 0;
    }
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (error) {
    const message =
      typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.error(`shinchoku ${name}: ${translateParseError(message)}\n\n${command.help}`);
      return 2;
    }
    if (isUserError(error)) {
      io.error(`shinchoku ${name}: ${describeUserError(error)}`);
      return 2;
    }
    io.error(`shinchoku ${name}: 予期しないエラーが発生しました（${message}）。`);
    return 2;
  }
}

/** Output of the CLI (stdout, stderr, a progress line that may be rewritten in place). */
export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  progress(text: string): void;
}

function processIo(): CliIo {
  const tty = process.stderr.isTTY === true;
  let last = '';
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[K${text}`);
      else if (text.split(' ')[0] !== last.split(' ')[0]) process.stderr.write(`${text}\n`);
      last = text;
      if (tty && text.startsWith('完了')) process.stderr.write('\n');
    },
  };
}

function isParseArgsError(error: unknown): boolean {
  // Not `instanceof Error`: errors from Node's own modules may come from another realm (e.g. under jest).
  return (
    typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `「${unknown[1]}」というオプションはありません。`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `オプション ${missing[1].split(',')[0]} には値が必要です。`;
  return message;
}
