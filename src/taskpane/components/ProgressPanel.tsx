/** The running action: its phase, how far it is (n / N) and a キャンセル button. */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { RunningAction } from '../PaneContext';
import { LABELS } from '../../host/labels';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** How far an action is, in words: "シートを確認中（12 / 70）". */
export function progressText(running: RunningAction): string {
  const progress = running.progress;
  if (!progress) return LABELS.progressStarting(running.label);
  return progress.total > 1 ? LABELS.progressStep(progress.phase, progress.done, progress.total) : progress.phase;
}

export function ProgressPanel({ running, onCancel }: { running: RunningAction; onCancel: () => void }) {
  const styles = useStyles();
  const progress = running.progress;
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className={styles.panel} role="status" aria-live="polite" data-testid="progress">
      <Field
        label={LABELS.progressRunning(running.label)}
        validationMessage={progressText(running)}
        validationState="none"
      >
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      <Button appearance="secondary" onClick={onCancel}>
        {LABELS.cancel}
      </Button>
    </div>
  );
}
