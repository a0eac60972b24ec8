/**
 * The プラン定義 workbook a secretariat fills: a 記入方法 sheet in Japanese and a visible プラン定義
 * sheet with the same tables as the hidden tab of every workbook (so `readPlanSheet` reads both),
 * every table present even when empty, drop-down lists on the scheme's settings, and a plan's rows
 * as the example to overwrite. `shinchoku template --plan-form` writes it; `--plan` reads it back.
 */
import { cellAddress, columnLetters } from './address';
import { fiscalYearName } from './fiscalYear';
import type { Plan } from './plan';
import { PLAN_SHEET_HEADER_ROWS, PLAN_SHEET_MARKER, PLAN_SHEET_NAME, PLAN_TABLE_ORDER } from './planSheet';
import { planTableRows, SCHEME_SETTINGS, SETTING_WORDS } from './planTables';
import type { CellValue, CellWrite, ListValidation, RangeFormat, SheetSpec } from './sheetSpec';
import { BASE, INPUT_TEXT, LABEL, TITLE } from './styles';

/** The sheet of instructions. */
export const PLAN_FORM_GUIDE_NAME = '記入方法';

/** The drop-down of each setting of the [評価方式] table. */
const SETTING_LISTS: Partial<Record<keyof typeof SCHEME_SETTINGS, readonly string[]>> = {
  scale: Object.values(SETTING_WORDS.scale),
  itemGrade: Object.values(SETTING_WORDS.itemGrade),
  itemGradeBasis: Object.values(SETTING_WORDS.basis),
  groupGrade: Object.values(SETTING_WORDS.groupGrade),
  groupGradeBasis: Object.values(SETTING_WORDS.basis),
  council: Object.values(SETTING_WORDS.scale),
  cost: Object.values(SETTING_WORDS.cost),
};

/** The instructions, one paragraph a row. */
const GUIDE: readonly string[] = [
  '【プラン定義の記入方法】',
  'このブックの「プラン定義」シートに、行政改革プランの構成と評価方式を書きます。書かれている内容は記入例です。書き換えてください。',
  'できたら、作業ウィンドウでは「再読み込み」のあと「シート作成」で、コマンドラインでは shinchoku template --plan このブック.xlsx --year R5 --out 出力.xlsx で、進捗状況シートを作ります。誤りがあれば、シート名とセルを示してお知らせします。',
  '',
  '■ 共通のきまり',
  '・各表は、A 列の見出し（[テーマ] など）、項目名の行、1 行に 1 件の順です。空の行で表が終わります。',
  '・項目名の行はそのままにしてください（列の順番は入れ替えてもかまいません）。2 行目の記号（shinchoku:plan:v1）は消さないでください。',
  '・年度は R5、令和5年度、H29、2023 のどれでも書けます。令和元年度は R1 または 令和元年度 と書きます。',
  '',
  '■ 構成',
  '・[テーマ]: 番号（Ⅰ、Ⅱ …）、名称、略称。どの取組項目にも使われないテーマは警告になります。',
  '・[取組項目]: 大№、名称、テーマ（番号をカンマで区切って複数可）。',
  '・[実践項目]: 小№（数字のほか 1-①-1 のような文字も可）、属する取組項目の大№、名称、担当部署（複数はセル内で改行）、前プラン継続（○）、取組終了年度。',
  '',
  '■ 評価方式',
  '・[評価項目]: 自己評価の項目（1〜10 個）。名称は様式に、略称は狭い見出しに印刷します。総合評価を直接入力する方式では空でもかまいません。',
  '・[評価方式]: 値の列はドロップダウンから選びます。評価の尺度が「数値」なら最小値・最大値を、「記号」なら [評価の記号] の表を書きます。',
  '・該当なしの記号（例: －）を付けた評価項目は、その項目だけ平均から除きます（実践項目は除きません）。',
  '・[総合評価の基準]: 「基準による」とき、上の評価から順に、下限（合計または平均）と条件（例: 進捗度 2 以上）を書きます。最も低い評価の下限は空欄（それ以外すべて）にできます。「直接入力」のときは評価の記号だけを書きます。',
  '・[取組項目の評価の基準]: 取組項目とテーマの評価です。「審議会が入力」のときは評価の記号だけ、「なし」のときは空にします。',
  '・[審議会評価の記号]: 審議会評価の尺度が「記号」のときに書きます。',
  '・目標・実績の指標数を 1 以上にすると、様式に目標・実績・達成率の欄ができます。[達成度の基準] に達成率（%）の下限を書くと達成度も付きます。事業費「あり」で予算・決算の欄ができます。',
];

/**
 * The sheets of a プラン定義 workbook for a plan (its rows as the example).
 * @param plan - the plan written as the example
 * @returns the 記入方法 sheet and the プラン定義 sheet
 */
export function planFormSheets(plan: Plan): SheetSpec[] {
  return [guideSheet(), formSheet(plan)];
}

function guideSheet(): SheetSpec {
  return {
    name: PLAN_FORM_GUIDE_NAME,
    columnWidths: [110],
    cells: GUIDE.flatMap((text, index) => (text === '' ? [] : [{ address: `A${index + 1}`, value: text }])),
    formats: [
      { address: `A1:A${GUIDE.length}`, style: { ...BASE, wrap: true } },
      { address: 'A1', style: TITLE },
    ],
  };
}

function formSheet(plan: Plan): SheetSpec {
  const tables = planTableRows(plan);
  const header: CellValue[][] = [
    ['【プラン定義】プランの構成と評価方式です。「記入方法」シートを読んで、記入例を書き換えてください。'],
    [PLAN_SHEET_MARKER],
    [],
    ['プラン名', plan.title],
    ['計画期間', ...plan.period.map(fiscalYearName)],
  ];
  while (header.length < PLAN_SHEET_HEADER_ROWS) header.push([]);
  const rows = [...header, ...PLAN_TABLE_ORDER.flatMap((key) => [...tables[key], []])];
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [{ address: `A1:L${rows.length + 200}`, style: { ...INPUT_TEXT, wrap: false } }];
  const validations: ListValidation[] = [];
  const settings = new Map(Object.entries(SCHEME_SETTINGS).map(([key, label]) => [label as string, key]));
  rows.forEach((row, index) => {
    row.forEach((value, column) => {
      if (value !== null && value !== '') cells.push({ address: cellAddress(index + 1, column + 1), value });
    });
    const first = typeof row[0] === 'string' ? row[0] : '';
    if (first.startsWith('[')) formats.push({ address: `A${index + 1}`, style: { ...BASE, bold: true } });
    else if (index >= PLAN_SHEET_HEADER_ROWS && rows[index - 1]?.[0]?.toString().startsWith('['))
      formats.push({ address: `A${index + 1}:${columnLetters(row.length)}${index + 1}`, style: LABEL });
    const list = SETTING_LISTS[settings.get(first) as keyof typeof SCHEME_SETTINGS];
    if (list)
      validations.push({
        address: `B${index + 1}`,
        list: [...list],
        errorMessage: `「${first}」は ${list.join('・')} から選んでください。`,
      });
  });
  formats.push(
    { address: 'A1', style: TITLE },
    { address: 'A2', style: { ...BASE, fontSize: 8, fontColor: '#808080' } },
  );
  return {
    name: PLAN_SHEET_NAME,
    tabColor: '#4472C4',
    columnWidths: [24, 40, 30, 36, 14, 14, 14],
    cells,
    formats,
    validations,
  };
}
