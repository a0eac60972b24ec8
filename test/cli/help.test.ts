/**
 * The CLI as data: the help of every command lists every option it accepts, from the one option
 * table the parser uses (no drift possible), and an option that is not in the table is refused.
 * `check` and `aggregate` take --plan and say so. The CLI's modules import each other without a
 * cycle (the entry file holds no shared types).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { run } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { temporaryFolder } from '../support/smallBook';

async function help(name: string): Promise<string> {
  const io = captureIo();
  expect(await run([name, '--help'], io)).toBe(0);
  return io.stdout.join('\n');
}

describe('help comes from the option table', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s --help lists every option it accepts, with its value name',
    async (name, command) => {
      const text = await help(name);
      const listed = [...text.matchAll(/(?:^|\s|\[)--([a-z-]+)/g)].map((match) => match[1]);
      const accepted = [...Object.keys(command.options), 'help'];
      expect(new Set(listed)).toEqual(new Set(accepted));
      for (const [option, spec] of Object.entries(command.options)) {
        const flag = spec.value ? `--${option} ${spec.value}` : `--${option}`;
        expect(text).toContain(flag);
        expect(text).toContain(spec.description);
        if (spec.short) expect(text).toContain(`-${spec.short}, --${option}`);
      }
    },
  );

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s accepts exactly the options of its table',
    async (name, command) => {
      // Too many (or missing) positionals: the command stops right after parsing, before any file work.
      const missing = join(temporaryFolder('help'), 'missing.xlsx');
      const extra = Array.from({ length: Math.min(command.positionals.max, 1) + 1 }, () => missing);
      for (const option of Object.keys(command.options)) {
        const io = captureIo();
        const value = command.options[option].type === 'string' ? [missing] : [];
        expect(await run([name, `--${option}`, ...value, ...extra], io)).toBe(2);
        expect(io.stderr.join('\n')).not.toContain('というオプションはありません');
      }
      const io = captureIo();
      expect(await run([name, '--no-such-option'], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('「--no-such-option」というオプションはありません');
    },
  );

  it('check and aggregate say that they take --plan', async () => {
    for (const name of ['check', 'aggregate', 'collect', 'print-setup', 'template'])
      expect(await help(name)).toMatch(/\[--plan FILE\]/);
  });

  it('the program’s help lists every command', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.stdout.join('\n')).toContain(`  ${command.name}`);
  });
});

describe('the CLI’s modules', () => {
  const root = join(__dirname, '../../src/cli');
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(folder, entry.name))
        : /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
          ? [join(folder, entry.name)]
          : [],
    );

  it('each command is one file under src/cli/commands', () => {
    const names = readdirSync(join(root, 'commands')).filter((name) => !/(^index|^common|\.test)\./.test(name));
    expect(names.map((name) => name.replace(/\.ts$/, '')).sort()).toEqual(
      [
        'aggregate',
        'check',
        'collect',
        'demo',
        'pdf',
        'printSetup',
        'rollover',
        'split',
        'status',
        'template',
        'undo',
      ].sort(),
    );
    expect(COMMANDS).toHaveLength(11);
  });

  it('import each other without a cycle', () => {
    const graph = new Map<string, string[]>();
    for (const file of files(root)) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((match) => {
        const target = resolve(dirname(file), match[1]);
        return (
          [`${target}.ts`, join(target, 'index.ts')].find(
            (candidate) => graph.has(candidate) || files(root).includes(candidate),
          ) ?? target
        );
      });
      graph.set(
        file,
        imports.filter((target) => target.startsWith(root)),
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((entry) => relative(root, entry)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
