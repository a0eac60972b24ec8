/**
 * The live formulas of the 進捗状況シート, made from the plan's scheme: 合計 (or 平均) and 総合評価 of
 * each year, and the achievement ratio and grade of each target indicator. They compute what core
 * computes (tested with LibreOffice's recalculation), so the sheet is right in Excel without the
 * add-in. They use only IF, AND, OR, COUNT, SUM, MIN, MAX and ROUND, and compare symbols cell by
 * cell with "=" (Excel ignores case, not width, so every spelling of a symbol is listed: Ａ and A),
 * since COUNTIF-based counting could count a cell twice were two spellings ever equal.
 */
import type { Criterion } from '../scheme';
import { printedSymbol, symbolSpellings, type Band, type Scale, type Scheme } from '../scheme';

/** What the formulas need of a year's cells. */
export interface YearFormulaCells {
  /** The score cell of each criterion, in the form's order (one column). */
  scores: Record<string, string>;
  total: string | null;
}

/** A text as an Excel string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** TRUE when a cell holds one of the spellings. */
function isOneOf(cell: string, spellings: readonly string[]): string {
  return `OR(${spellings.map((spelling) => `${cell}=${literal(spelling)}`).join(',')})`;
}

/** 1 when a cell holds the "not applicable" mark (any spelling), else 0; "0" without a mark. */
function notApplicable(scheme: Scheme, cell: string): string {
  return scheme.notApplicable === null ? '0' : isOneOf(cell, symbolSpellings(scheme.notApplicable));
}

/**
 * The value of one cell: the cell itself under a numeric scale; under a symbol scale the value of
 * the symbol it holds (0 for anything else).
 * @param scale - the scale
 * @param cell - the cell's address
 * @returns the formula text
 */
export function symbolValue(scale: Scale, cell: string): string {
  if (scale.kind !== 'symbols') return cell;
  return scale.symbols.map((symbol) => `${isOneOf(cell, symbolSpellings(symbol.symbol))}*${symbol.value}`).join('+');
}

/**
 * 1 (TRUE) when a cell holds a value of the scale: a number (numeric scale; its range is checked
 * elsewhere) or one of the symbols in any spelling.
 * @param scale - the scale
 * @param cell - the cell's address
 * @returns the formula text
 */
export function isValue(scale: Scale, cell: string): string {
  if (scale.kind !== 'symbols') return `COUNT(${cell})`;
  return isOneOf(
    cell,
    scale.symbols.flatMap((symbol) => symbolSpellings(symbol.symbol)),
  );
}

/**
 * The pieces of a year's totals: how many cells hold a value, whether the year is complete (every
 * criterion a value or "not applicable", at least one value, numbers within the scale), their sum.
 */
function yearTerms(scheme: Scheme, criteria: readonly Criterion[], cells: YearFormulaCells) {
  const list = criteria.map((criterion) => cells.scores[criterion.key]);
  const range = `${list[0]}:${list[list.length - 1]}`;
  const nas = list.map((cell) => notApplicable(scheme, cell)).join('+');
  if (scheme.scale.kind === 'numeric') {
    const { min, max } = scheme.scale;
    return {
      count: `COUNT(${range})`,
      complete: `AND(COUNT(${range})>=1,COUNT(${range})+${nas}=${list.length},MIN(${range})>=${min},MAX(${range})<=${max})`,
      sum: `SUM(${range})`,
    };
  }
  const count = list.map((cell) => isValue(scheme.scale, cell)).join('+');
  return {
    count: `(${count})`,
    complete: `AND(${count}>=1,${count}+${nas}=${list.length})`,
    sum: `(${list.map((cell) => symbolValue(scheme.scale, cell)).join('+')})`,
  };
}

/**
 * The formula (without "=") of a year's 合計 (the sum of the values) or, for plans graded by the
 * average, 平均 (their mean, one place): blank until every criterion has a value or the "not
 * applicable" mark, with at least one value, all within the scale.
 * @param scheme - the plan's scheme
 * @param criteria - the plan's criteria (at least one)
 * @param cells - the year's score cells
 * @returns the formula text
 */
export function totalFormula(scheme: Scheme, criteria: readonly Criterion[], cells: YearFormulaCells): string {
  const { count, complete, sum } = yearTerms(scheme, criteria, cells);
  const average = scheme.itemGrade.kind === 'bands' && scheme.itemGrade.basis === 'average';
  return `IF(${complete},${average ? `ROUND(${sum}/${count},1)` : sum},"")`;
}

/**
 * A nested IF that gives the first band's grade whose lower bound the value reaches and whose
 * gates hold; the last band is the "otherwise" (the plan check guarantees it covers the rest).
 * @param value - the cell compared
 * @param bands - best first
 * @param gate - the formula of "criterion ≥ min", by key
 * @returns the formula text
 */
export function bandsFormula(
  value: string,
  bands: readonly Band[],
  gate: (criterion: string, min: number) => string,
): string {
  const last = bands[bands.length - 1];
  return bands.slice(0, -1).reduceRight(
    (otherwise, band) => {
      const conditions = [
        ...(band.min === null ? [] : [`${value}>=${band.min}`]),
        ...band.gates.map((each) => gate(each.criterion, each.min)),
      ];
      const test =
        conditions.length === 0 ? 'TRUE' : conditions.length === 1 ? conditions[0] : `AND(${conditions.join(',')})`;
      return `IF(${test},${literal(printedSymbol(band.grade))},${otherwise})`;
    },
    literal(printedSymbol(last.grade)),
  );
}

/**
 * The formula (without "=") of a year's 総合評価 by the bands: blank while 合計 is blank; a gate
 * holds only when its criterion has a value (not "not applicable") of at least its minimum.
 * @param scheme - the plan's scheme (banded item grades)
 * @param cells - the year's score cells (with 合計)
 * @returns the formula text
 */
export function gradeFormula(scheme: Scheme, cells: YearFormulaCells): string {
  if (scheme.itemGrade.kind !== 'bands' || cells.total === null) throw new RangeError('the grade is entered');
  const total = cells.total;
  const gate = (criterion: string, min: number) => {
    const cell = cells.scores[criterion];
    return `AND(${isValue(scheme.scale, cell)},${symbolValue(scheme.scale, cell)}>=${min})`;
  };
  return `IF(${total}="","",${bandsFormula(total, scheme.itemGrade.bands, gate)})`;
}

/**
 * The formula (without "=") of an indicator's achievement ratio in percent, one place: blank until
 * both the target and the actual are numbers and the target is not 0.
 * @param target - the target cell
 * @param actual - the actual cell
 * @returns the formula text
 */
export function ratioFormula(target: string, actual: string): string {
  return `IF(AND(COUNT(${target})=1,COUNT(${actual})=1),IF(${target}=0,"",ROUND(${actual}*100/${target},1)),"")`;
}

/**
 * The formula (without "=") of an indicator's achievement grade by the plan's bands over the ratio.
 * @param bands - the achievement bands, best first
 * @param ratio - the ratio cell
 * @returns the formula text
 */
export function achievementFormula(bands: readonly Band[], ratio: string): string {
  return `IF(${ratio}="","",${bandsFormula(ratio, bands, () => 'TRUE')})`;
}
