/**
 * The problems of the workbook (入力チェック, or found by 集計): a badge (エラー／注意), where, what
 * and how to fix. Clicking a problem on a sheet selects its cell in Excel.
 */
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../../core/problems';
import { LABELS } from '../../host/labels';

/** Problems listed at most; the rest are counted (a broken workbook can have thousands). */
export const PROBLEMS_SHOWN = 200;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    justifyContent: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  fix: { color: tokens.colorNeutralForeground3 },
  plain: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
});

/** Where a problem is: シート「…」 セル D29, or ブック全体. */
export function problemPlace(problem: Problem): string {
  if (problem.sheet === null) return LABELS.workbookWide;
  return problem.cell ? LABELS.problemWhere(problem.sheet, problem.cell) : problem.sheet;
}

export function ProblemsList({
  problems,
  onSelect,
  disabled,
}: {
  problems: readonly Problem[];
  onSelect: (problem: Problem) => void;
  disabled?: boolean;
}) {
  const styles = useStyles();
  if (problems.length === 0) return <Text>{LABELS.noProblems}</Text>;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <ul className={styles.list} aria-label={LABELS.problemsList}>
        {shown.map((problem, index) => {
          const body = (
            <>
              <span className={styles.head}>
                <Badge appearance="filled" color={problem.severity === 'error' ? 'danger' : 'warning'} size="small">
                  {problem.severity === 'error' ? LABELS.error : LABELS.warning}
                </Badge>
                <Text size={200} weight="semibold">
                  {problemPlace(problem)}
                </Text>
              </span>
              <Text size={200}>{problem.message}</Text>
              <Text size={200} className={styles.fix}>
                {problem.fix}
              </Text>
            </>
          );
          return (
            <li
              key={`${problem.sheet ?? ''}|${problem.cell ?? ''}|${problem.code}|${index}`}
              data-severity={problem.severity}
            >
              {problem.sheet !== null ? (
                <Button
                  appearance="subtle"
                  className={styles.item}
                  disabled={disabled}
                  onClick={() => onSelect(problem)}
                  title={LABELS.problemGoTo}
                >
                  {body}
                </Button>
              ) : (
                <div className={styles.plain}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > shown.length && <Text size={200}>{LABELS.problemsMore(problems.length - shown.length)}</Text>}
    </>
  );
}
