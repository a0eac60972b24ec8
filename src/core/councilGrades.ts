/**
 * The council's entered group grades on the 審議会評価 tab (plans whose 取組項目 and テーマ grades
 * are judged by the council): a grade column before the members' columns and a テーマ table below
 * the 取組項目, with drop-downs of the plan's grades.
 */
import { cellAddress } from './address';
import type { CouncilSheetData } from './councilSheet';
import type { Plan } from './plan';
import type { Grade } from './rules';
import { gradeCode, gradesOf } from './scheme';
import type { CellWrite, ListValidation, RangeFormat } from './sheetSpec';
import { FIXED_TEXT, INPUT_CENTER, LABEL } from './styles';

/** The grade column (E) when the council enters the groups' grades. */
export const GRADE_COLUMN = 5;
/** The grade column's heading. */
export const GRADE_LABEL = '総合評価（審議会）';
const THEME_LABEL = 'テーマ';

/**
 * Whether the council enters the groups' grades (a column before the members, a テーマ table below).
 * @param plan - the plan
 * @returns true when the group grade is entered
 */
export function entersGrades(plan: Plan): boolean {
  return plan.scheme.groupGrade.kind === 'entered';
}

/**
 * A group grade's code as the plan prints it (B → Ｂ).
 * @param plan - the plan
 * @param code - the code, or nothing
 * @returns the printed grade, or null
 */
export function printedGroupGrade(plan: Plan, code: Grade | null | undefined): string | null {
  return code ? (gradesOf(plan.scheme.groupGrade).find((grade) => gradeCode(grade) === code) ?? code) : null;
}

/**
 * The cells, formats and drop-downs of the entered grades.
 * @param plan - the plan
 * @param data - the tab's content (grades already entered)
 * @param firstRow - the first 取組項目 row
 * @param lastRow - the last 取組項目 row
 * @param themeRow - the テーマ table's heading row
 * @returns what to add to the tab
 */
export function enteredGradeParts(
  plan: Plan,
  data: CouncilSheetData,
  firstRow: number,
  lastRow: number,
  themeRow: number,
): { cells: CellWrite[]; formats: RangeFormat[]; validations: ListValidation[] } {
  const cells: CellWrite[] = [];
  const formats: RangeFormat[] = [];
  const validations: ListValidation[] = [];
  const grades = gradesOf(plan.scheme.groupGrade);
  const lastThemeRow = themeRow + plan.themes.length;
  formats.push({ address: `E${firstRow}:E${lastRow}`, style: INPUT_CENTER });
  cells.push(
    { address: cellAddress(themeRow, 1), value: '番号' },
    { address: cellAddress(themeRow, 2), value: THEME_LABEL },
    { address: cellAddress(themeRow, GRADE_COLUMN), value: GRADE_LABEL },
  );
  formats.push({ address: `A${themeRow}:E${themeRow}`, style: { ...LABEL, wrap: true } });
  plan.themes.forEach((theme, index) => {
    const row = themeRow + 1 + index;
    const grade = printedGroupGrade(plan, data.themes?.find((entry) => entry.numeral === theme.numeral)?.grade);
    cells.push(
      { address: cellAddress(row, 1), value: theme.numeral },
      { address: cellAddress(row, 2), value: theme.name },
    );
    if (grade) cells.push({ address: cellAddress(row, GRADE_COLUMN), value: grade });
  });
  formats.push(
    { address: `A${themeRow + 1}:A${lastThemeRow}`, style: { ...FIXED_TEXT, horizontal: 'center' } },
    { address: `B${themeRow + 1}:B${lastThemeRow}`, style: FIXED_TEXT },
    { address: `E${themeRow + 1}:E${lastThemeRow}`, style: INPUT_CENTER },
  );
  for (const range of [`E${firstRow}:E${lastRow}`, `E${themeRow + 1}:E${lastThemeRow}`])
    validations.push({
      address: range,
      list: grades,
      errorMessage: `総合評価は ${grades.join('・')} から選んでください。`,
    });
  return { cells, formats, validations };
}
