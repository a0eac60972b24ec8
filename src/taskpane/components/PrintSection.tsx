/** 印刷設定 (ExcelApi 1.9): A4 settings for every 進捗状況シート and our tabs. */
import { Button, Text } from '@fluentui/react-components';
import { FEATURE_VERSIONS } from '../../host/apiLevel';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { useSectionStyles } from './sectionStyles';

export function PrintSection() {
  const styles = useSectionStyles();
  const { host, run, running, notify } = usePane();
  const printSetup = host.printSetup;
  if (!printSetup) return null;
  const available = host.supports(FEATURE_VERSIONS.printSetup.version);

  const start = async () => {
    const result = await run(LABELS.sections.print, (options) => printSetup(options));
    if (result)
      notify({
        intent: 'success',
        text: `進捗状況シート ${result.progressSheets.length} 枚と集計表など ${result.tabs.length} 枚に印刷設定をしました。`,
      });
  };

  return (
    <div className={styles.section}>
      <Text size={200} className={styles.hint}>
        {available
          ? LABELS.printHint
          : `この Excel では${FEATURE_VERSIONS.printSetup.name}を変更できません（ExcelApi ${FEATURE_VERSIONS.printSetup.version} 以上が必要です）。`}
      </Text>
      <Button appearance="primary" disabled={running !== null || !available} onClick={start} data-testid="print-button">
        {LABELS.printButton}
      </Button>
    </div>
  );
}
