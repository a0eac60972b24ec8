/**
 * Demo mode: a banner that says so, the real task pane on the left (over the fake Excel), and the
 * workbook's sheets on the right, with 「ブックをダウンロード」 to save what the pane did as .xlsx.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SheetSpec } from '../core/sheetSpec';
import { describeFailure } from '../host/errorMessage';
import { LABELS } from '../host/labels';
import { PaneApp } from '../taskpane/PaneApp';
import type { DemoWorkbook } from './DemoWorkbook';
import { WorkbookView } from './WorkbookView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box' },
  banner: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    borderBottom: `2px solid ${tokens.colorPaletteYellowBorder2}`,
  },
  bannerTitle: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400 },
  spacer: { flex: 1 },
  main: { display: 'flex', flex: 1, minHeight: 0, gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM },
  pane: {
    width: '340px',
    flexShrink: 0,
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  loading: { margin: 'auto' },
});

/**
 * The demo page.
 * @param props - the demo workbook, and the download (given by the entry, which loads the ExcelJS
 *   port on demand: this file stays free of Node code)
 */
export function DemoApp({
  demo,
  download: save,
}: {
  demo: DemoWorkbook;
  download: (specs: readonly SheetSpec[]) => Promise<void>;
}) {
  const styles = useStyles();
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    demo.ready.then(
      () => setReady(true),
      (error: unknown) => setFailure(describeFailure(error).message),
    );
  }, [demo]);

  const download = async () => {
    setSaving(true);
    try {
      await save(demo.fake.toSheetSpecs());
    } catch (error) {
      setFailure(LABELS.demo.downloadFailed(describeFailure(error).message));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.banner} data-testid="demo-banner">
          <Text className={styles.bannerTitle}>{LABELS.demo.banner}</Text>
          <Text size={200}>{LABELS.demo.intro}</Text>
          <span className={styles.spacer} />
          <Button appearance="primary" disabled={!ready || saving} onClick={download} data-testid="download-button">
            {saving ? LABELS.demo.saving : LABELS.demo.download}
          </Button>
        </header>
        {failure && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{LABELS.demoHost}</MessageBarTitle>
              {failure}
            </MessageBarBody>
          </MessageBar>
        )}
        {ready ? (
          <div className={styles.main}>
            <aside className={styles.pane} aria-label={LABELS.demo.pane}>
              <PaneApp host={demo.host} />
            </aside>
            <WorkbookView demo={demo} />
          </div>
        ) : (
          !failure && <Spinner className={styles.loading} label={LABELS.demo.loading} />
        )}
      </div>
    </FluentProvider>
  );
}
