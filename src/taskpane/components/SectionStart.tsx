/** The top of an action's section: what it does (a hint) and the button that starts it. */
import { Button, Text } from '@fluentui/react-components';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { useSectionStyles } from './sectionStyles';

/**
 * A section's hint and start button (disabled while any action runs, or when `unavailable`).
 * @param props - the hint, the button's label and test id, what it starts, whether it is unavailable,
 *   whether it is the section's second action
 */
export function SectionStart(props: {
  hint: string;
  label: string;
  testId: string;
  onStart: () => void;
  unavailable?: boolean;
  /** A second action of a section: a plain button beside the section's primary one. */
  secondary?: boolean;
}) {
  const styles = useSectionStyles();
  const { running } = usePane();
  return (
    <>
      <Text size={200} className={styles.hint}>
        {props.hint}
      </Text>
      <Button
        appearance={props.secondary ? 'secondary' : 'primary'}
        disabled={running !== null || props.unavailable === true}
        onClick={props.onStart}
        data-testid={props.testId}
      >
        {props.label}
      </Button>
    </>
  );
}

/**
 * 元に戻す offered when the workbook's record holds a step to undo (also after reopening).
 * @param props - what it would undo (a hint), the button's test id, and what it runs
 */
export function UndoOffer(props: { hint: string; testId: string; onUndo: () => void }) {
  const { running } = usePane();
  return (
    <>
      <Text size={200}>{props.hint}</Text>
      <Button appearance="secondary" disabled={running !== null} onClick={props.onUndo} data-testid={props.testId}>
        {LABELS.undo}
      </Button>
    </>
  );
}
