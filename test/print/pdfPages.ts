/**
 * What a PDF shows, read with poppler-utils (Debian package poppler-utils): each page's size and
 * text, the words with their boxes (`pdftotext -bbox-layout`), and page images as raw RGB
 * (`pdftoppm`, PPM) or PNG artifacts to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A word as pdftotext places it, in points from the page's top-left. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One page: its number (1-based), size in points, text (layout mode) and words. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  text: string;
  words: PdfWord[];
}

const BUFFER = 256 * 1024 * 1024;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: BUFFER });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name],
  );
}

/**
 * Every page of a PDF: size, text and words (three poppler calls for the whole file).
 * @param pdf - the PDF's path
 * @returns the pages in order
 */
export function readPdf(pdf: string): PdfPage[] {
  const texts = run('pdftotext', ['-layout', pdf, '-']).split('\f');
  const layout = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const pages: PdfPage[] = [];
  for (const match of layout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [
      ...match[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((word) => ({
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
      text: unescape(word[5]),
    }));
    const number = pages.length + 1;
    pages.push({ number, width: Number(match[1]), height: Number(match[2]), text: texts[number - 1] ?? '', words });
  }
  return pages;
}

/** A page rendered to raw RGB, 3 bytes a pixel, rows top-down. */
export interface PageImage {
  number: number;
  width: number;
  height: number;
  dpi: number;
  rgb: Buffer;
}

/** Parses a binary PPM (P6, maxval 255). */
function parsePpm(data: Buffer): { width: number; height: number; rgb: Buffer } {
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]))) offset++;
    if (data[offset] === 0x23) {
      while (data[offset] !== 0x0a) offset++; // a comment line
      continue;
    }
    let field = '';
    while (!/\s/.test(String.fromCharCode(data[offset]))) field += String.fromCharCode(data[offset++]);
    fields.push(field);
  }
  offset++; // the one whitespace after maxval
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`not a P6 PPM: ${fields.join(' ')}`);
  return { width: Number(fields[1]), height: Number(fields[2]), rgb: data.subarray(offset) };
}

/**
 * Renders pages to raw RGB, a batch at a time (a page at 72 dpi is 1.5 MB), handing each to `visit`.
 * @param pdf - the PDF's path
 * @param pageCount - pages in the PDF
 * @param dpi - resolution (72: one pixel per point)
 * @param visit - called with each page image, in order
 */
export function forEachPageImage(pdf: string, pageCount: number, dpi: number, visit: (image: PageImage) => void): void {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-pages-'));
  try {
    for (let first = 1; first <= pageCount; first += 20) {
      const last = Math.min(pageCount, first + 19);
      run('pdftoppm', ['-r', String(dpi), '-f', String(first), '-l', String(last), pdf, join(folder, 'p')]);
      const files = readdirSync(folder)
        .filter((file) => file.endsWith('.ppm'))
        .sort((a, b) => pageOf(a) - pageOf(b));
      for (const file of files) {
        const image = parsePpm(readFileSync(join(folder, file)));
        rmSync(join(folder, file));
        visit({ number: pageOf(file), dpi, ...image });
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function pageOf(file: string): number {
  return Number(/-(\d+)\.\w+$/.exec(file)?.[1] ?? 0);
}

/**
 * Keeps pictures of some pages to look at (PNG).
 * @param pdf - the PDF's path
 * @param pages - page numbers to keep
 * @param folder - where they go (created)
 * @param prefix - file name prefix
 * @param dpi - resolution (default 50)
 */
export function savePageImages(pdf: string, pages: readonly number[], folder: string, prefix: string, dpi = 50): void {
  mkdirSync(folder, { recursive: true });
  for (const page of pages)
    run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), pdf, join(folder, prefix)]);
}

/**
 * Whether a page is A4 in either orientation (to the PDF's rounding).
 * @param page - the page
 * @returns true for A4
 */
export function isA4(page: Pick<PdfPage, 'width' | 'height'>): boolean {
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)];
  return Math.abs(short - 595.3) < 1.5 && Math.abs(long - 841.9) < 1.5;
}
