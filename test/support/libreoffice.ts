/**
 * LibreOffice for tests: a real spreadsheet program opens the files we write, recalculates them
 * and exports PDF or .xlsx. Each conversion costs seconds, so keep such tests few.
 *
 * Conversions run `soffice --headless` with a profile of our own (not the user's), created once per
 * test process, whose settings make Calc recalculate every formula when it loads an .xlsx: that is
 * how tests see LibreOffice's numbers instead of the cached results we wrote. Conversions within
 * one process run one at a time, since one profile cannot serve two instances.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { convertWithSoffice } from '../../src/cli/libreoffice';

/** How long one conversion may take before it is killed. */
const CONVERSION_TIMEOUT_MS = 120_000;

/** Calc settings: recalculate on load, always (0), for OOXML and ODF files. */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let available: boolean | undefined;
let profile: string | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Whether `soffice` can run here (cached). */
export function hasLibreOffice(): boolean {
  if (available === undefined) {
    const result = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 30_000 });
    available = result.status === 0 && /LibreOffice/.test(result.stdout);
  }
  return available;
}

/** The profile directory of this process, with the recalculation settings. */
function profileDirectory(): string {
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), `shinchoku-lo-${process.pid}-`));
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), REGISTRY);
    const created = profile;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return profile;
}

/**
 * Converts a file with LibreOffice, recalculating formulas on load.
 * @param inputPath - the file to convert (.xlsx)
 * @param format - 'pdf' or 'xlsx'
 * @param outDir - where the result goes (created if needed; must differ from the input's folder
 *   when converting .xlsx to .xlsx)
 * @returns the path of the converted file
 */
export function convertWithLibreOffice(inputPath: string, format: 'pdf' | 'xlsx', outDir: string): Promise<string> {
  const run = queue.then(() => convert(resolve(inputPath), format, resolve(outDir)));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(inputPath: string, format: 'pdf' | 'xlsx', outDir: string): Promise<string> {
  if (!existsSync(inputPath)) throw new Error(`LibreOffice: input file not found: ${inputPath}`);
  return convertWithSoffice(inputPath, {
    format,
    outDir,
    profileDir: profileDirectory(),
    timeoutMs: CONVERSION_TIMEOUT_MS,
    soffice: 'soffice',
  });
}

/**
 * The number of pages of a PDF (pdfinfo).
 * @param pdfPath - the PDF
 * @returns its page count
 */
export function pdfPageCount(pdfPath: string): number {
  const result = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8', timeout: 30_000 });
  const pages = /^Pages:\s+(\d+)/m.exec(result.stdout ?? '');
  if (result.status !== 0 || !pages)
    throw new Error(`pdfinfo failed on ${pdfPath}: ${result.stderr || result.error?.message}`);
  return Number(pages[1]);
}

/**
 * Renders every page of a PDF to PNG at 50 dpi (pdftoppm), for a look at what was printed.
 * @param pdfPath - the PDF
 * @param outDir - where the images go (created if needed)
 * @returns the image paths in page order
 */
export function renderPdfPages(pdfPath: string, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const prefix = basename(pdfPath, extname(pdfPath));
  const result = spawnSync('pdftoppm', ['-r', '50', '-png', pdfPath, join(outDir, prefix)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`pdftoppm failed on ${pdfPath}: ${result.stderr || result.error?.message}`);
  return readdirSync(outDir)
    .filter((file) => file.startsWith(`${prefix}-`) && file.endsWith('.png'))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((file) => join(outDir, file));
}

function pageNumber(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? 0);
}
