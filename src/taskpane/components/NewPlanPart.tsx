/**
 * 新しいプラン (inside シート作成): writes the プラン定義 form (記入方法 and プラン定義, the built-in
 * plan as the example) into the open workbook, then says what to do next: fill the definition,
 * 再読み込み, シート作成. A sheet of either name already there is refused and kept (the host's use
 * case says which and how to go on).
 */
import { Divider } from '@fluentui/react-components';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { SectionStart } from './SectionStart';

export function NewPlanPart({ onCreated }: { onCreated?: () => void }) {
  const { host, run, notify } = usePane();
  const start = async () => {
    const names = await run(LABELS.newPlanButton, (options) => host.createPlanForm(options));
    if (!names) return;
    notify({ intent: 'success', text: [LABELS.newPlanCreated(names), LABELS.newPlanNext].join('\n') });
    onCreated?.();
  };
  return (
    <>
      <Divider />
      <SectionStart
        hint={LABELS.newPlanHint}
        label={LABELS.newPlanButton}
        testId="new-plan-button"
        onStart={start}
        secondary
      />
    </>
  );
}
