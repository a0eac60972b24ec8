/**
 * The `shinchoku` command: the secretariat's whole job on .xlsx files.
 * Exit codes: 0 done and clean, 1 done but problems were found, 2 usage or file error.
 * Commands are data (commands/, command.ts); this file parses a command line against the chosen
 * command's declaration and turns every failure into a Japanese message and an exit code.
 */
import { parseArgs } from 'node:util';
import { describeUserError, isUserError } from '../core/errors';
import type { CliIo, Command } from './command';
import { COMMANDS } from './commands';
import { NODE_FILES, type CliFiles } from './files/books';
import { fileError, isSystemError } from './files/fileErrors';
import { commandHelp, generalHelp, HELP_OPTION } from './help';
import { UsageError } from './options';

const VERSION = '0.1.0';

/**
 * Runs the CLI.
 * @param argv - arguments after the program name
 * @param io - where to print (tests pass their own)
 * @param files - the workbooks and file system the commands use (tests pass failing ones)
 * @returns the exit code
 */
export async function run(argv: string[], io: CliIo = processIo(), files: CliFiles = NODE_FILES): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(generalHelp(COMMANDS));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`shinchoku ${VERSION}`);
    return 0;
  }
  const command = COMMANDS.find((entry) => entry.name === name);
  if (!command) {
    io.error(`shinchoku: 「${name}」というコマンドはありません。\n\n${generalHelp(COMMANDS)}`);
    return 2;
  }
  try {
    const parsed = parseCommandLine(command, rest);
    if (parsed === 'help') {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run({ ...parsed, io, files });
  } catch (error) {
    return failure(command, error, io);
  }
}

/**
 * Parses a command's arguments against its declaration: only its options, with their types; its
 * required options and its number of positionals.
 */
function parseCommandLine(command: Command, args: string[]) {
  const options = Object.fromEntries(
    [...Object.entries(command.options), ['help', HELP_OPTION] as const].map(([name, option]) => [
      name,
      option.short ? { type: option.type, short: option.short } : { type: option.type },
    ]),
  );
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help' as const;
  const { positionals } = parsed;
  if (positionals.length < command.positionals.min)
    throw new UsageError(command.positionals.missing ?? '引数が足りません。');
  if (positionals.length > command.positionals.max)
    throw new UsageError(`余分な引数 ${positionals.slice(command.positionals.max).join(' ')} があります。`);
  for (const [optionName, option] of Object.entries(command.options))
    if (option.required && (values[optionName] === undefined || values[optionName] === ''))
      throw new UsageError(`--${optionName} ${option.value ?? ''} を指定してください（${option.description}）。`);
  return { values: values as never, positionals };
}

/** A failure as a message and an exit code (2): usage with the help, refusals with their fix. */
function failure(command: Command, error: unknown, io: CliIo): number {
  const prefix = `shinchoku ${command.name}`;
  if (error instanceof UsageError || isParseArgsError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    io.error(`${prefix}: ${translateParseError(message)}\n\n${commandHelp(command)}`);
    return 2;
  }
  // A file-system error that escaped a wrapper is still said in Japanese, with its path.
  const known = isSystemError(error) ? fileError(error, error.path ?? '', 'inspect') : error;
  if (isUserError(known)) {
    io.error(`${prefix}: ${describeUserError(known)}`);
    return 2;
  }
  const message = known instanceof Error ? known.message : String(known);
  io.error(`${prefix}: 予期しないエラーが発生しました（${message}）。`);
  return 2;
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

/** Node's parseArgs messages in Japanese (never its English text). */
function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `「${unknown[1]}」というオプションはありません。`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `オプション ${missing[1].split(',').at(-1)?.trim().split(' ')[0]} には値が必要です。`;
  const flag = /Option '([^']+)' does not take an argument/.exec(message);
  if (flag) return `オプション ${flag[1].split(',').at(-1)?.trim()} には値を付けません。`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `余分な引数 ${unexpected[1]} があります。`;
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(message) ? message : 'オプションの指定を読み取れません。';
}
