/**
 * A municipality's evaluation scheme as plan settings: the criteria and their scale (numbers or
 * symbols, with a "not applicable" mark), how an item's 総合評価 is formed (bands over its total or
 * average with optional gates, or entered by the department), how a 取組項目's and a テーマ's grade
 * is formed (bands over the averages, entered by the council, or none), the council's scale, and
 * the optional blocks of the form (targets and actuals per indicator, cost per year).
 * The built-in 苫小牧市 rule is `defaultScheme()`.
 */
import { normalizeInput } from './japanese';

/** One self-evaluation criterion: its key (JSON), the form's label and a short label for narrow headings. */
export interface Criterion {
  key: string;
  label: string;
  short: string;
}

/** One symbol of a scale (Ａ = 3, Ⅰ = 2, …) and what it means. */
export interface ScaleSymbol {
  /** As printed (full-width letters: Ａ, Ｂ＋, Ⅰ). */
  symbol: string;
  value: number;
  meaning: string;
}

/** A scale: whole numbers from `min` to `max`, or a list of symbols each with a value. */
export type Scale = { kind: 'numeric'; min: number; max: number } | { kind: 'symbols'; symbols: ScaleSymbol[] };

/** A condition a band needs besides its lower bound: a criterion's value (or average) at least `min`. */
export interface Gate {
  /** The criterion's key. */
  criterion: string;
  min: number;
}

/** One grade of a banding: given when the value is at least `min` (null: any value) and every gate holds. */
export interface Band {
  /** As printed (Ａ, Ｂ＋). */
  grade: string;
  min: number | null;
  gates: Gate[];
}

/** What a banding compares: the sum of the values (合計) or their mean (平均). */
export type Basis = 'total' | 'average';

/** Grades from bands, best first: the first band that holds gives the grade. */
export interface Banding {
  kind: 'bands';
  basis: Basis;
  bands: Band[];
}

/** Grades typed by hand from a list (best first). */
export interface Entered {
  kind: 'entered';
  grades: string[];
}

/** How an item's 総合評価 is formed. */
export type ItemGrading = Banding | Entered;
/** How a 取組項目's and a テーマ's 総合評価 is formed: bands, entered by the council, or none. */
export type GroupGrading = Banding | Entered | { kind: 'none' };

/** The targets-and-actuals block: indicators per item, and the achievement grade by the ratio (%), if any. */
export interface TargetsBlock {
  indicators: number;
  /** Bands over the achievement ratio in percent (実績 ÷ 目標 × 100, one decimal); empty: no grade. */
  bands: Band[];
}

/** Everything about how a plan evaluates. */
export interface Scheme {
  scale: Scale;
  /** The mark of "not applicable" (left out of the averages, criterion by criterion), or null. */
  notApplicable: string | null;
  itemGrade: ItemGrading;
  groupGrade: GroupGrading;
  council: Scale;
  targets: TargetsBlock | null;
  /** Whether the form has 予算・決算 per year. */
  cost: boolean;
}

/** Labels of the built-in criteria. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'progress', label: '進捗度', short: '進捗度' },
  { key: 'cooperation', label: '連携度', short: '連携度' },
  { key: 'efficiency', label: '効率性', short: '効率性' },
  { key: 'creativity', label: '創造性', short: '創造性' },
];

/** The most criteria a plan may have (rows of the form). */
export const MAX_CRITERIA = 10;
/** The most target indicators per item. */
export const MAX_INDICATORS = 4;
/** The built-in "not applicable" mark. */
export const DEFAULT_NOT_APPLICABLE = '-';

/**
 * The built-in 苫小牧市 bands (spec §3.1): Ａ if 合計 ≥ 10 and the first criterion (進捗度) ≥ 2, Ｂ if ≥ 8, Ｃ if ≥ 5, else Ｄ.
 * @param gateCriterion - the key of the gated criterion
 * @returns the bands
 */
export function defaultBands(gateCriterion: string): Band[] {
  return [
    { grade: 'Ａ', min: 10, gates: [{ criterion: gateCriterion, min: 2 }] },
    { grade: 'Ｂ', min: 8, gates: [] },
    { grade: 'Ｃ', min: 5, gates: [] },
    { grade: 'Ｄ', min: 0, gates: [] },
  ];
}

/**
 * The built-in scheme: scores 0–3 with "-", grades by 合計 with the 進捗度 gate for items and
 * groups, council 1–5, no optional blocks.
 * @param gateCriterion - the key of the gated criterion (the plan's first)
 * @returns the scheme
 */
export function defaultScheme(gateCriterion = 'progress'): Scheme {
  return {
    scale: { kind: 'numeric', min: 0, max: 3 },
    notApplicable: DEFAULT_NOT_APPLICABLE,
    itemGrade: { kind: 'bands', basis: 'total', bands: defaultBands(gateCriterion) },
    groupGrade: { kind: 'bands', basis: 'total', bands: defaultBands(gateCriterion) },
    council: { kind: 'numeric', min: 1, max: 5 },
    targets: null,
    cost: false,
  };
}

/** Characters read as a dash (the built-in "not applicable"). */
const DASHES = new Set(['-', '－', 'ー', '―', '‐', '−', '—', '–']);

/**
 * How a typed symbol is compared: NFKC (Ａ → A, Ⅰ → I, ｂ → b), upper case, no spaces, and
 * every dash as "-". Two symbols are the same when their keys are.
 * @param text - a symbol as typed or as defined
 * @returns its comparison key
 */
export function symbolKey(text: string): string {
  const key = normalizeInput(text).replace(/\s+/g, '').toUpperCase();
  return DASHES.has(key) ? '-' : key;
}

/**
 * The spellings a live formula accepts for a symbol (Excel compares text without case, not
 * without width): as printed, its NFKC form and that form in full width; every dash for a dash.
 * @param symbol - the symbol as printed
 * @returns the distinct spellings
 */
export function symbolSpellings(symbol: string): string[] {
  if (symbolKey(symbol) === '-') return [...DASHES];
  const half = normalizeInput(symbol);
  return [...new Set([symbol, half, printedSymbol(half)])];
}

/**
 * A symbol as printed: letters in upper case, ASCII letters, digits and signs in full width
 * (a → Ａ, B+ → Ｂ＋, ｂ → Ｂ); other characters (Ⅰ, ○, －) unchanged.
 * @param text - the symbol as written
 * @returns the printed symbol
 */
export function printedSymbol(text: string): string {
  return text
    .trim()
    .replace(/[a-zａ-ｚ]/g, (char) => char.toUpperCase())
    .replace(/[!-~]/g, (char) => (char === '-' ? char : String.fromCharCode(char.charCodeAt(0) + 0xfee0)));
}

/**
 * A grade's code in JSON and messages (A, B+, I): its symbol key.
 * @param printed - the grade as printed
 * @returns the code
 */
export function gradeCode(printed: string): string {
  return symbolKey(printed);
}

/**
 * The values of a scale, lowest first.
 * @param scale - a scale
 * @returns every value a criterion can take
 */
export function scaleValues(scale: Scale): number[] {
  if (scale.kind === 'symbols') return [...new Set(scale.symbols.map((symbol) => symbol.value))].sort((a, b) => a - b);
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
}

/**
 * The lowest and highest value of a scale.
 * @param scale - a scale
 * @returns the bounds
 */
export function scaleBounds(scale: Scale): { min: number; max: number } {
  const values = scaleValues(scale);
  return { min: values[0], max: values[values.length - 1] };
}

/**
 * What a scale offers in a drop-down: its numbers or symbols, then the "not applicable" mark.
 * @param scale - a scale
 * @param notApplicable - the mark, or null
 * @returns the choices as printed
 */
export function scaleChoices(scale: Scale, notApplicable: string | null): string[] {
  const choices =
    scale.kind === 'symbols' ? scale.symbols.map((symbol) => symbol.symbol) : scaleValues(scale).map(String);
  return notApplicable === null ? choices : [...choices, notApplicable];
}

/**
 * The scale as written in messages: "0〜3" or "Ａ・Ｂ・Ｃ".
 * @param scale - a scale
 * @returns the Japanese text
 */
export function scaleText(scale: Scale): string {
  return scale.kind === 'symbols'
    ? scale.symbols.map((symbol) => symbol.symbol).join('・')
    : `${scale.min}〜${scale.max}`;
}

/**
 * The grades of an item (best first).
 * @param scheme - the scheme
 * @returns the printed grades
 */
export function itemGrades(scheme: Scheme): string[] {
  return gradesOf(scheme.itemGrade);
}

/**
 * The grades of a grading (best first), or none.
 * @param grading - bands, entered grades or none
 * @returns the printed grades
 */
export function gradesOf(grading: ItemGrading | GroupGrading): string[] {
  if (grading.kind === 'none') return [];
  return grading.kind === 'entered' ? [...grading.grades] : grading.bands.map((band) => band.grade);
}

/**
 * Whether a scheme is the built-in one in everything but its gated criterion's key (forms and
 * tabs of such plans look exactly as they always did).
 * @param scheme - a scheme
 * @returns true for the built-in rule
 */
export function isDefaultScheme(scheme: Scheme): boolean {
  const gate = scheme.itemGrade.kind === 'bands' ? scheme.itemGrade.bands[0]?.gates[0]?.criterion : undefined;
  return JSON.stringify(scheme) === JSON.stringify(defaultScheme(gate));
}
