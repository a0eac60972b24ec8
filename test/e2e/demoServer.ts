/**
 * Builds demo mode with webpack's Node API (development mode without source maps: the fastest
 * build on 2 cores) and serves the output over http on a free localhost port.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import webpack from 'webpack';

const ROOT = resolve(__dirname, '../..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A built and served demo. */
export interface DemoServer {
  url: string;
  outputPath: string;
  buildMs: number;
  close(): Promise<void>;
}

/**
 * Builds pages with webpack's Node API, in development mode without source maps.
 * @param outputPath - the folder to write
 * @param entries - the pages (webpack.config.js PAGES), comma-separated
 */
export async function buildPages(outputPath: string, entries = 'demo'): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS with a function export
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ entries, outputPath }, { mode: 'development' });
  config.devtool = false;
  config.context = ROOT;
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((done, fail) => {
    webpack(config, (error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
}

/**
 * Builds the demo into a temporary folder and serves it.
 * @returns its URL (…/demo.html) and a close function
 */
export async function startDemoServer(): Promise<DemoServer> {
  const outputPath = mkdtempSync(join(tmpdir(), 'shinchoku-demo-'));
  const started = Date.now();
  await buildPages(outputPath);
  const buildMs = Date.now() - started;
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(outputPath, path);
    try {
      if (!file.startsWith(outputPath) || !statSync(file).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/demo.html`,
    outputPath,
    buildMs,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          rmSync(outputPath, { recursive: true, force: true });
          done();
        });
      }),
  };
}
