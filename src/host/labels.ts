/**
 * Every word the pane, the ribbon and the demo show, in one place (the secretariat's terms:
 * 実践項目, 取組項目, 総合評価). Components hold no Japanese text of their own: a test
 * (test/taskpane/strings.test.ts) fails on any written elsewhere in those folders. Texts with
 * figures in them are functions.
 */
import type { Grade } from '../core/rules';

/** The pane's, the ribbon's and the demo's words. */
export const LABELS = {
  appTitle: '進捗集計',
  sections: {
    info: 'ブックの情報',
    aggregate: '集計',
    check: '入力チェック',
    autofill: '自動計算',
    template: 'シート作成',
    print: '印刷設定',
    status: '提出状況',
    split: '配布',
    collect: '回収',
    rollover: '年度更新',
  },
  /** Names of the quieter actions (shown while they run). */
  actions: {
    readInfo: 'ブックの読み込み',
    showSheet: 'シートの表示',
    selectCell: 'セルへの移動',
    liveAutofill: '自動計算（ライブ）',
  },
  close: '閉じる',
  none: '—',
  unknown: '不明',
  aggregateButton: '集計',
  aggregateHint:
    '合計・総合評価を計算し、集計表（実践項目別・取組項目別・テーマ別・総評）と取組項目別の評価を作ります。',
  aggregated: (sheets: number) => `集計しました。${sheets} 枚のシートに合計・総合評価を書き込み、集計表を作りました。`,
  cancel: 'キャンセル',
  undo: '元に戻す',
  undoHint:
    '前回の「集計」の前の状態に戻します（合計・総合評価と集計表）。記録はブックの中にあるので、ブックを閉じて開き直しても使えます。',
  undone: (restored: number, rebuilt: number, deleted: number) =>
    [
      `集計を元に戻しました。${restored} 枚のシートの合計・総合評価を集計前の内容に戻しました。`,
      rebuilt > 0 ? `集計表 ${rebuilt} 枚を前回の集計の内容に戻しました。` : '',
      deleted > 0 ? `この集計で作ったシート ${deleted} 枚を削除しました。` : '',
    ].join(''),
  undoKept: (sheets: readonly string[]) =>
    `次のシートはそのまま残しました: ${sheets.join('、')}（前の内容が記録されていないか、集計の後に入力があったため）。`,
  resultTitle: (year: string) => `集計結果（${year}）`,
  resultItems: (items: number, active: number) => `実践項目 ${items} 件（今年度の評価 ${active} 件）`,
  resultGroups: (initiatives: number, themes: number) => `取組項目 ${initiatives} 件・テーマ ${themes} 件`,
  resultGrades: '総合評価の件数',
  resultPrevious: (grade: string, previous: number) => `${grade}（前年 ${previous}）`,
  resultClean: '問題はありませんでした。',
  resultProblems: (total: number, errors: number, warnings: number) =>
    `問題 ${total} 件（エラー ${errors}・注意 ${warnings}）`,
  resultSheets: '作成したシート',
  openTab: 'シートを開く',
  statusButton: '提出状況を表示',
  statusHint:
    'このブックの進捗状況シートを読み、担当部署ごとに 未提出・入力中・完了 と、今年度の未入力の欄を表示します。ブックは変更しません。',
  statusCounts: (year: string, done: number, filling: number, missing: number) =>
    `${year}: 完了 ${done}・入力中 ${filling}・未提出 ${missing}`,
  statusAllDone: 'すべての部署が入力を終えています。',
  statusNoSheet: 'シートがありません',
  statusBlank: (fields: readonly string[]) => `未入力: ${fields.join('、')}`,
  statusItem: (itemNo: string, name: string) => `小№ ${itemNo} ${name}`,
  thisWorkbook: 'このブック',
  /** A file made by 配布 or 年度更新: open it in Excel, or save it as a file. */
  fileOpen: 'Excel で開く',
  fileSave: 'ファイルに保存',
  fileOpened: (name: string) =>
    `新しいブックを開きました。Excel の「ファイル」→「名前を付けて保存」で「${name}」として保存してください。`,
  fileTooLarge: (name: string) => `「${name}」は大きいため、Excel on the web では「Excel で開く」で開けませんでした。`,
  fileTooLargeFix: '「ファイルに保存」で保存してから、そのファイルを開いてください。',
  fileSaveHint:
    '「Excel で開く」は新しいブックとして開きます（表示されたファイル名で保存してください）。「ファイルに保存」は Excel on the web と Windows の Excel で使えます（Mac の Excel では「Excel で開く」を使ってください）。',
  splitButton: '部署ごとのブックを作成',
  splitHint:
    '担当部署（実践項目の最初の担当部署）ごとに、その部署の進捗状況シートだけのブックを作ります（プラン定義・審議会評価・配布記録入り。取組終了の実践項目は配りません）。このブックは変更しません。',
  splitDone: (departments: number, sheets: number, ended: number) =>
    `${departments} 部署のブックを作成しました（進捗状況シート ${sheets} 枚${ended > 0 ? `。取組終了の ${ended} 枚は配布しません` : ''}）。このブックは変更していません。`,
  splitFile: (department: string, itemNos: readonly string[]) => `${department}（小№ ${itemNos.join('・')}）`,
  splitNext:
    '各ブックを表示されたファイル名で保存して担当部署に送り、入力してもらってください。戻ってきたら「回収」で取り込みます。',
  collectPick: '部署から戻ったブックを選ぶ（.xlsx、複数可）',
  collectHint:
    '部署から戻ったブックを選ぶと、部署が変更した入力欄だけをこのブックに反映します。取り込んだ内容は「取込履歴」シートに記録されます。「元に戻す」で回収の前に戻せます（ブックを閉じて開き直しても使えます）。',
  collectDone: (files: number, changed: number, unchanged: number) =>
    `${files} ファイルを回収しました。${changed} 枚のシートに反映しました（変更なし ${unchanged} 枚）。変更したセルは「取込履歴」シートに記録しました。`,
  collectConflicts: (count: number) => `競合 ${count} 件（どちらも取り込んでいません）`,
  collectRefused: (count: number) => `取り込まなかったファイル ${count} 件`,
  collectOther: (count: number) => `ほかに確かめること ${count} 件`,
  collectNext:
    '次に「入力チェック」で確かめてから「集計」を実行してください。競合は「取込履歴」シートで両方の内容を見比べ、正しい方を部署に確かめてから、そのブックだけを回収し直してください。',
  collectUndoHint: '前回の「回収」の前の状態に戻します（反映した入力欄・合計・総合評価、取込履歴、追加したシート）。',
  collectUndone: (sheets: number) =>
    `回収を元に戻しました。${sheets} 枚のシートを回収の前の内容に戻し、取込履歴も回収の前に戻しました。`,
  rolloverYear: '新しい年度',
  rolloverButton: '次の年度のブックを作成',
  rolloverHint:
    'このブックから次の年度のブックを新しく作ります（これまでの工程・取組内容・自己評価は残り、新しい年度に入力する欄だけ空になります）。このブックは変更せず、今年度の記録（評価の理由・審議会評価を含む）として残ります。',
  rolloverNoYear: 'プランの計画期間に、この後の年度がありません。',
  rolloverDone: (from: string, to: string, sheets: number, ended: number) =>
    `${from} → ${to} のブックを作成しました（進捗状況シート ${sheets} 枚${ended > 0 ? `、うち取組終了 ${ended} 枚` : ''}）。このブックは変更していません。`,
  rolloverNext:
    '新しいブックを表示されたファイル名で保存し、次の年度はそのブックで作業してください（「配布」から始めます）。このブックは今年度の記録として、そのまま保存しておいてください。',
  checkButton: '入力チェック',
  checkHint: 'ブックを書き換えずに、入力の誤りや漏れを一覧にします。項目をクリックすると、そのセルに移動します。',
  checkCounts: (errors: number, warnings: number) => `エラー ${errors} 件・注意 ${warnings} 件`,
  noProblems: '問題は見つかりませんでした。',
  problemsList: '問題の一覧',
  problemWhere: (sheet: string, cell: string) => `${sheet}\u3000${cell}`,
  problemGoTo: 'クリックするとこのセルに移動します',
  problemsMore: (count: number) => `ほか ${count} 件`,
  error: 'エラー',
  warning: '注意',
  workbookWide: 'ブック全体',
  autofillButton: '自動計算',
  autofillHint: '合計・総合評価の欄だけを書き込みます。他のセルは変更しません。',
  autofillScope: '自動計算の対象',
  autofillActive: '表示中のシート',
  autofillAll: 'すべての進捗状況シート',
  autofillNothing: '表示中のシートは進捗状況シートではないため、何も書き込みませんでした。',
  autofilled: (sheets: number) => `${sheets} 枚のシートの合計・総合評価を書き込みました。`,
  liveToggle: '入力に合わせて自動計算（ライブ）',
  liveHint: '自己評価の点数を入力して確定（Enter）すると、少し待ってから合計・総合評価を更新します。',
  liveFailed: (reason: string) => `ライブ自動計算を開始できませんでした。${reason}`,
  templateButton: 'シート作成',
  templateHint:
    'プランから進捗状況シートを作ります。既にある実践項目のシートは作らず、部署の入力を守るため上書きしません。',
  templateItem: '実践項目',
  templateSearch: '番号または名前で探す',
  templateAllMissing: (count: number) => `まだシートのない実践項目をすべて作成（${count} 件）`,
  templateYear: '確認時期（年度）',
  templateBuiltInPlan: 'このブックにはプラン定義がないため、組み込みのプラン（行政創革プラン）を使います。',
  templateNothing: '作成するシートはありませんでした。',
  templateCreated: (names: readonly string[]) =>
    `${names.length} 枚のシートを作成しました（${names.slice(0, 3).join('、')}${names.length > 3 ? ' ほか' : ''}）。`,
  templatePlanProblem: 'プラン定義に誤りがあるため、シートを作成できません。直してから「再読み込み」を押してください。',
  newPlanButton: '新しいプラン',
  newPlanHint:
    '新しいプランを始めるときに使います。このブックに「記入方法」と「プラン定義」のシートを作ります（記入例は組み込みのプラン）。',
  newPlanCreated: (names: readonly string[]) => `シート${names.map((name) => `「${name}」`).join('')}を作成しました。`,
  newPlanNext:
    '次に「記入方法」シートを読んで「プラン定義」シートの記入例を自分のプランに書き換え、「再読み込み」を押してから、上の「シート作成」で進捗状況シートを作ってください。誤りがあれば、シートとセルを示してお知らせします。',
  printButton: '印刷設定',
  printHint: '進捗状況シートを A4 縦 2 ページに、集計表を A4 に印刷できるよう設定します。',
  printed: (sheets: number, tabs: number) => `進捗状況シート ${sheets} 枚と集計表など ${tabs} 枚に印刷設定をしました。`,
  reload: '再読み込み',
  plan: 'プラン',
  year: '集計する年度',
  sheets: '進捗状況シート',
  sheetCount: (count: number) => `${count} 枚`,
  apiLevel: 'Excel の API',
  apiVersion: (version: string) => `ExcelApi ${version}`,
  featureUnavailable: (feature: string, version: string) =>
    `${feature}は、この Excel では使えません（ExcelApi ${version} 以上が必要です）。`,
  tooOld: (version: string) =>
    `この Excel は古いため、進捗集計は使えません（ExcelApi ${version} 以上が必要です）。Microsoft 365 または Office 2021 以降の Excel でお使いください。`,
  features: { printSetup: '印刷設定', liveAutofill: '入力に合わせた自動計算（ライブ）' },
  progressStarting: (action: string) => `${action}を開始しています…`,
  progressRunning: (action: string) => `${action}を実行中`,
  progressStep: (phase: string, done: number, total: number) => `${phase}（${done} / ${total}）`,
  demoHost: 'デモ',
  brokenTitle: '画面の表示で問題が発生しました',
  brokenLog: '進捗集計: 画面の表示に失敗しました',
  brokenRetry: '画面を再表示',
  cancelled: 'キャンセルしました。途中まで書き込んだ内容は残っています。',
  unexpected: (detail: string) => `予期しないエラーが発生しました。もう一度お試しください（${detail}）。`,
  noOffice:
    'office.js を読み込めませんでした。ネットワークで appsforoffice.microsoft.com に接続できるか確認してください。',
  notExcel: '進捗集計は Excel のアドインです。Excel で開いてください。',
  /** The ribbon's 「集計」 (a function command: it speaks only through a dialog or the console). */
  ribbon: {
    failed: (message: string) => `集計できませんでした。\n${message}`,
    log: '進捗集計:',
    /** When the book is too large for the ribbon's time limit (nothing was written). */
    handOff:
      'シートが多く、リボンの「集計」では Excel の時間制限（5 分）内に終わらないため、ブックを変更せずに中止しました。ホーム タブの「進捗集計」で作業ウィンドウを開き、「集計」を実行してください（進み具合が表示され、時間の制限はありません）。',
  },
  demo: {
    banner: 'デモ（Excel なし・組み込みの例）',
    intro:
      'Excel の代わりにブラウザー内の模擬ブック（苫小牧市 行政創革プラン 70 実践項目、令和３年度末）で作業ウィンドウを試せます。変更はこのページの中だけです。',
    download: 'ブックをダウンロード',
    saving: '作成中…',
    downloadFailed: (message: string) => `ダウンロードできませんでした: ${message}`,
    pane: '作業ウィンドウ（進捗集計）',
    loading: '組み込みの例のブックを作成中…',
    noSheets: 'シートがありません。',
    sheetsView: 'ブックのシート',
    tabs: 'シート見出し',
    input: '選択したセルに入力して Enter',
    inputLabel: 'セルへの入力',
    /** The file the download offers (made safe for every OS by the download). */
    fileName: '進捗集計デモ.xlsx',
  },
} as const;

/** Grades as the form prints them (full-width). */
export const GRADE_LABELS: Record<Grade, string> = { A: 'Ａ', B: 'Ｂ', C: 'Ｃ', D: 'Ｄ' };
