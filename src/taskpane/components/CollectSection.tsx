/**
 * 回収: the user picks the files departments returned; they are read in the pane and merged into the
 * open workbook as `shinchoku collect … --into` merges (only the input cells a department changed,
 * 取込履歴 written). The card says what changed, shows each conflict (not merged) and each refused
 * file with its reason, and offers 元に戻す, which the record in the workbook keeps after reopening.
 */
import { Button, Card, Text } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { CollectIntoResult } from '../../actions/collectFiles';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { readPickedFile } from '../saveFile';
import { UndoOffer } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function CollectSection() {
  const styles = useSectionStyles();
  const { host, run, running, notify, info, setInfo } = usePane();
  const [result, setResult] = useState<CollectIntoResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const collect = host.collect;

  const picked = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    if (!collect || chosen.length === 0) return;
    const done = await run(LABELS.sections.collect, async (options) =>
      collect(await Promise.all(chosen.map(readPickedFile)), options),
    );
    if (!done) return;
    setResult(done);
    if (info) setInfo({ ...info, canUndo: true, undoKind: 'collect' });
    const text = LABELS.collectDone(done.files, done.changedSheets.length, done.unchanged);
    const trouble = done.conflicts.length > 0 || done.refused.length > 0;
    notify({ intent: trouble ? 'warning' : 'success', text });
  };

  const undo = async () => {
    const done = await run(LABELS.undo, (options) => host.undoAggregate(options));
    if (!done) return;
    setResult(null);
    if (info) setInfo({ ...info, canUndo: false, undoKind: null });
    notify({ intent: 'success', text: LABELS.collectUndone(done.restoredSheets.length) });
  };

  const conflicts = result?.problems.filter((entry) => entry.code === 'collect-conflict') ?? [];
  const refused = result?.problems.filter((entry) => entry.code === 'book-refused') ?? [];
  const others = (result?.problems.length ?? 0) - conflicts.length - refused.length;
  return (
    <div className={styles.section}>
      <Text size={200} className={styles.hint}>
        {LABELS.collectHint}
      </Text>
      <label className={styles.section}>
        <Text weight="semibold">{LABELS.collectPick}</Text>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={running !== null}
          onChange={picked}
          data-testid="collect-files"
        />
      </label>
      {result && (
        <Card size="small" data-testid="collect-result">
          <Text>{LABELS.collectDone(result.files, result.changedSheets.length, result.unchanged)}</Text>
          {conflicts.length > 0 && (
            <Findings testId="collect-conflicts" title={LABELS.collectConflicts(conflicts.length)} items={conflicts} />
          )}
          {refused.length > 0 && (
            <Findings testId="collect-refused" title={LABELS.collectRefused(refused.length)} items={refused} />
          )}
          {others > 0 && <Text size={200}>{LABELS.collectOther(others)}</Text>}
          <Text size={200} className={styles.lines}>
            {LABELS.collectNext}
          </Text>
          <Button appearance="secondary" disabled={running !== null} onClick={undo} data-testid="collect-undo">
            {LABELS.undo}
          </Button>
        </Card>
      )}
      {!result && info?.undoKind === 'collect' && (
        <UndoOffer hint={LABELS.collectUndoHint} testId="collect-undo" onUndo={undo} />
      )}
    </div>
  );
}

/** A titled list of findings: what, and how to go on. */
function Findings(props: { testId: string; title: string; items: readonly { message: string; fix: string }[] }) {
  const styles = useSectionStyles();
  return (
    <div data-testid={props.testId}>
      <Text weight="semibold">{props.title}</Text>
      <ul className={styles.files}>
        {props.items.map((item, index) => (
          <li key={index}>
            <Text size={200}>{item.message}</Text>
            <Text size={200} className={styles.hint}>{` ${item.fix}`}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
