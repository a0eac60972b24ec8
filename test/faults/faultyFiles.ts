/**
 * Test helper: the CLI's files failing on purpose. `faultyFiles` gives the seam the commands use
 * (src/cli/files/books.ts) with every workbook call, every file-system call of the guarded outputs
 * and every write, flush and close of an output's temporary file counted by one FaultCounter,
 * which fails at one of them (a file-system call with code EIO, as a failing disk gives).
 */
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import type { BookFile, CliFiles } from '../../src/cli/files/books';
import type { OutputFileSystem } from '../../src/cli/files/outputs';
import { faultyPort, type FaultCounter } from './faultyPorts';

/** Every method of the file system the outputs use, counted. */
function faultyFileSystem(counter: FaultCounter): OutputFileSystem {
  const count =
    <A extends unknown[], R>(name: string, method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      counter.call(() => method(...args), `fs.${name}`);
  const handle = (real: FileHandle): FileHandle =>
    Object.assign(Object.create(real) as FileHandle, {
      writeFile: count('writeFile', real.writeFile.bind(real)),
      sync: count('sync', real.sync.bind(real)),
      close: count('close', real.close.bind(real)),
    });
  return {
    stat: count('stat', nodeFs.stat),
    lstat: count('lstat', nodeFs.lstat),
    realpath: count('realpath', nodeFs.realpath),
    mkdir: count('mkdir', nodeFs.mkdir),
    rename: count('rename', nodeFs.rename),
    link: count('link', nodeFs.link),
    unlink: count('unlink', nodeFs.unlink),
    readFile: count('readFile', nodeFs.readFile),
    chmod: count('chmod', nodeFs.chmod),
    open: count('open', async (...args: Parameters<typeof nodeFs.open>) => handle(await nodeFs.open(...args))),
  } as OutputFileSystem;
}

/**
 * The CLI's files, failing at one call of the counter.
 * @param counter - which call fails, and how
 * @returns the seam to pass to the CLI's run
 */
export function faultyFiles(counter: FaultCounter): CliFiles {
  return {
    fs: faultyFileSystem(counter),
    wrap: (book: BookFile): BookFile => ({
      ...faultyPort(book, counter),
      toBuffer: () => counter.call(() => book.toBuffer(), 'toBuffer'),
    }),
  };
}
