/**
 * Reads and checks the evaluation part of plan data: the criteria and the scheme (scale, how item
 * and group grades are formed, the council's scale, the optional blocks). Every part left out takes
 * the built-in rule, so a plan without a scheme evaluates as the 苫小牧市 plan does.
 */
import { list, optionalText, number, record, rows, text, unique } from './planFields';
import type { PlanChecker, PlanPlace, PlanTable } from './planError';
import {
  DEFAULT_CRITERIA,
  DEFAULT_NOT_APPLICABLE,
  defaultScheme,
  gradeCode,
  MAX_CRITERIA,
  MAX_INDICATORS,
  printedSymbol,
  scaleBounds,
  symbolKey,
  type Band,
  type Basis,
  type Criterion,
  type GroupGrading,
  type ItemGrading,
  type Scale,
  type ScaleSymbol,
  type Scheme,
} from './scheme';

const BASIS_WORDS: Record<Basis, string> = { total: '合計', average: '平均' };

/**
 * The criteria of plan data (the built-in four when absent).
 * @param check - where problems go
 * @param value - `criteria` of the data
 * @returns the criteria, keys defaulting to c1, c2 …
 */
export function readCriteria(check: PlanChecker, value: unknown): Criterion[] {
  if (value === undefined || value === null) return DEFAULT_CRITERIA.map((criterion) => ({ ...criterion }));
  const criteria = rows(check, value, '評価項目', 'criteria', (row, at, index) => {
    const label = text(check, row.label, `評価項目 ${index + 1} の名称`, at('label'));
    const builtIn = DEFAULT_CRITERIA.find((criterion) => criterion.label === label);
    return {
      key: optionalText(row.key) || builtIn?.key || `c${index + 1}`,
      label,
      short: optionalText(row.short) || label,
    };
  });
  if (criteria.length > MAX_CRITERIA)
    check.error(
      `評価項目は ${MAX_CRITERIA} 個までです (現在 ${criteria.length} 個)。`,
      { table: 'criteria', index: MAX_CRITERIA },
      `評価項目を ${MAX_CRITERIA} 個以内にしてください。`,
    );
  const names = { key: '評価項目のキー', label: '評価項目の名称' } as const;
  for (const field of ['key', 'label'] as const)
    unique(
      check,
      criteria,
      (criterion) => criterion[field],
      names[field],
      (_, index) => ({
        table: 'criteria',
        index,
        field,
      }),
    );
  return criteria;
}

/**
 * The scheme of plan data, checked against its criteria.
 * @param check - where problems go
 * @param value - `scheme` of the data (absent: the built-in rule)
 * @param criteria - the plan's criteria
 * @returns the scheme
 */
export function readScheme(check: PlanChecker, value: unknown, criteria: readonly Criterion[]): Scheme {
  const fallback = defaultScheme(criteria[0]?.key ?? 'progress');
  const source = value === undefined || value === null ? {} : record(check, value, '評価方式', { table: 'scheme' });
  if (!source) return fallback;
  const setting = (field: string): PlanPlace => ({ table: 'scheme', field });
  const scale =
    source.scale === undefined
      ? fallback.scale
      : readScale(check, source.scale, 'scale', '評価の尺度', setting('scale'));
  const notApplicable = readNotApplicable(check, source.notApplicable, scale);
  const council =
    source.council === undefined
      ? fallback.council
      : readScale(check, source.council, 'councilScale', '審議会評価の尺度', setting('council'));
  const resolve = criterionResolver(criteria);
  const itemGrade: ItemGrading =
    source.itemGrade === undefined
      ? fallback.itemGrade
      : (readGrading(check, source.itemGrade, 'itemBands', '総合評価', resolve, false) as ItemGrading);
  const groupGrade: GroupGrading =
    source.groupGrade === undefined
      ? fallback.groupGrade
      : readGrading(check, source.groupGrade, 'groupBands', '取組項目・テーマの総合評価', resolve, true);
  const targets = readTargets(check, source.targets);
  const cost = source.cost === undefined || source.cost === null ? false : source.cost === true;
  if (source.cost !== undefined && source.cost !== null && typeof source.cost !== 'boolean')
    check.error(
      `事業費の有無「${String(source.cost)}」が読み取れません。`,
      setting('cost'),
      '「あり」か「なし」（JSON では true か false）にしてください。',
    );
  const scheme: Scheme = { scale, notApplicable, itemGrade, groupGrade, council, targets, cost };
  checkCoherence(check, scheme, criteria);
  return scheme;
}

/** Checks what depends on more than one setting: bands against the scale, criteria against the gradings. */
function checkCoherence(check: PlanChecker, scheme: Scheme, criteria: readonly Criterion[]): void {
  if (criteria.length === 0 && scheme.itemGrade.kind === 'bands')
    check.error(
      '評価項目がないため、総合評価を点数から決められません。',
      { table: 'criteria' },
      '評価項目を 1 個以上書くか、総合評価を「直接入力」にしてください。',
    );
  if (criteria.length === 0 && scheme.groupGrade.kind === 'bands')
    check.error(
      '評価項目がないため、取組項目・テーマの総合評価を平均から決められません。',
      { table: 'scheme', field: 'groupGrade' },
      '評価項目を書くか、取組項目の評価を「審議会が入力」または「なし」にしてください。',
    );
  const { min } = scaleBounds(scheme.scale);
  const lowest = (basis: Basis) =>
    basis === 'average' ? min : scheme.notApplicable !== null && min >= 0 ? min : min * Math.max(criteria.length, 1);
  const gradings: [ItemGrading | GroupGrading, PlanTable, string][] = [
    [scheme.itemGrade, 'itemBands', '総合評価'],
    [scheme.groupGrade, 'groupBands', '取組項目・テーマの総合評価'],
  ];
  for (const [grading, table, what] of gradings)
    if (grading.kind === 'bands')
      checkBands(check, grading.bands, table, what, BASIS_WORDS[grading.basis], lowest(grading.basis));
  if (scheme.targets) checkBands(check, scheme.targets.bands, 'achievementBands', '達成度', '達成率', 0);
}

/**
 * Checks that bands neither overlap nor leave a gap: lower bounds fall from the best grade to the
 * worst (equal only after a gated band), and the worst covers the lowest possible value.
 */
function checkBands(
  check: PlanChecker,
  bands: readonly Band[],
  table: PlanTable,
  what: string,
  basis: string,
  lowest: number,
): void {
  bands.forEach((band, index) => {
    const at: PlanPlace = { table, index, field: 'min' };
    const previous = bands[index - 1];
    if (band.min === null && index < bands.length - 1)
      check.error(
        `${what}の基準: ${band.grade} の下限が空欄です。`,
        at,
        '空欄（それ以外すべて）にできるのは最も低い評価だけです。',
      );
    if (!previous || previous.min === null) return;
    const overlaps =
      band.min !== null && (band.min > previous.min || (band.min === previous.min && previous.gates.length === 0));
    if (overlaps)
      check.error(
        `${what}の基準: ${band.grade} の下限 ${band.min} が ${previous.grade} の下限 ${previous.min} ${band.min === previous.min ? 'と同じで' : 'より高く'}、範囲が重なっています。`,
        at,
        '上の評価ほど下限を高くしてください（同じ下限は、上の評価に条件があるときだけ使えます）。',
      );
  });
  const last = bands[bands.length - 1];
  if (!last) return;
  const at: PlanPlace = { table, index: bands.length - 1, field: 'min' };
  if (last.min !== null && last.min > lowest)
    check.error(
      `${what}の基準: 最も低い評価 ${last.grade} の下限 ${last.min} より低い${basis}（最低 ${lowest}）に評価がありません（すき間）。`,
      at,
      `最も低い評価の下限を ${lowest} 以下にするか、空欄（それ以外すべて）にしてください。`,
    );
  if (last.gates.length > 0)
    check.error(
      `${what}の基準: 最も低い評価 ${last.grade} に条件があります。条件を満たさないときの評価がありません（すき間）。`,
      { table, index: bands.length - 1, field: 'gates' },
      '最も低い評価の条件を消してください。',
    );
}

/** Finds a criterion's key by its key or its label. */
function criterionResolver(criteria: readonly Criterion[]): (name: string) => string | null {
  return (name) =>
    criteria.find((criterion) => criterion.key === name || criterion.label === name || criterion.short === name)?.key ??
    null;
}

function readScale(check: PlanChecker, value: unknown, table: PlanTable, what: string, at: PlanPlace): Scale {
  const fallback: Scale = { kind: 'numeric', min: 0, max: 3 };
  const source = record(check, value, what, at);
  if (!source) return fallback;
  if (source.kind === 'symbols' || (source.kind === undefined && source.symbols !== undefined)) {
    const symbols = readSymbols(check, source.symbols, table, what);
    if (symbols.length === 0)
      check.error(`${what}の記号が一つもありません。`, { table }, '記号と値を 1 行以上書いてください。');
    return { kind: 'symbols', symbols };
  }
  if (source.kind !== undefined && source.kind !== 'numeric') {
    check.error(`${what}の種類「${String(source.kind)}」が読み取れません。`, at, '「数値」か「記号」にしてください。');
    return fallback;
  }
  const min = number(
    check,
    source.min,
    `${what}の最小値`,
    { table: 'scheme', field: `${at.field}Min` },
    { integer: true },
  );
  const max = number(
    check,
    source.max,
    `${what}の最大値`,
    { table: 'scheme', field: `${at.field}Max` },
    { integer: true },
  );
  if (min === null || max === null) return fallback;
  if (min >= max || max - min > 100) {
    check.error(
      `${what}の最小値 ${min} と最大値 ${max} が正しくありません。`,
      { table: 'scheme', field: `${at.field}Max` },
      '最大値は最小値より大きく、差は 100 以内にしてください。',
    );
    // Reported; the rest of the plan is checked against a scale that can be enumerated.
    return fallback;
  }
  return { kind: 'numeric', min, max };
}

function readSymbols(check: PlanChecker, value: unknown, table: PlanTable, what: string): ScaleSymbol[] {
  const symbols = rows(check, value, `${what}の記号`, table, (row, at, index) => ({
    symbol: printedSymbol(text(check, row.symbol, `${what}の ${index + 1} 番目の記号`, at('symbol'))),
    value: number(check, row.value, `${what}の記号の値`, at('value'), { integer: true, min: -100, max: 100 }) ?? 0,
    meaning: optionalText(row.meaning),
  }));
  unique(
    check,
    symbols,
    (symbol) => symbolKey(symbol.symbol),
    `${what}の記号`,
    (_, index) => ({
      table,
      index,
      field: 'symbol',
    }),
  );
  return symbols;
}

function readNotApplicable(check: PlanChecker, value: unknown, scale: Scale): string | null {
  if (value === undefined) return DEFAULT_NOT_APPLICABLE;
  if (value === null || optionalText(value) === '') return null;
  const mark = optionalText(value);
  const at: PlanPlace = { table: 'scheme', field: 'notApplicable' };
  const clashes =
    scale.kind === 'symbols'
      ? scale.symbols.some((symbol) => symbolKey(symbol.symbol) === symbolKey(mark))
      : Number.isFinite(Number(symbolKey(mark)));
  if (clashes)
    check.error(
      `「該当なし」の記号「${mark}」が評価の尺度と同じです。`,
      at,
      '「-」のように、尺度にない記号にしてください。',
    );
  return symbolKey(mark) === '-' ? mark : printedSymbol(mark);
}

function readGrading(
  check: PlanChecker,
  value: unknown,
  table: PlanTable,
  what: string,
  resolve: (name: string) => string | null,
  group: boolean,
): GroupGrading {
  const at: PlanPlace = { table: 'scheme', field: table === 'itemBands' ? 'itemGrade' : 'groupGrade' };
  const fallback: GroupGrading = { kind: 'none' };
  const source = record(check, value, `${what}の決め方`, at);
  if (!source) return fallback;
  if (source.kind === 'none' && group) return { kind: 'none' };
  if (source.kind === 'entered') {
    const grades = list(check, source.grades, `${what}の評価`, { table }).map((grade, index) =>
      printedSymbol(text(check, grade, `${what}の ${index + 1} 番目の評価`, { table, index, field: 'grade' })),
    );
    if (grades.length === 0)
      check.error(`${what}の評価が一つもありません。`, { table }, '評価（Ａ、Ｂ …）を 1 行以上書いてください。');
    unique(check, grades, gradeCode, `${what}の評価`, (_, index) => ({ table, index, field: 'grade' }));
    return { kind: 'entered', grades };
  }
  if (source.kind !== 'bands') {
    check.error(
      `${what}の決め方「${String(source.kind ?? '')}」が読み取れません。`,
      at,
      group
        ? '「基準による」「審議会が入力」「なし」のどれかにしてください。'
        : '「基準による」か「直接入力」にしてください。',
    );
    return fallback;
  }
  const basis: Basis = source.basis === 'average' ? 'average' : 'total';
  if (source.basis !== undefined && source.basis !== 'average' && source.basis !== 'total')
    check.error(
      `${what}の基準の対象「${String(source.basis)}」が読み取れません。`,
      { ...at, field: `${at.field}Basis` },
      '「合計」か「平均」にしてください。',
    );
  const bands = readBands(check, source.bands, table, what, resolve);
  return { kind: 'bands', basis, bands };
}

function readBands(
  check: PlanChecker,
  value: unknown,
  table: PlanTable,
  what: string,
  resolve: ((name: string) => string | null) | null,
): Band[] {
  const bands = rows(check, value, `${what}の基準`, table, (row, at, index) => {
    const grade = printedSymbol(text(check, row.grade, `${what}の基準 ${index + 1} 行目の評価`, at('grade')));
    const min =
      row.min === undefined || row.min === null || optionalText(row.min) === ''
        ? null
        : number(check, row.min, `${what}の基準 ${grade} の下限`, at('min'), { places: 1 });
    const gates = rows(check, row.gates ?? [], `${what}の基準 ${grade} の条件`, table, (gate) => {
      const name = text(check, gate.criterion, `${what}の基準 ${grade} の条件の評価項目`, at('gates'));
      const key = resolve ? resolve(name) : null;
      if (name !== '' && key === null)
        check.error(
          `${what}の基準 ${grade} の条件の評価項目「${name}」が評価項目にありません。`,
          at('gates'),
          '評価項目の名称かキーで書いてください。',
        );
      const minimum = number(check, gate.min, `${what}の基準 ${grade} の条件の下限`, at('gates'), { places: 1 });
      return { criterion: key ?? '', min: minimum ?? 0 };
    });
    return { grade, min, gates };
  });
  if (bands.length === 0)
    check.error(`${what}の基準が一つもありません。`, { table }, '評価と下限を 1 行以上書いてください。');
  unique(
    check,
    bands,
    (band) => gradeCode(band.grade),
    `${what}の基準の評価`,
    (_, index) => ({ table, index, field: 'grade' }),
  );
  return bands;
}

function readTargets(check: PlanChecker, value: unknown): Scheme['targets'] {
  if (value === undefined || value === null) return null;
  const source = record(check, value, '目標・実績', { table: 'scheme', field: 'indicators' });
  if (!source) return null;
  const indicators = number(
    check,
    source.indicators,
    '目標・実績の指標の数',
    { table: 'scheme', field: 'indicators' },
    {
      integer: true,
      min: 0,
      max: MAX_INDICATORS,
    },
  );
  if (!indicators) return null;
  const bands = source.bands === undefined ? [] : readBands(check, source.bands, 'achievementBands', '達成度', null);
  return { indicators, bands };
}
