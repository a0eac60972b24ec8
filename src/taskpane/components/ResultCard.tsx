/**
 * What 集計 did: how many 実践項目, the count of each 総合評価, the problems found, links that open
 * each summary tab, and 元に戻す (from the record in the workbook: the owned cells and the tabs as they were).
 */
import { Button, Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AggregateResult } from '../../actions/aggregate';
import { checkPeriodLabel } from '../../core/japanese';
import { GRADES } from '../../core/rules';
import { GRADE_LABELS, LABELS } from '../../host/labels';

const useStyles = makeStyles({
  grades: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, 1fr)',
    gap: tokens.spacingHorizontalXS,
    textAlign: 'center',
  },
  grade: {
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  links: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface ResultCardProps {
  result: AggregateResult;
  onOpenSheet: (sheet: string) => void;
  onUndo: () => void;
  disabled?: boolean;
}

export function ResultCard({ result, onOpenSheet, onUndo, disabled }: ResultCardProps) {
  const styles = useStyles();
  const counts = result.json.counts;
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const tabs = [...result.summarySheets, ...result.pageSheets];
  return (
    <Card data-testid="result-card" size="small">
      <CardHeader header={<Text weight="semibold">{LABELS.resultTitle(checkPeriodLabel(result.year))}</Text>} />
      <div className={styles.lines}>
        <Text data-testid="result-items">{LABELS.resultItems(result.json.items.length, counts.active)}</Text>
        <Text>{LABELS.resultGroups(result.json.initiatives.length, result.json.themes.length)}</Text>
      </div>
      <div className={styles.grades} aria-label={LABELS.resultGrades}>
        {GRADES.map((grade) => (
          <div key={grade} className={styles.grade} data-testid={`grade-${grade}`}>
            <Text size={500} weight="semibold">
              {counts.grades[grade]}
            </Text>
            <Text size={200}>{LABELS.resultPrevious(GRADE_LABELS[grade], counts.previousGrades[grade])}</Text>
          </div>
        ))}
      </div>
      <Text data-testid="result-problems">
        {result.problems.length === 0
          ? LABELS.resultClean
          : LABELS.resultProblems(result.problems.length, errors, warnings)}
      </Text>
      <ul className={styles.links} aria-label={LABELS.resultSheets}>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link as="button" disabled={disabled} onClick={() => onOpenSheet(tab)}>
              {tab}
            </Link>
          </li>
        ))}
      </ul>
      <Button appearance="secondary" disabled={disabled} onClick={onUndo}>
        {LABELS.undo}
      </Button>
    </Card>
  );
}
