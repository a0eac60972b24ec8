/**
 * Fonts as data: advance widths and vertical metrics of the fonts our sheets name, measured once
 * from the metric-compatible fonts LibreOffice prints them with (scripts/generate-font-metrics.js).
 * No font file is read at run time.
 */
import { FONT_METRICS_DATA } from './fontMetricsData';

/** The committed metrics of one font (font units; see the generator). */
export interface FontMetricsData {
  /** The font the numbers were measured from. */
  source: string;
  unitsPerEm: number;
  /** hhea ascent and descent (both positive) and line gap. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** OS/2 usWinAscent and usWinDescent: the line height Windows (GDI) gives the font. */
  winAscent: number;
  winDescent: number;
  /** The advance of every character not listed in `runs` (also of characters the font lacks). */
  defaultAdvance: number;
  /** Runs [first code point, last code point, advance] flattened into one array, sorted. */
  runs: readonly number[];
}

/** A font's metrics in em units (1 = the font size). */
export interface FontMetrics {
  /** The font name the sheets use. */
  name: string;
  /** The advance width of a code point, in em. */
  advance(codePoint: number): number;
  /** hhea ascent + descent + line gap, in em (LibreOffice's line height). */
  lineHeight: number;
  /** usWinAscent + usWinDescent, in em (Windows' line height). */
  winLineHeight: number;
}

/** The font every sheet uses unless a style names another (see styles.ts). */
export const MEASURED_FONTS: readonly string[] = Object.keys(FONT_METRICS_DATA);

const cache = new Map<string, FontMetrics>();

/**
 * The metrics of a font by the name a sheet uses. Unknown names get the metrics of ＭＳ Ｐゴシック
 * (Excel's Japanese default before 2016), the widest-spread proportional Japanese font.
 * @param name - a font name, such as "ＭＳ ゴシック"
 * @returns the font's metrics
 */
export function fontMetrics(name: string): FontMetrics {
  const known = FONT_METRICS_DATA[name] ? name : 'ＭＳ Ｐゴシック';
  const cached = cache.get(known);
  if (cached) return cached;
  const data = FONT_METRICS_DATA[known];
  const runs = data.runs;
  const count = runs.length / 3;
  const advance = (codePoint: number): number => {
    // Binary search of the run holding the code point.
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < runs[middle * 3]) high = middle - 1;
      else if (codePoint > runs[middle * 3 + 1]) low = middle + 1;
      else return runs[middle * 3 + 2] / data.unitsPerEm;
    }
    return data.defaultAdvance / data.unitsPerEm;
  };
  const metrics: FontMetrics = {
    name: known,
    advance,
    lineHeight: (data.ascent + data.descent + data.lineGap) / data.unitsPerEm,
    winLineHeight: (data.winAscent + data.winDescent) / data.unitsPerEm,
  };
  cache.set(known, metrics);
  return metrics;
}
