/**
 * The CLI's commands, in the order `shinchoku --help` lists them. A new command is one file in
 * this folder (a `defineCommand`) and one line here; its help comes from its declaration.
 */
import type { Command } from '../command';
import { aggregateCommand } from './aggregate';
import { checkCommand } from './check';
import { collectCommand } from './collect';
import { demoCommand } from './demo';
import { pdfCommand } from './pdf';
import { printSetupCommand } from './printSetup';
import { rolloverCommand } from './rollover';
import { splitCommand } from './split';
import { statusCommand } from './status';
import { templateCommand } from './template';
import { undoCommand } from './undo';

/** Every command. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  templateCommand,
  checkCommand,
  aggregateCommand,
  undoCommand,
  splitCommand,
  collectCommand,
  statusCommand,
  rolloverCommand,
  printSetupCommand,
  pdfCommand,
];
