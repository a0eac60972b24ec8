/** 印刷設定 (ExcelApi 1.9): A4 settings for every 進捗状況シート and our tabs. */
import { FEATURE_VERSIONS } from '../../host/apiLevel';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function PrintSection() {
  const styles = useSectionStyles();
  const { host, run, notify } = usePane();
  const printSetup = host.printSetup;
  if (!printSetup) return null;
  const available = host.supports(FEATURE_VERSIONS.printSetup.version);

  const start = async () => {
    const result = await run(LABELS.sections.print, (options) => printSetup(options));
    if (result)
      notify({
        intent: 'success',
        text: LABELS.printed(result.progressSheets.length, result.tabs.length),
      });
  };

  return (
    <div className={styles.section}>
      <SectionStart
        hint={
          available
            ? LABELS.printHint
            : LABELS.featureUnavailable(FEATURE_VERSIONS.printSetup.name, FEATURE_VERSIONS.printSetup.version)
        }
        label={LABELS.printButton}
        testId="print-button"
        unavailable={!available}
        onStart={start}
      />
    </div>
  );
}
