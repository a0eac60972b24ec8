/**
 * The help texts, made from the commands' declarations (command.ts): the usage line, the
 * description, every option with its value name, description and default, and the exit codes.
 */
import type { Command, OptionSpec } from './command';

/** Exit codes common to every command. */
export const EXIT_CODES = '終了コード: 0 問題なし、1 問題あり（一覧を表示）、2 使い方・ファイルの誤り';

/** The help option every command takes. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'この説明を表示する' };

function flag(name: string, option: OptionSpec): string {
  return option.value ? `--${name} ${option.value}` : `--${name}`;
}

/** Options as the help lists them: required first, then those with a value, then flags. */
function ordered(command: Command): [string, OptionSpec][] {
  const rank = (option: OptionSpec) => (option.required ? 0 : option.type === 'string' ? 1 : 2);
  return Object.entries(command.options).sort(([, a], [, b]) => rank(a) - rank(b));
}

/** Columns a text takes in a terminal: East Asian wide and full-width characters take two. */
function columns(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return width;
}

/**
 * The usage line: positionals, then required options bare and the others in brackets.
 * @param command - the command
 * @returns "使い方: shinchoku aggregate FILE --out FILE [--year 年度] …"
 */
export function usageLine(command: Command): string {
  const options = ordered(command).map(([name, option]) =>
    option.required ? flag(name, option) : `[${flag(name, option)}]`,
  );
  return ['使い方: shinchoku', command.name, command.positionals.usage, ...options].filter(Boolean).join(' ');
}

/**
 * A command's whole help.
 * @param command - the command
 * @returns the text `shinchoku <command> --help` prints
 */
export function commandHelp(command: Command): string {
  const entries = [...ordered(command), ['help', HELP_OPTION] as const];
  const lefts = entries.map(([name, option]) => `${option.short ? `-${option.short}, ` : '    '}${flag(name, option)}`);
  const width = Math.max(...lefts.map(columns)) + 2;
  const lines = entries.map(([, option], index) => {
    const notes = [option.required ? '必須' : '', option.default ? `省略時: ${option.default}` : ''].filter(Boolean);
    const padding = ' '.repeat(width - columns(lefts[index]));
    return `  ${lefts[index]}${padding}${option.description}${notes.length > 0 ? `（${notes.join('、')}）` : ''}`;
  });
  const exitCodes = command.exitCodes ?? EXIT_CODES;
  return [usageLine(command), '', command.description, '', 'オプション:', ...lines, '', exitCodes].join('\n');
}

/**
 * The program's help: the commands and their summaries.
 * @param commands - every command
 * @returns the text `shinchoku --help` prints
 */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return [
    'shinchoku — 行政改革プラン 進捗状況シートの集計 (進捗集計)',
    '',
    '使い方: shinchoku <コマンド> [オプション]',
    '',
    'コマンド:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    '各コマンドの詳しい説明: shinchoku <コマンド> --help',
    EXIT_CODES,
  ].join('\n');
}
