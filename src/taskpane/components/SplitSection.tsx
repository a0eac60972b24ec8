/**
 * 配布: one workbook per 担当部署 from the open workbook (the same books and file names as
 * `shinchoku split`); each is opened in Excel or saved as a file. The open workbook is not changed,
 * so there is nothing to undo.
 */
import { useState } from 'react';
import type { SplitFilesResult } from '../../actions/splitFiles';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { BookFileActions, BookFilesCard } from './BookFileActions';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function SplitSection() {
  const styles = useSectionStyles();
  const { host, run, notify } = usePane();
  const [result, setResult] = useState<SplitFilesResult | null>(null);
  const split = host.split;

  const start = async () => {
    if (!split) return;
    const done = await run(LABELS.sections.split, (options) => split(options));
    if (!done) return;
    setResult(done);
    const sheets = done.files.reduce((sum, file) => sum + file.itemNos.length, 0);
    notify({ intent: 'success', text: LABELS.splitDone(done.files.length, sheets, done.ended) });
  };

  return (
    <div className={styles.section}>
      <SectionStart hint={LABELS.splitHint} label={LABELS.splitButton} testId="split-button" onStart={start} />
      {result && (
        <BookFilesCard testId="split-result" next={LABELS.splitNext}>
          {result.files.map((file) => (
            <BookFileActions
              key={file.name}
              file={file}
              description={LABELS.splitFile(file.department, file.itemNos)}
            />
          ))}
        </BookFilesCard>
      )}
    </div>
  );
}
