/**
 * 集計: runs aggregate with progress and cancel, then shows the result card with 元に戻す. The
 * record of the last 「集計」 lives in the workbook, so after the pane or the workbook was closed and
 * opened again 元に戻す is still offered (the workbook info says whether there is one).
 */
import { useState } from 'react';
import type { AggregateResult } from '../../actions/aggregate';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { ResultCard } from './ResultCard';
import { SectionStart, UndoOffer } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function AggregateSection() {
  const styles = useSectionStyles();
  const { host, run, running, setProblems, notify, info, setInfo } = usePane();
  const [result, setResult] = useState<AggregateResult | null>(null);

  const start = async () => {
    const done = await run(LABELS.sections.aggregate, (options) => host.aggregate(options));
    if (!done) return;
    setResult(done);
    if (info) setInfo({ ...info, canUndo: true, undoKind: 'aggregate' });
    setProblems(done.problems);
    notify({
      intent: 'success',
      text: LABELS.aggregated(done.filledSheets.length),
    });
  };

  const undo = async () => {
    const done = await run(LABELS.undo, (options) => host.undoAggregate(options));
    if (!done) return;
    setResult(null);
    if (info) setInfo({ ...info, canUndo: false, undoKind: null });
    const text = LABELS.undone(done.restoredSheets.length, done.rebuiltTabs.length, done.deletedTabs.length);
    notify(
      done.keptTabs.length > 0
        ? { intent: 'warning', text: `${text}\n${LABELS.undoKept(done.keptTabs)}` }
        : { intent: 'success', text },
    );
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
      {result && <ResultCard result={result} disabled={running !== null} onOpenSheet={open} onUndo={undo} />}
      {!result && info?.canUndo && info.undoKind !== 'collect' && (
        <UndoOffer hint={LABELS.undoHint} testId="undo-button" onUndo={undo} />
      )}
    </div>
  );
}
