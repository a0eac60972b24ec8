/** A PaneHost whose actions the test controls (component tests need no Excel and no fake). */
import type { AggregateResult } from '../../src/actions/aggregate';
import type { PaneHost } from '../../src/host/PaneHost';
import { EXAMPLE_YEAR, builtInPlan } from '../../src/core/example';
import golden from '../golden/example-R3.summary.json';
import type { SummaryJson } from '../../src/core/summaryJson';

export function stubHost(overrides: Partial<PaneHost> = {}): PaneHost & { activated: [string, string][] } {
  const activated: [string, string][] = [];
  const plan = builtInPlan();
  return {
    activated,
    apiVersion: '1.17',
    supports: () => true,
    readInfo: async () => ({
      plan,
      year: EXAMPLE_YEAR,
      itemNos: plan.items.map((item) => item.no),
      notice: null,
      canUndo: false,
      planProblem: null,
    }),
    aggregate: async () => aggregateResult(),
    undoAggregate: async () => ({
      restoredSheets: ['1 ガバメントクラウドファンディングの実施'],
      rebuiltTabs: [],
      deletedTabs: ['総評'],
      keptTabs: [],
      missingItems: [],
      kind: 'aggregate',
    }),
    check: async () => ({ year: EXAMPLE_YEAR, sheetCount: 70, problems: [], errorCount: 0, warningCount: 0 }),
    autofill: async () => ({ filledSheets: [], problems: [] }),
    createTemplate: async () => [],
    createPlanForm: async () => ['記入方法', 'プラン定義'],
    activate: async (sheet, address) => void activated.push([sheet, address]),
    selectedSheet: async () => 'Sheet1',
    onChanged: async () => async () => undefined,
    takeWarnings: () => [],
    ...overrides,
  };
}

/** An aggregate result with the example's figures. */
export function aggregateResult(): AggregateResult {
  return {
    year: EXAMPLE_YEAR,
    summary: {} as AggregateResult['summary'], // the pane reads json, never summary
    json: golden as SummaryJson,
    problems: [
      {
        severity: 'error',
        code: 'score-out-of-range',
        sheet: '1 ガバメントクラウドファンディングの実施',
        cell: 'E28',
        message: '範囲外です。',
        fix: '0〜3 を入力してください。',
      },
      {
        severity: 'warning',
        code: 'item-sheet-missing',
        sheet: null,
        cell: null,
        message: 'シートがありません。',
        fix: '作り直してください。',
      },
    ],
    filledSheets: ['1 ガバメントクラウドファンディングの実施'],
    summarySheets: ['取組状況一覧【実践項目別】', '取組状況一覧【取組項目別】', 'テーマ別・評価集計', '総評'],
    pageSheets: ['取組項目別の評価'],
    createdSheets: ['総評'],
    replacedSheets: [],
  };
}
