/** 入力チェック: the problems list; clicking one selects its cell on its sheet. */
import { Text } from '@fluentui/react-components';
import type { Problem } from '../../core/problems';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { ProblemsList } from './ProblemsList';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function CheckSection() {
  const styles = useSectionStyles();
  const { host, run, running, problems, setProblems } = usePane();

  const start = async () => {
    const result = await run(LABELS.sections.check, (options) => host.check(options));
    if (result) setProblems(result.problems);
  };

  const select = (problem: Problem) => {
    if (problem.sheet === null) return;
    const sheet = problem.sheet;
    void run(LABELS.actions.selectCell, () => host.activate(sheet, problem.cell ?? 'A1'), { quiet: true });
  };

  const errors = problems?.filter((problem) => problem.severity === 'error').length ?? 0;
  return (
    <div className={styles.section}>
      <SectionStart hint={LABELS.checkHint} label={LABELS.checkButton} testId="check-button" onStart={start} />
      {problems && (
        <>
          {problems.length > 0 && (
            <Text weight="semibold" data-testid="problem-count">
              {LABELS.checkCounts(errors, problems.length - errors)}
            </Text>
          )}
          <ProblemsList problems={problems} onSelect={select} disabled={running !== null} />
        </>
      )}
    </div>
  );
}
