/**
 * Whole-process measurements for the bench: each run is a fresh `node` child; its wall time is
 * taken around it and its CPU time and peak memory (maxRSS) come from the child's own
 * process.resourceUsage(), written by a preloaded hook when it exits. Runs of two or more commands
 * alternate (A B A B …) so that a change in the machine's load hits them alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One run of one command. */
export interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  exitCode: number | null;
}

/** The median and the runs of one command. */
export interface Summary {
  runs: Run[];
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/**
 * The median of numbers.
 * @param values - the numbers
 * @returns the middle one (the mean of the two middle ones for an even count)
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The medians of runs. */
export function summarize(runs: Run[]): Summary {
  return {
    runs,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    maxRssMb: median(runs.map((run) => run.maxRssMb)),
  };
}

/**
 * Ratios of B over A: the median of the ratios of each pair (runs i of A and B), per figure.
 * @param a - the reference's runs
 * @param b - the measured runs, as many as a's
 * @returns median pair ratios of wall time, CPU time and peak memory
 */
export function pairRatios(a: readonly Run[], b: readonly Run[]): { wall: number; cpu: number; memory: number } {
  const pairs = a.map((run, index) => [run, b[index]] as const).filter(([, other]) => other !== undefined);
  return {
    wall: median(pairs.map(([first, second]) => second.wallMs / first.wallMs)),
    cpu: median(pairs.map(([first, second]) => second.cpuMs / first.cpuMs)),
    memory: median(pairs.map(([first, second]) => second.maxRssMb / first.maxRssMb)),
  };
}

/** A node command line, measured as a whole process. */
export interface Command {
  label: string;
  /** Arguments to `node` (a script and its arguments). */
  args: string[];
}

/**
 * Runs node commands as children and measures each.
 */
export class Runner {
  private readonly hook: string;
  private readonly usageFile: string;

  /**
   * @param workDirectory - where the hook and the usage file go
   */
  constructor(workDirectory: string) {
    this.hook = join(workDirectory, 'usage-hook.js');
    this.usageFile = join(workDirectory, 'usage.json');
    writeFileSync(
      this.hook,
      "process.on('exit', () => { require('node:fs').writeFileSync(process.env.SHINCHOKU_BENCH_USAGE, JSON.stringify(process.resourceUsage())); });\n",
    );
  }

  /**
   * Runs a command once.
   * @param command - the node arguments
   * @returns its wall time, CPU time and peak memory
   */
  run(command: Command): Run {
    rmSync(this.usageFile, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', this.hook, ...command.args], {
      env: { ...process.env, SHINCHOKU_BENCH_USAGE: this.usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (!existsSync(this.usageFile)) {
      throw new Error(`${command.label} did not finish: ${result.stderr?.toString().slice(-2000) ?? result.error}`);
    }
    const usage = JSON.parse(readFileSync(this.usageFile, 'utf8')) as NodeJS.ResourceUsage;
    return {
      wallMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssMb: usage.maxRSS / 1024,
      exitCode: result.status,
    };
  }

  /**
   * Runs commands in turn, `rounds` times (A B C A B C …).
   * @param commands - the commands
   * @param rounds - how many times each runs
   * @param onRun - called after each run (for progress)
   * @returns the runs of each command, in the commands' order
   */
  alternate(commands: readonly Command[], rounds: number, onRun?: (label: string, run: Run) => void): Run[][] {
    const runs: Run[][] = commands.map(() => []);
    for (let round = 0; round < rounds; round++) {
      commands.forEach((command, index) => {
        const run = this.run(command);
        runs[index].push(run);
        onRun?.(command.label, run);
      });
    }
    return runs;
  }
}
