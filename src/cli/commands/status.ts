/**
 * `shinchoku status FILE|DIR …`: the status board while departments fill their books — per
 * department 未提出・入力中・完了, and per item the fields of the year still blank. Reads only.
 */
import { readWorkbook, type WorkbookReading } from '../../actions/readWorkbook';
import { statusBoard, type DepartmentState } from '../../actions/status';
import { isUserError } from '../../core/errors';
import { yearCode } from '../../core/fiscalYear';
import { defineCommand } from '../command';
import { fileLabel, openWorkbookFile, workbookFiles } from '../files/inputs';
import { OPTIONS, yearValue } from '../options';

const STATES: readonly DepartmentState[] = ['完了', '入力中', '未提出'];

export const statusCommand = defineCommand({
  name: 'status',
  summary: '提出状況: 部署ごとの 未提出・入力中・完了 と、未入力の欄',
  description: `年度のブックや部署から戻ったブック（フォルダーを指定するとその中のすべて）を読み、担当部署ごとに
未提出（どのブックにもシートがない）・入力中（今年度の自己評価・評価の理由・工程の進捗状況に空欄がある）・完了を表示し、
入力中の実践項目は空欄の欄を表示します。前の年度までに取組終了した実践項目は数えません。ファイルは変更しません。`,
  positionals: {
    usage: 'FILE または DIR ...',
    min: 1,
    max: Infinity,
    missing: '読むブック（.xlsx）かフォルダーを指定してください。',
  },
  options: { year: OPTIONS.year('状況を見る年度', '最初のブックの確認時期') },
  exitCodes: '終了コード: 0 すべての部署が完了、1 未提出・入力中の部署あり、2 使い方・ファイルの誤り',
  async run({ values, positionals, io }) {
    const year = yearValue(values.year);
    const books: { label: string; reading: WorkbookReading }[] = [];
    for (const file of await workbookFiles(positionals)) {
      io.progress(`ブックを読み込み中 ${books.length + 1}`);
      try {
        const reading = await readWorkbook(await openWorkbookFile(file), { year, purpose: 'full' });
        if (books.length > 0 && reading.planFingerprint !== books[0].reading.planFingerprint)
          io.out(`「${fileLabel(file)}」は別のプランのブックのため、数えません。`);
        else books.push({ label: fileLabel(file), reading });
      } catch (error) {
        if (!isUserError(error)) throw error;
        io.out(`「${fileLabel(file)}」を読み取れないため、数えません: ${error.message}`);
      }
    }
    if (books.length === 0) {
      io.out('読み取れるブックがありません。');
      return 2;
    }
    const board = statusBoard(books, year);
    for (const department of board.departments) {
      const where = [...new Set(department.items.flatMap((item) => item.book ?? []))].join('・');
      io.out(`  ${department.state}  ${department.department}${where ? `（${where}）` : ''}`);
      for (const item of department.items)
        if (item.book === null || item.blank.length > 0)
          io.out(
            `      小№ ${item.itemNo}「${item.name}」: ${item.book === null ? 'シートがありません' : `未入力 ${item.blank.join('、')}`}`,
          );
    }
    const count = (state: DepartmentState) => board.departments.filter((entry) => entry.state === state).length;
    io.out(
      `提出状況: ${yearCode(board.year)}、${board.departments.length} 部署（${STATES.map((state) => `${state} ${count(state)}`).join('、')}）`,
    );
    return count('完了') === board.departments.length ? 0 : 1;
  },
});
