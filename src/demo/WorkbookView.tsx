/**
 * The demo's stand-in for Excel's window: the sheet tabs, an input line for the selected cell
 * (typing there is a user edit: change events fire, so live 自動計算 can be tried), and the grid.
 */
import { Button, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { LABELS } from '../host/labels';
import { SheetGrid } from './SheetGrid';
import type { DemoWorkbook } from './DemoWorkbook';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flex: 1, gap: tokens.spacingVerticalXS },
  tabs: {
    display: 'flex',
    gap: '2px',
    overflowX: 'auto',
    paddingBottom: '4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  tab: { whiteSpace: 'nowrap', flexShrink: 0, minWidth: 'auto' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexShrink: 0 },
  address: { minWidth: '5em', fontFamily: tokens.fontFamilyMonospace },
  grid: { overflow: 'auto', flex: 1, minHeight: 0, border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export function WorkbookView({ demo }: { demo: DemoWorkbook }) {
  const styles = useStyles();
  useSyncExternalStore(demo.subscribe, demo.getVersion);
  const [text, setText] = useState('');
  const state = demo.fake.state;
  const sheets = state.sheets.filter((sheet) => sheet.visibility === 'Visible');
  const active = state.sheets.find((sheet) => sheet.id === state.activeSheetId);
  if (!active) return <Text>{LABELS.demo.noSheets}</Text>;
  const address = state.selection.split(':')[0];

  const commit = async () => {
    await demo.type(active.name, address, text);
    setText('');
  };

  return (
    <section className={styles.view} aria-label={LABELS.demo.sheetsView}>
      <div className={styles.tabs} role="tablist" aria-label={LABELS.demo.tabs} data-testid="sheet-tabs">
        {sheets.map((sheet) => (
          <Button
            key={sheet.id}
            role="tab"
            aria-selected={sheet.id === active.id}
            size="small"
            appearance={sheet.id === active.id ? 'primary' : 'subtle'}
            className={styles.tab}
            onClick={() => demo.activateSheet(sheet.name)}
          >
            {sheet.name}
          </Button>
        ))}
      </div>
      <form
        className={styles.bar}
        onSubmit={(event) => {
          event.preventDefault();
          void commit();
        }}
      >
        <Text className={styles.address} data-testid="selection">{`${active.name}!${address}`}</Text>
        <Input
          size="small"
          value={text}
          onChange={(_, data) => setText(data.value)}
          placeholder={LABELS.demo.input}
          aria-label={LABELS.demo.inputLabel}
        />
      </form>
      <div className={styles.grid}>
        <SheetGrid
          fake={demo.fake}
          sheetName={active.name}
          selection={state.selection}
          onSelect={(cell) => demo.select(cell)}
        />
      </div>
    </section>
  );
}
