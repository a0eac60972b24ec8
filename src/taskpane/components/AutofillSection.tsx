/**
 * 自動計算: fills 合計/総合評価 on the active sheet or on all sheets, and optionally live, after
 * the user commits a score (worksheet change events, ExcelApi 1.9).
 */
import { Button, Radio, RadioGroup, Switch, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FEATURE_VERSIONS } from '../../host/apiLevel';
import { describeFailure } from '../../host/errorMessage';
import { LABELS } from '../../host/labels';
import { SheetDebouncer, touchesScores } from '../liveAutofill';
import { usePane } from '../PaneContext';
import { useSectionStyles } from './sectionStyles';

type Scope = 'active' | 'all';

export function AutofillSection() {
  const styles = useSectionStyles();
  const { host, run, running, info, notify } = usePane();
  const [scope, setScope] = useState<Scope>('active');
  const [live, setLive] = useState(false);
  const liveAvailable = host.supports(FEATURE_VERSIONS.liveAutofill.version);

  // The change handler outlives renders: it reads the latest state through refs.
  const latest = useRef({ run, running, info });
  latest.current = { run, running, info };

  const start = async () => {
    const result = await run(LABELS.sections.autofill, async (options) => {
      const sheets = scope === 'active' ? [await host.selectedSheet()] : undefined;
      return host.autofill({ ...options, sheets });
    });
    if (!result) return;
    notify(
      result.filledSheets.length === 0
        ? { intent: 'warning', text: LABELS.autofillNothing }
        : { intent: 'success', text: LABELS.autofilled(result.filledSheets.length) },
    );
  };

  useEffect(() => {
    if (!live) return undefined;
    const debouncer = new SheetDebouncer(async (sheets) => {
      if (latest.current.running) return false;
      await latest.current.run(LABELS.actions.liveAutofill, (options) => host.autofill({ ...options, sheets }), {
        quiet: true,
      });
      return true;
    });
    let stop: (() => Promise<void>) | null = null;
    let stopped = false;
    void host
      .onChanged((change) => {
        const plan = latest.current.info?.plan;
        if (plan && touchesScores(plan, change.address)) debouncer.add(change.sheet);
      })
      .then((remove) => (stopped ? void remove() : (stop = remove)))
      .catch((error: unknown) => {
        notify({ intent: 'error', text: LABELS.liveFailed(describeFailure(error).message) });
        setLive(false);
      });
    return () => {
      stopped = true;
      debouncer.dispose();
      void stop?.().catch(() => undefined);
    };
  }, [live, host, notify]);

  return (
    <div className={styles.section}>
      <Text size={200} className={styles.hint}>
        {LABELS.autofillHint}
      </Text>
      <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as Scope)} aria-label={LABELS.autofillScope}>
        <Radio value="active" label={LABELS.autofillActive} />
        <Radio value="all" label={LABELS.autofillAll} />
      </RadioGroup>
      <Button appearance="primary" disabled={running !== null} onClick={start} data-testid="autofill-button">
        {LABELS.autofillButton}
      </Button>
      <Switch
        checked={live}
        disabled={!liveAvailable || !info?.plan}
        onChange={(_, data) => setLive(data.checked)}
        label={LABELS.liveToggle}
        data-testid="live-toggle"
      />
      <Text size={200} className={styles.hint}>
        {liveAvailable
          ? LABELS.liveHint
          : LABELS.featureUnavailable(FEATURE_VERSIONS.liveAutofill.name, FEATURE_VERSIONS.liveAutofill.version)}
      </Text>
    </div>
  );
}
