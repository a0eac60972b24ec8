/**
 * 年度更新: next year's workbook from the open one, as `shinchoku rollover` makes it, as a new
 * workbook opened in Excel (or saved as a file). The open workbook is not changed: it stays this
 * year's record, which is the way back (docs/decisions.md says why not in place).
 */
import { Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { RolloverFile } from '../../actions/rollover';
import { yearCode, yearLabel } from '../../core/fiscalYear';
import type { FiscalYear } from '../../core/plan';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { BookFileActions, BookFilesCard } from './BookFileActions';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function RolloverSection() {
  const styles = useSectionStyles();
  const { host, run, notify, info } = usePane();
  const [result, setResult] = useState<RolloverFile | null>(null);
  const [chosen, setChosen] = useState<FiscalYear | null>(null);
  const rollover = host.rollover;
  const current = info?.year ?? null;
  const later = current === null ? [] : (info?.plan?.period ?? []).filter((year) => year > current);
  const to = chosen !== null && later.includes(chosen) ? chosen : (later[0] ?? null);

  const start = async () => {
    if (!rollover || to === null) return;
    const done = await run(LABELS.sections.rollover, (options) => rollover(to, options));
    if (!done) return;
    setResult(done);
    notify({
      intent: 'success',
      text: LABELS.rolloverDone(yearCode(done.from), yearCode(done.to), done.sheets.length, done.ended),
    });
  };

  return (
    <div className={styles.section}>
      {current !== null && later.length === 0 && <Text>{LABELS.rolloverNoYear}</Text>}
      {later.length > 0 && to !== null && (
        <Field label={LABELS.rolloverYear}>
          <Dropdown
            value={yearLabel(to)}
            selectedOptions={[String(to)]}
            onOptionSelect={(_, data) => data.optionValue && setChosen(Number(data.optionValue))}
            data-testid="rollover-year"
          >
            {later.map((each) => (
              <Option key={each} value={String(each)}>
                {yearLabel(each)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <SectionStart
        hint={LABELS.rolloverHint}
        label={LABELS.rolloverButton}
        testId="rollover-button"
        onStart={start}
        unavailable={to === null}
      />
      {result && (
        <BookFilesCard testId="rollover-result" next={LABELS.rolloverNext}>
          <BookFileActions file={result.file} />
        </BookFilesCard>
      )}
    </div>
  );
}
