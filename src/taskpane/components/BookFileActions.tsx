/**
 * What the user does with a file 配布 or 年度更新 made: 「Excel で開く」 (Excel.createWorkbook:
 * a new workbook the user saves under the name shown; every host of the support matrix) and
 * 「ファイルに保存」 (a download: Excel on the web and Windows).
 */
import { Button, Card, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { BookFile } from '../../actions/bookFiles';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { saveFile } from '../saveFile';
import { useSectionStyles } from './sectionStyles';

export function BookFileActions({ file, description }: { file: BookFile; description?: string }) {
  const styles = useSectionStyles();
  const { host, run, running, notify } = usePane();
  const openWorkbook = host.openWorkbook;

  const open = async () => {
    if (!openWorkbook) return;
    const done = await run(LABELS.fileOpen, async () => {
      await openWorkbook(file);
      return true;
    });
    if (done) notify({ intent: 'success', text: LABELS.fileOpened(file.name) });
  };

  return (
    <li data-testid="book-file">
      <Text weight="semibold">{file.name}</Text>
      {description && <Text size={200}>{` ← ${description}`}</Text>}
      <div className={styles.row}>
        {openWorkbook && (
          <Button size="small" disabled={running !== null} onClick={open}>
            {LABELS.fileOpen}
          </Button>
        )}
        <Button size="small" appearance="subtle" disabled={running !== null} onClick={() => saveFile(file)}>
          {LABELS.fileSave}
        </Button>
      </div>
    </li>
  );
}

/**
 * The card of files 配布 or 年度更新 made: what to do next, which way of saving works where, the files.
 * @param props - the card's test id, the next step, and the files (BookFileActions)
 */
export function BookFilesCard(props: { testId: string; next: string; children: ReactNode }) {
  const styles = useSectionStyles();
  return (
    <Card size="small" data-testid={props.testId}>
      <Text className={styles.lines}>{props.next}</Text>
      <Text size={200} className={styles.hint}>
        {LABELS.fileSaveHint}
      </Text>
      <ul className={styles.files}>{props.children}</ul>
    </Card>
  );
}
