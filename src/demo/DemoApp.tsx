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
import { PaneApp } from '../taskpane/PaneApp';
import type { DemoWorkbook } from './DemoWorkbook';
import { WorkbookView } from './WorkbookView';

/** The banner's words: the page must never pass for Excel. */
export const DEMO_BANNER = 'デモ（Excel なし・組み込みの例）';

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
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [demo]);

  const download = async () => {
    setSaving(true);
    try {
      await save(demo.fake.toSheetSpecs());
    } catch (error) {
      setFailure(`ダウンロードできませんでした: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.banner} data-testid="demo-banner">
          <Text className={styles.bannerTitle}>{DEMO_BANNER}</Text>
          <Text size={200}>
            Excel の代わりにブラウザー内の模擬ブック（苫小牧市 行政創革プラン 70
            実践項目、令和３年度末）で作業ウィンドウを試せます。変更はこのページの中だけです。
          </Text>
          <span className={styles.spacer} />
          <Button appearance="primary" disabled={!ready || saving} onClick={download} data-testid="download-button">
            {saving ? '作成中…' : 'ブックをダウンロード'}
          </Button>
        </header>
        {failure && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>デモ</MessageBarTitle>
              {failure}
            </MessageBarBody>
          </MessageBar>
        )}
        {ready ? (
          <div className={styles.main}>
            <aside className={styles.pane} aria-label="作業ウィンドウ（進捗集計）">
              <PaneApp host={demo.host} />
            </aside>
            <WorkbookView demo={demo} />
          </div>
        ) : (
          !failure && <Spinner className={styles.loading} label="組み込みの例のブックを作成中…" />
        )}
      </div>
    </FluentProvider>
  );
}
