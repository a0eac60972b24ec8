/** 集計: runs aggregate with progress and cancel, then shows the result card with 元に戻す. */
import { useState } from 'react';
import type { AggregateResult } from '../../actions/aggregate';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { ResultCard } from './ResultCard';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function AggregateSection() {
  const styles = useSectionStyles();
  const { host, run, running, setProblems, notify } = usePane();
  const [result, setResult] = useState<AggregateResult | null>(null);

  const start = async () => {
    const done = await run(LABELS.sections.aggregate, (options) => host.aggregate(options));
    if (!done) return;
    setResult(done);
    setProblems(done.problems);
    notify({
      intent: 'success',
      text: LABELS.aggregated(done.filledSheets.length),
    });
  };

  const undo = async (record: AggregateResult['undo']) => {
    const ok = await run(LABELS.undo, async () => (await host.undoAggregate(record), true));
    if (!ok) return;
    setResult(null);
    notify({ intent: 'success', text: LABELS.undone });
  };

  const open = (sheet: string) => void run(LABELS.actions.showSheet, () => host.activate(sheet, 'A1'), { quiet: true });

  return (
    <div className={styles.section}>
      <SectionStart
        hint={LABELS.aggregateHint}
        label={LABELS.aggregateButton}
        testId="aggregate-button"
        onStart={start}
      />
      {result && (
        <ResultCard result={result} disabled={running !== null} onOpenSheet={open} onUndo={() => undo(result.undo)} />
      )}
    </div>
  );
}
