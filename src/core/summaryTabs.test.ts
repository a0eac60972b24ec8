import { parseCell, parseRange } from './address';
import { builtInPlan } from './example';
import type { CellStyle, CellValue, SheetSpec } from './sheetSpec';
import {
  buildSummaryTabs,
  isLegalSheetName,
  SUMMARY_SHEET_NAMES,
  SUMMARY_TAB_ORDER,
  themeShortLabel,
} from './summaryTabs';
import { exampleSummary } from '../../test/golden/exampleEvaluations';

const plan = builtInPlan();
const [items, initiatives, themes, review] = buildSummaryTabs(exampleSummary(2021), plan);

function value(sheet: SheetSpec, address: string): CellValue {
  return sheet.cells.find((cell) => cell.address === address)?.value ?? null;
}

function row(sheet: SheetSpec, rowNumber: number, from: string, to: string): CellValue[] {
  const start = parseCell(`${from}${rowNumber}`).column;
  const end = parseCell(`${to}${rowNumber}`).column;
  const letters = (column: number) => String.fromCharCode(64 + column);
  return Array.from({ length: end - start + 1 }, (_, index) => value(sheet, `${letters(start + index)}${rowNumber}`));
}

/** The effective style of a cell: every format covering it, in order. */
function style(sheet: SheetSpec, address: string): CellStyle {
  const { row: r, column } = parseCell(address);
  return sheet.formats
    .filter((format) => {
      const range = parseRange(format.address);
      return r >= range.top && r <= range.bottom && column >= range.left && column <= range.right;
    })
    .reduce<CellStyle>((merged, format) => ({ ...merged, ...format.style }), {});
}

describe('summary tabs', () => {
  it('are four legal sheet names in workbook order', () => {
    expect([items, initiatives, themes, review].map((sheet) => sheet.name)).toEqual([...SUMMARY_TAB_ORDER]);
    expect(items.name).toBe('取組状況一覧【実践項目別】');
    for (const name of Object.values(SUMMARY_SHEET_NAMES)) expect(isLegalSheetName(name)).toBe(true);
    expect(isLegalSheetName('取組状況一覧[実践項目別]')).toBe(false);
    expect(isLegalSheetName('あ'.repeat(32))).toBe(false);
  });

  it('print on A4, one page wide, header rows repeated, 確認時期 and page numbers', () => {
    for (const sheet of [items, initiatives, themes, review]) {
      expect(sheet.page).toMatchObject({
        paperSize: 'A4',
        fitToWidth: 1,
        fitToHeight: sheet === themes ? 1 : 0,
        headerRight: '確認時期　令和３年度末',
        footerCenter: '&P / &N',
      });
      expect(value(sheet, 'A2')).toBe('確認時期　令和３年度末');
      expect(value(sheet, 'A1')).toContain(sheet.name);
    }
    expect([items.page?.printTitleRows, items.freeze]).toEqual(['3:4', { rows: 4, columns: 0 }]);
    expect([initiatives.page?.printTitleRows, themes.page?.printTitleRows, review.page?.printTitleRows]).toEqual([
      '3:4',
      '3:3',
      '4:5',
    ]);
    expect(items.page?.orientation).toBe('landscape');
    expect(review.page?.orientation).toBe('portrait');
  });
});

describe('取組状況一覧【実践項目別】', () => {
  it('has the spec’s headers, with 効率性 rather than 取組姿勢', () => {
    expect(row(items, 3, 'A', 'N')).toEqual([
      '小№',
      '大№',
      '取組項目',
      '実践項目',
      'Ｒ２年度',
      'Ｒ３年度',
      null,
      null,
      null,
      null,
      null,
      '取組終了',
      '前プラン\n継続',
      '担当部署',
    ]);
    expect(row(items, 4, 'E', 'K')).toEqual(['総合評価', '進捗度', '連携度', '効率性', '創造性', '合計', '総合評価']);
    expect(items.formats).toContainEqual(expect.objectContaining({ address: 'F3:K3', merge: true }));
  });
  it('lists every item with full-width grades, the carried scores and 取組終了', () => {
    expect(row(items, 5, 'A', 'N')).toEqual([
      1,
      1,
      '新たな財源確保に向けた取組',
      'ガバメントクラウドファンディングの実施',
      'Ｂ',
      2,
      2,
      3,
      2,
      9,
      'Ｂ',
      null,
      null,
      '（政）政策推進課、（財）財政課',
    ]);
    expect(row(items, 48, 'A', 'L')).toEqual([
      44,
      14,
      expect.any(String),
      expect.any(String),
      'Ｂ',
      2,
      2,
      2,
      2,
      8,
      'Ｂ',
      'Ｒ２',
    ]);
    expect(value(items, 'A74')).toBe(70);
    expect(value(items, 'A76')).toContain('４４・４５・６０・６３');
    expect(style(items, 'F5').numberFormat).toBe('0');
  });
  it('prints 前プラン継続 as ○', () => {
    const continued = plan.items.find((item) => item.continuedFromPreviousPlan)!;
    expect(value(items, `M${4 + Number(continued.no)}`)).toBe('○');
  });
});

describe('取組状況一覧【取組項目別】', () => {
  it('has theme short labels and the spec’s headers', () => {
    expect(row(initiatives, 3, 'A', 'Q')).toEqual([
      '№',
      '取組項目',
      'テーマ',
      null,
      null,
      null,
      null,
      null,
      null,
      '実践\n項目数',
      '自己評価の平均',
      null,
      null,
      null,
      null,
      '担当部署評価\n（総合評価）',
      '審議会\n評価平均',
    ]);
    expect(row(initiatives, 4, 'C', 'O')).toEqual([
      '財政',
      'サービス',
      '協働',
      '施設',
      '民活',
      'ＩＣＴ',
      '人材',
      null,
      '進捗度',
      '連携度',
      '効率性',
      '創造性',
      '合計',
    ]);
    expect(themeShortLabel('デジタル')).toBe('デジタル');
  });
  it('writes initiative 1 as published: ○ marks, 2.3/2.3/3.0/2.3 = 9.9 Ａ, council 4.3', () => {
    expect(row(initiatives, 5, 'A', 'Q')).toEqual([
      1,
      '新たな財源確保に向けた取組',
      '○',
      '○',
      '○',
      null,
      '○',
      null,
      null,
      3,
      2.3,
      2.3,
      3,
      2.3,
      9.9,
      'Ａ',
      4.3,
    ]);
    for (const address of ['K5', 'N5', 'O5', 'Q5']) expect(style(initiatives, address).numberFormat).toBe('0.0');
    expect(row(initiatives, 7, 'K', 'P')).toEqual([1, 3, 3, 3, 10, 'Ｂ']); // initiative 3
    expect(value(initiatives, 'A25')).toBe(21);
  });
});

describe('テーマ別・評価集計', () => {
  it('writes theme Ⅰ as published', () => {
    expect(row(themes, 3, 'A', 'K')).toEqual([
      '№',
      'テーマ名',
      '取組\n項目数',
      '実践\n項目数',
      '進捗度',
      '連携度',
      '効率性',
      '創造性',
      '合計',
      '総合評価',
      '審議会\n評価平均',
    ]);
    expect(row(themes, 4, 'A', 'K')).toEqual(['Ⅰ', '健全な財政運営', 10, 39, 2.1, 2.5, 2.4, 2.2, 9.2, 'Ｂ', 3.6]);
    expect(style(themes, 'I4').numberFormat).toBe('0.0');
    expect(value(themes, 'A10')).toBe('Ⅶ');
  });
  it('charts the averages (0–3), 合計 (0–12) and the council average (1–5) on charts of their own, by theme name', () => {
    const [averages, total, council] = themes.charts!;
    expect(themes.charts).toHaveLength(3);
    for (const chart of [averages, total, council]) {
      expect(chart.type).toBe('clusteredBar'); // names read across, one category a line
      expect(chart.categories).toBe('B4:B10'); // テーマ名, not Ⅰ–Ⅶ
    }
    expect(averages.series).toEqual([
      { name: '進捗度', values: 'E4:E10' },
      { name: '連携度', values: 'F4:F10' },
      { name: '効率性', values: 'G4:G10' },
      { name: '創造性', values: 'H4:H10' },
    ]);
    expect([averages.minimum, averages.maximum]).toEqual([0, 3]);
    expect(total.series).toEqual([{ name: '合計', values: 'I4:I10' }]);
    expect([total.minimum, total.maximum]).toEqual([0, 12]);
    expect(council.series).toEqual([{ name: '審議会評価平均', values: 'K4:K10' }]);
    expect([council.minimum, council.maximum]).toEqual([0, 5]);
    expect([averages.from, averages.to, total.from, total.to, council.from, council.to]).toEqual([
      'A12',
      'K31',
      'A33',
      'D46',
      'E33',
      'K46',
    ]);
    expect(themes.page?.printArea).toBe('A1:K46');
  });
  it('leaves the council chart out before the council has scored', () => {
    const summary = exampleSummary(2021);
    const before = buildSummaryTabs(
      { ...summary, themes: summary.themes.map((theme) => ({ ...theme, councilAverage: null })) },
      plan,
    )[2];
    expect(before.charts?.map((chart) => chart.name)).toEqual(['テーマ別評価の平均', 'テーマ別合計']);
  });
});

describe('総評', () => {
  it('counts and shares each 総合評価 of the 66 running items against last year', () => {
    expect(row(review, 4, 'A', 'F')).toEqual(['総合評価', 'Ｒ２年度', null, 'Ｒ３年度', null, '増減']);
    expect(row(review, 5, 'B', 'E')).toEqual(['件数', '割合', '件数', '割合']);
    expect(row(review, 6, 'A', 'B')).toEqual(['Ａ', 21]);
    expect(row(review, 8, 'A', 'F')).toEqual(['Ｃ', 7, 7 / 66, 3, 3 / 66, -4]);
    expect(row(review, 10, 'A', 'D')).toEqual(['計', 66, 1, 66]);
    const ab = row(review, 11, 'A', 'E');
    expect(ab.slice(0, 2)).toEqual(['うちＡ・Ｂ', 59]);
    expect(ab[3]).toBe(63);
    expect(ab[4] as number).toBeGreaterThan(0.95);
    expect(style(review, 'E11').numberFormat).toBe('0.0%');
  });
  it('lists the nine items ended by R3', () => {
    expect(row(review, 13, 'A', 'F')).toEqual(['実施中の実践項目（件）', null, null, null, null, 66]);
    expect(row(review, 14, 'A', 'F')).toEqual([
      '令和３年度末までに取組を終了した実践項目（件）',
      null,
      null,
      null,
      null,
      9,
    ]);
    expect(value(review, 'A19')).toBe('小№');
    expect(row(review, 20, 'A', 'F')[0]).toBe(12);
    expect(value(review, 'F20')).toBe('Ｒ３');
    expect(value(review, 'A28')).toBe(63);
    expect(review.page?.printArea).toBe('A1:F28');
  });
  it('compares this year with last on the same items, as the 実践項目別 tab marks them', () => {
    const counts = [15, 16, 17].map((at) => row(review, at, 'A', 'F'));
    expect(counts.map((entry) => entry[0])).toEqual([
      '前年度より総合評価が上がった実践項目（件）',
      '前年度と総合評価が同じ実践項目（件）',
      '前年度より総合評価が下がった実践項目（件）',
    ]);
    const grades = Array.from({ length: 70 }, (_, index) => String(value(items, `K${5 + index}`) ?? ''));
    const previous = Array.from({ length: 70 }, (_, index) => value(items, `E${5 + index}`));
    const marked = (mark: string) => grades.filter((grade) => grade.endsWith(mark)).length;
    expect(counts[0][5]).toBe(marked('↑'));
    expect(counts[2][5]).toBe(marked('↓'));
    expect(marked('↑') + marked('↓')).toBeGreaterThan(0);
    // Marked only where the grade differs from the previous year's column.
    grades.forEach((grade, index) => {
      if (/[↑↓]$/.test(grade)) expect(grade.slice(0, 1)).not.toBe(previous[index]);
    });
  });
  it('leaves last year blank in the first year of the plan', () => {
    const first = buildSummaryTabs(exampleSummary(2020), plan);
    expect(value(first[0], 'E3')).toBe('前年度');
    expect(value(first[0], 'E5')).toBeNull();
    expect(row(first[3], 6, 'A', 'F')).toEqual(['Ａ', null, null, 22, 22 / 70, null]);
  });
});
