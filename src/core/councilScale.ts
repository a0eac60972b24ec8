/**
 * The council's scale on the 審議会評価 tab: numbers (1–5, the built-in) or symbols each with a
 * value (Ａ・Ｂ・Ｃ). A member's score is read as its value, in any width or case; a typed average
 * may be a number within the scale's bounds or, for symbols, a symbol. The average formula maps
 * symbols to values cell by cell, as the form's formulas do.
 */
import { normalizeInput } from './japanese';
import { scaleBounds, scaleText, symbolKey, type Scale } from './scheme';
import { isValue, symbolValue } from './sheet/formulas';
import type { CellValue } from './sheetSpec';

/**
 * How to type a council score, for fixes: "1〜5 の整数", "1.0〜5.0 の数値", "Ａ・Ｂ・Ｃ のどれか".
 * @param scale - the council's scale
 * @param average - a typed average rather than a member's score
 * @returns the Japanese hint
 */
export function councilScaleHint(scale: Scale, average = false): string {
  const { min, max } = scaleBounds(scale);
  if (scale.kind === 'symbols')
    return average ? `${scaleText(scale)} のどれか、または ${min}〜${max} の数値` : `${scaleText(scale)} のどれか`;
  return average ? `${min.toFixed(1)}〜${max.toFixed(1)} の数値` : `${min}〜${max} の整数`;
}

/**
 * The scale as the tab's instructions print it.
 * @param scale - the council's scale
 * @returns "1〜5：５ 非常に評価できる、３ おおむね評価できる、１ 課題あり" for the built-in scale
 */
export function councilScaleLegend(scale: Scale): string {
  if (scale.kind === 'symbols')
    return scale.symbols
      .map((symbol) => `${symbol.symbol}${symbol.meaning ? ` ${symbol.meaning}` : ''}（${symbol.value}）`)
      .join('、');
  if (scale.min === 1 && scale.max === 5) return '1〜5：５ 非常に評価できる、３ おおむね評価できる、１ 課題あり';
  return `${scale.min}〜${scale.max}`;
}

/** A council cell as read: its value, the symbol typed (symbol scales) and what is wrong with it. */
export interface CouncilValue {
  value: number | null;
  symbol: string | null;
  /** The end of a message ("は数字ではありません。"), or null. */
  problem: string | null;
}

/**
 * Reads a member's score or a typed average under the council's scale.
 * @param scale - the council's scale
 * @param value - the cell's value
 * @param average - a typed average (any number within the bounds; symbols as their values)
 * @returns the value, the symbol and the problem, if any
 */
export function readCouncilValue(scale: Scale, value: CellValue, average: boolean): CouncilValue {
  const none = { value: null, symbol: null, problem: null };
  if (value === null || value === '') return none;
  const typed = typeof value === 'number' ? String(value) : normalizeInput(String(value));
  if (typed === '') return none;
  const { min, max } = scaleBounds(scale);
  if (scale.kind === 'symbols') {
    const symbol = scale.symbols.find((each) => symbolKey(each.symbol) === symbolKey(typed));
    if (symbol) return { value: symbol.value, symbol: symbol.symbol, problem: null };
    if (!average || !/^\d+(\.\d+)?$/.test(typed))
      return { ...none, problem: `は評価の記号（${scaleText(scale)}）ではありません。` };
  } else if (!/^\d+(\.\d+)?$/.test(typed)) return { ...none, problem: 'は数字ではありません。' };
  const number = Number(typed);
  if (!average && (!Number.isInteger(number) || number < min || number > max))
    return { ...none, problem: `は ${min}〜${max} の整数ではありません。` };
  if (average && (number < min || number > max)) return { ...none, problem: `は ${min}〜${max} の範囲外です。` };
  return { value: number, symbol: null, problem: null };
}

/**
 * The formula (without "=") of a 取組項目's 審議会評価平均: the typed average if any, else the
 * members' mean, half-up to one place (symbols counted by their values).
 * @param scale - the council's scale
 * @param typed - the typed average's cell
 * @param scores - the members' score cells
 * @returns the formula text
 */
export function councilAverageFormula(scale: Scale, typed: string, scores: readonly string[]): string {
  const list = scores.join(',');
  if (scale.kind === 'numeric') return `IF(${typed}<>"",${typed},IF(COUNT(${list})=0,"",ROUND(AVERAGE(${list}),1)))`;
  const count = scores.map((cell) => isValue(scale, cell)).join('+');
  const sum = scores.map((cell) => symbolValue(scale, cell)).join('+');
  return `IF(${typed}<>"",IF(COUNT(${typed})=1,${typed},${symbolValue(scale, typed)}),IF(${count}=0,"",ROUND((${sum})/(${count}),1)))`;
}
