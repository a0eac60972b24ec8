/**
 * The task pane: the workbook's info, the running action's progress, the message bar, and the
 * sections 集計・入力チェック・自動計算・シート作成, the year's loop (配布・提出状況・回収・年度更新)
 * and 印刷設定 as an accordion (one column, so it
 * stays usable at the default ~320 px pane width). The same component runs in Excel and in demo mode.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Button,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { AggregateSection } from './components/AggregateSection';
import { AutofillSection } from './components/AutofillSection';
import { CheckSection } from './components/CheckSection';
import { CollectSection } from './components/CollectSection';
import { RolloverSection } from './components/RolloverSection';
import { SplitSection } from './components/SplitSection';
import { InfoSection } from './components/InfoSection';
import { PrintSection } from './components/PrintSection';
import { ProgressPanel } from './components/ProgressPanel';
import { StatusSection } from './components/StatusSection';
import { TemplateSection } from './components/TemplateSection';
import { ErrorBoundary } from './ErrorBoundary';
import { LABELS } from '../host/labels';
import { PaneProvider, usePane } from './PaneContext';
import type { PaneHost } from '../host/PaneHost';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: 'border-box',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  message: { whiteSpace: 'pre-line' },
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Sections opened at start. */
const OPEN_SECTIONS = ['info', 'aggregate', 'check'];

function Pane() {
  const styles = useStyles();
  const { host, run, running, cancel, message, notify, setInfo } = usePane();

  const reload = useCallback(async () => {
    const info = await run(LABELS.actions.readInfo, (options) => host.readInfo(options), { quiet: true });
    if (info) setInfo(info);
  }, [host, run, setInfo]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const sections = [
    { value: 'info', label: LABELS.sections.info, content: <InfoSection onReload={reload} /> },
    { value: 'aggregate', label: LABELS.sections.aggregate, content: <AggregateSection /> },
    { value: 'check', label: LABELS.sections.check, content: <CheckSection /> },
    { value: 'autofill', label: LABELS.sections.autofill, content: <AutofillSection /> },
    { value: 'template', label: LABELS.sections.template, content: <TemplateSection onCreated={reload} /> },
    ...(host.split ? [{ value: 'split', label: LABELS.sections.split, content: <SplitSection /> }] : []),
    ...(host.status ? [{ value: 'status', label: LABELS.sections.status, content: <StatusSection /> }] : []),
    ...(host.collect ? [{ value: 'collect', label: LABELS.sections.collect, content: <CollectSection /> }] : []),
    ...(host.rollover ? [{ value: 'rollover', label: LABELS.sections.rollover, content: <RolloverSection /> }] : []),
    ...(host.printSetup ? [{ value: 'print', label: LABELS.sections.print, content: <PrintSection /> }] : []),
  ];

  return (
    <main className={styles.pane}>
      <h1 className={styles.title}>{LABELS.appTitle}</h1>
      <div className={styles.sticky}>
        {running && <ProgressPanel running={running} onCancel={cancel} />}
        {message && (
          <MessageBar
            intent={message.intent}
            layout="multiline"
            data-testid="message"
            role={message.intent === 'error' ? 'alert' : 'status'}
          >
            <MessageBarBody className={styles.message}>{message.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label={LABELS.close} size="small" onClick={() => notify(null)}>
                  ×
                </Button>
              }
            />
          </MessageBar>
        )}
      </div>
      <Accordion multiple collapsible defaultOpenItems={OPEN_SECTIONS}>
        {sections.map(({ value, label, content }) => (
          <AccordionItem key={value} value={value}>
            <AccordionHeader>{label}</AccordionHeader>
            <AccordionPanel>{content}</AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </main>
  );
}

/** The whole pane over a host (Excel's, or the demo's fake). */
export function PaneApp({ host }: { host: PaneHost }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>
        <PaneProvider host={host}>
          <Pane />
        </PaneProvider>
      </ErrorBoundary>
    </FluentProvider>
  );
}
