/**
 * Sheet specs shared by the xlsx tests: a form like the 進捗状況シート (every SheetSpec field) and a
 * summary with a chart.
 */

import type { SheetSpec } from '../../src/workbook/port';

const BASE = { fontName: 'ＭＳ Ｐゴシック', fontSize: 10, vertical: 'middle' } as const;

/** A form sheet using every field of SheetSpec except charts. */
export function formSheet(name = 'No.1'): SheetSpec {
  return {
    name,
    tabColor: '#4472C4',
    columnWidths: [6, 18, 10, 10, 10],
    rowHeights: { 1: 24, 4: 40 },
    cells: [
      { address: 'A1', value: '【行政創革プラン進捗状況シート①】' },
      { address: 'A3', value: '進捗度' },
      { address: 'B3', value: 3 },
      { address: 'A4', value: '合計' },
      { address: 'B4', formula: 'SUM(B3:B3)', value: 3 },
      { address: 'C3', value: '工程どおり' },
      { address: 'D3', value: '=そのまま' },
      { address: 'E3', value: '0.50' },
      { address: 'A6', value: '取組内容' },
      { address: 'B6', value: '(新)説明会を開催した。\n参加者 120 名' },
    ],
    formats: [
      { address: 'A1:E1', merge: true, style: { ...BASE, fontSize: 14, bold: true, horizontal: 'left' } },
      { address: 'A3:E4', style: { ...BASE, border: 'thin', outline: 'medium' } },
      { address: 'B3', style: { fill: '#FFF9DB', horizontal: 'center', locked: false } },
      { address: 'B4', style: { fill: '#E2EFDA', bold: true, fontColor: '#C00000', numberFormat: '0.0' } },
      { address: 'B6:E7', merge: true, style: { ...BASE, wrap: true, vertical: 'top', border: 'hair' } },
      { address: 'A6', style: { shrinkToFit: true } },
    ],
    validations: [
      {
        address: 'C3:C4',
        list: ['工程どおり', '前倒し', '遅れ'],
        errorMessage: 'リストから選んでください。',
        prompt: '進捗を選択',
      },
    ],
    page: {
      paperSize: 'A4',
      orientation: 'portrait',
      // A scale, not fit-to-page: Excel and LibreOffice ignore manual breaks when fitting to pages.
      scale: 90,
      printArea: 'A1:E7',
      printTitleRows: '1:1',
      rowBreaks: [4],
      margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
      headerCenter: '&A',
      headerRight: '令和３年度末',
      footerCenter: '&P / &N',
    },
    freeze: { rows: 2, columns: 1 },
    protect: true,
    showGridLines: false,
  };
}

/** A summary sheet with a column chart and a bar chart. */
export function chartSheet(name = '集計'): SheetSpec {
  const themes = ['財政運営', '市民サービス', '協働', '施設'];
  return {
    name,
    columnWidths: [14, 10, 10],
    cells: [
      { address: 'A1', value: 'テーマ' },
      { address: 'B1', value: 'Ｒ２' },
      { address: 'C1', value: 'Ｒ３' },
      ...themes.flatMap((theme, index) => [
        { address: `A${index + 2}`, value: theme },
        { address: `B${index + 2}`, value: 2 + index * 0.5 },
        { address: `C${index + 2}`, formula: `B${index + 2}+0.5`, value: 2.5 + index * 0.5 },
      ]),
    ],
    formats: [{ address: 'A1:C5', style: { border: 'thin' } }],
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 1,
      headerCenter: '集計',
      rowBreaks: [20],
    },
    charts: [
      {
        name: 'テーマ別平均',
        type: 'clusteredColumn',
        title: 'テーマ別の平均点',
        categories: 'A2:A5',
        series: [
          { name: 'Ｒ２', values: 'B2:B5' },
          { name: 'Ｒ３', values: 'C2:C5' },
        ],
        from: 'E1',
        to: 'L15',
        minimum: 0,
        maximum: 5,
      },
      {
        name: '横棒',
        type: 'clusteredBar',
        title: '横棒グラフ',
        categories: 'A2:A5',
        series: [{ name: 'Ｒ３', values: 'C2:C5' }],
        from: 'E17',
        to: 'L30',
      },
    ],
  };
}

/** The fields of a sheet snapshot that two writers of the same spec must agree on. */
export const SNAPSHOT_FIELDS = [
  'cells',
  'validations',
  'page',
  'freeze',
  'protect',
  'showGridLines',
  'tabColor',
  'columnWidths',
  'hiddenColumns',
  'rowHeights',
] as const;
