/**
 * What a CLI command is: its name, words, arguments and options declared once as data, and what
 * it runs. The parser (main.ts) and the help text (help.ts) are both made from the declaration,
 * so the help cannot list an option the command does not take, or miss one it does.
 */
import type { Progress } from '../actions/progress';
import type { CliFiles } from './files/cliFiles';

/** Output of the CLI (stdout, stderr, a progress line that may be rewritten in place). */
export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  progress(text: string): void;
}

/** One option: its type, short flag, value name, what it does, its default. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One letter: `-o` for `--out`. */
  short?: string;
  /** The value's name in the help: FILE, DIR, 年度, 秒. */
  value?: string;
  /** What it does (Japanese, one line). */
  description: string;
  /** The default, as the help says it. */
  default?: string;
  /** Whether the command refuses to run without it (the help shows it without brackets). */
  required?: boolean;
}

/** A command's options by long name (without "--"). */
export type OptionTable = Record<string, OptionSpec>;

/**
 * The parsed values of an option table: booleans for flags, strings for the others; a required
 * option is always there (main.ts refuses the command line without it).
 */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]: T[K]['type'] extends 'boolean'
    ? boolean | undefined
    : T[K] extends { required: true }
      ? string
      : string | undefined;
};

/** The positional arguments: how the help names them, how many, and what to say when missing. */
export interface PositionalSpec {
  /** As in the usage line: "FILE", "FILE または DIR ...". Empty for none. */
  usage: string;
  min: number;
  max: number;
  /** The message when fewer than `min` are given. */
  missing?: string;
}

/** A command, declared as data. */
export interface CommandSpec<T extends OptionTable = OptionTable> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** What it does, for its help (Japanese paragraphs). */
  description: string;
  positionals: PositionalSpec;
  options: T;
  /** Exit codes, when the command's differ in meaning from the general ones. */
  exitCodes?: string;
  run(context: CommandContext<T>): Promise<number>;
}

/** What a command's run gets. */
export interface CommandContext<T extends OptionTable> {
  values: OptionValues<T>;
  positionals: string[];
  io: CliIo;
  /** The workbooks it opens and makes, and the file system of its outputs. */
  files: CliFiles;
}

/** A command of any option table (what main.ts dispatches). */
export type Command = CommandSpec<OptionTable>;

/**
 * Declares a command (keeps its option table's types for its run).
 * @param spec - the command
 * @returns the same command, typed for the list of commands
 */
export function defineCommand<const T extends OptionTable>(spec: CommandSpec<T>): Command {
  return spec as unknown as Command;
}

/**
 * A progress listener that prints to the CLI's progress line ("シートを確認中 12/70").
 * @param io - the CLI's output
 * @returns the listener
 */
export function progressTo(io: CliIo): (progress: Progress) => void {
  return (progress) =>
    io.progress(progress.total > 1 ? `${progress.phase} ${progress.done}/${progress.total}` : progress.phase);
}
