#!/usr/bin/env node
/*
 * Writes src/core/text/fontMetricsData.ts: the advance widths of the fonts the sheets name, measured
 * from the metric-compatible fonts LibreOffice prints them with (assets/fonts/fonts.conf):
 * ＭＳ ゴシック → IPAGothic, ＭＳ Ｐゴシック → IPAPGothic (Debian fonts-ipafont-gothic), Calibri → Carlito
 * (fonts-crosextra-carlito, for the default font's digit width that column widths are counted in).
 *
 * Development time only: the product measures text from the committed data, never from font files.
 * Plain Node, no dependencies: reads the TrueType tables it needs (head, hhea, OS/2, hmtx, cmap).
 * Run: `node scripts/generate-font-metrics.js && npx prettier --write src/core/text/fontMetricsData.ts`
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

/** The fonts measured: the name sheets use, and the family LibreOffice prints it with. */
const FONTS = [
  { name: 'ＭＳ ゴシック', family: 'IPAGothic' },
  { name: 'ＭＳ Ｐゴシック', family: 'IPAPGothic' },
  { name: 'Calibri', family: 'Carlito' },
];
/** Code points measured: Latin, general punctuation and symbols, CJK symbols, kana, CJK, full-width forms. */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x27bf],
  [0x3000, 0x30ff],
  [0x3200, 0x33ff],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

/** The file of an installed family, from fontconfig. */
function fontFile(family) {
  const file = execFileSync('fc-match', ['-f', '%{file}', `${family}:style=Regular`], { encoding: 'utf8' });
  const found = execFileSync('fc-match', ['-f', '%{family}', `${family}:style=Regular`], { encoding: 'utf8' });
  if (!found.split(',').includes(family)) throw new Error(`font ${family} is not installed (fc-match gave ${found})`);
  return file;
}

/** The tables of a TrueType/OpenType file (single font, not a collection). */
function readFont(file) {
  const data = fs.readFileSync(file);
  const tables = {};
  const count = data.readUInt16BE(4);
  for (let index = 0; index < count; index++) {
    const at = 12 + 16 * index;
    tables[data.toString('latin1', at, at + 4)] = data.readUInt32BE(at + 8);
  }
  const unitsPerEm = data.readUInt16BE(tables.head + 18);
  const hhea = tables.hhea;
  const os2 = tables['OS/2'];
  const metrics = {
    unitsPerEm,
    ascent: data.readInt16BE(hhea + 4),
    descent: -data.readInt16BE(hhea + 6),
    lineGap: data.readInt16BE(hhea + 8),
    winAscent: data.readUInt16BE(os2 + 74),
    winDescent: data.readUInt16BE(os2 + 76),
  };
  const longMetrics = data.readUInt16BE(hhea + 34);
  const advance = (glyph) => data.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, longMetrics - 1));
  return { metrics, advance, glyphOf: cmap(data, tables.cmap) };
}

/** The Unicode cmap (format 4 or 12) as a function from code point to glyph (0 when missing). */
function cmap(data, table) {
  const count = data.readUInt16BE(table + 2);
  let best = null;
  for (let index = 0; index < count; index++) {
    const platform = data.readUInt16BE(table + 4 + 8 * index);
    const encoding = data.readUInt16BE(table + 6 + 8 * index);
    const offset = table + data.readUInt32BE(table + 8 + 8 * index);
    const format = data.readUInt16BE(offset);
    if (platform === 3 && (encoding === 1 || encoding === 10) && (format === 4 || format === 12))
      if (!best || format === 12) best = { offset, format };
  }
  if (!best) throw new Error('no Unicode cmap');
  const glyphs = new Map();
  const at = best.offset;
  if (best.format === 12) {
    const groups = data.readUInt32BE(at + 12);
    for (let index = 0; index < groups; index++) {
      const start = data.readUInt32BE(at + 16 + 12 * index);
      const end = data.readUInt32BE(at + 20 + 12 * index);
      const glyph = data.readUInt32BE(at + 24 + 12 * index);
      for (let code = start; code <= end; code++) glyphs.set(code, glyph + code - start);
    }
  } else {
    const segments = data.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const offsets = deltas + 2 * segments;
    for (let segment = 0; segment < segments; segment++) {
      const end = data.readUInt16BE(ends + 2 * segment);
      const start = data.readUInt16BE(starts + 2 * segment);
      const delta = data.readInt16BE(deltas + 2 * segment);
      const rangeOffset = data.readUInt16BE(offsets + 2 * segment);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          glyph = data.readUInt16BE(offsets + 2 * segment + rangeOffset + 2 * (code - start));
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) glyphs.set(code, glyph);
      }
    }
  }
  return (code) => glyphs.get(code) ?? 0;
}

/**
 * Runs of code points with the same advance: [first, last, advance] flattened, skipping code points
 * the font lacks and those with the font's most common advance (the `defaultAdvance`, which also
 * stands for characters the font lacks: LibreOffice and Excel draw those from a fallback font).
 */
function measure(font) {
  const advances = [];
  for (const [first, last] of RANGES)
    for (let code = first; code <= last; code++) {
      const glyph = font.glyphOf(code);
      if (glyph !== 0) advances.push([code, font.advance(glyph)]);
    }
  const counts = new Map();
  for (const [, advance] of advances) counts.set(advance, (counts.get(advance) ?? 0) + 1);
  const defaultAdvance = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const runs = [];
  for (const [code, advance] of advances) {
    if (advance === defaultAdvance) continue;
    const run = runs[runs.length - 1];
    if (run && run[1] === code - 1 && run[2] === advance) run[1] = code;
    else runs.push([code, code, advance]);
  }
  return { defaultAdvance, runs: runs.flat() };
}

function main() {
  const out = path.join(__dirname, '..', 'src', 'core', 'text', 'fontMetricsData.ts');
  const entries = FONTS.map(({ name, family }) => {
    const file = fs.realpathSync(fontFile(family));
    const font = readFont(file);
    const { defaultAdvance, runs } = measure(font);
    return (
      `  ${JSON.stringify(name)}: {\n` +
      `    source: ${JSON.stringify(`${family} (${path.basename(file)})`)},\n` +
      Object.entries(font.metrics)
        .map(([key, value]) => `    ${key}: ${value},\n`)
        .join('') +
      `    defaultAdvance: ${defaultAdvance},\n` +
      `    runs: [${runs.join(', ')}],\n` +
      '  },\n'
    );
  });
  const text =
    '/**\n' +
    ' * Advance widths of the fonts the sheets use, measured from the metric-compatible fonts LibreOffice\n' +
    ' * prints them with. Generated by scripts/generate-font-metrics.js; do not edit by hand.\n' +
    ' */\n' +
    "import type { FontMetricsData } from './fontMetrics';\n\n" +
    '/** Metrics by the font name a sheet uses. */\n' +
    'export const FONT_METRICS_DATA: Readonly<Record<string, FontMetricsData>> = {\n' +
    entries.join('') +
    '};\n';
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main();
