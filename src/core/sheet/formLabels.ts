/**
 * The fixed words and markers of the 進捗状況シート, exactly as printed; the cell map places them.
 */

/** The layout version written in the marker cell; readers refuse other versions. */
export const LAYOUT_VERSION = 1;
/** Text of the marker cell that identifies a sheet as ours, whatever the sheet is named. */
export const LAYOUT_MARKER = `shinchoku:progress-sheet:v${LAYOUT_VERSION}`;
/**
 * Text of the marker on the form's last row (column Q): a row inserted or deleted anywhere above
 * it moves it, so the last block (特記事項) is vouched for too.
 */
export const LAYOUT_END_MARKER = 'shinchoku:progress-sheet:end';
/** The most 取組内容 rows a sheet has (①…⑮). */
export const ACTIVITY_ROWS = 15;
/** The 工程 status choices. */
export const SCHEDULE_STATUSES = ['工程どおり', '前倒し', '遅れ'] as const;
/** The built-in "not applicable" mark (a criterion, or with every criterion a year, not evaluated). */
export const NOT_EVALUATED = '-';

/** The form's labels, exactly as printed. */
export const LABELS = {
  titlePartOne: (planTitle: string) => `【${planTitle}進捗状況シート①】`,
  titlePartTwo: (planTitle: string) => `【${planTitle}進捗状況シート②】`,
  itemNo: '小№',
  checkPeriod: '確認時期',
  theme: 'テーマ',
  initiative: '取組項目',
  item: '実践項目',
  departments: '担当部署',
  schedule: '工程表\n（予定含）',
  activities: '取組内容',
  activityYear: '年度',
  activityPlan: '【取組予定・今後の取組予定】',
  activityResult: '【取組結果・評価につながる活動指標(効果)】',
  selfEvaluation: '取組に対する自己評価',
  reasons: '【評価の理由】',
  totalNote: (row: string, gradeComputed: boolean) =>
    gradeComputed ? `（${row}・総合評価は自動計算されます）` : `（${row}は自動計算されます）`,
  total: '合計',
  average: '平均',
  grade: '総合評価',
  endedLead: '取組終了の場合記入 →',
  endedYear: '年',
  endedMonth: '月取組終了',
  issues: '取組上の課題等',
  issueYear: '年度',
  issueProblem: '課題・問題点／今後の想定される課題等',
  issueSolution: '左記の解決方法',
  notes: '特記事項',
  notesHeading: '【上記のうち、特記すべき事項】',
  initiativeNo: '大№',
  targets: '目標・実績',
  indicator: '指標',
  unit: '単位',
  targetKind: '区分',
  target: '目標',
  actual: '実績',
  ratio: '達成率',
  achievement: '達成度',
  cost: '事業費',
  costUnit: '（千円）',
  budget: '予算',
  settlement: '決算',
} as const;

/** Number of data columns (B…P) shared by the blocks; column A holds the row labels. */
export const DATA_COLUMNS = 15;
/** Column of the markers (Q), outside the print area. */
export const MARKER_COLUMN = 2 + DATA_COLUMNS;
