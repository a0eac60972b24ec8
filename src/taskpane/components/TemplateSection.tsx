/**
 * シート作成: the 進捗状況シート of one chosen 実践項目, or of every 実践項目 that has no sheet yet,
 * for a year of the plan. Uses the workbook's プラン定義, or the built-in plan in a workbook without
 * one; a プラン定義 that does not read is shown with sheet and cell, and nothing is built from it.
 * 新しいプラン (NewPlanPart) starts a plan of one's own in the workbook.
 */
import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { builtInPlan } from '../../core/example';
import { itemSheetNameNotes, progressSheetName } from '../../core/sheet/writeProgressSheet';
import { yearLabel } from '../../core/japanese';
import type { Plan } from '../../core/plan';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { NewPlanPart } from './NewPlanPart';
import { useSectionStyles } from './sectionStyles';

/** How an item is offered: "12 施設の統廃合". */
function itemText(item: Plan['items'][number]): string {
  return `${item.no} ${item.name}`;
}

export function TemplateSection({ onCreated }: { onCreated?: () => void }) {
  const styles = useSectionStyles();
  const { host, run, running, info, notify } = usePane();
  const workbookPlan = info?.plan ?? null;
  const planProblem = info?.planProblem ?? null;
  const plan = useMemo(() => workbookPlan ?? builtInPlan(), [workbookPlan]);
  const [itemNo, setItemNo] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [allMissing, setAllMissing] = useState(false);
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear && plan.period.includes(chosenYear) ? chosenYear : (info?.year ?? plan.period[0]);

  const existing = new Set(info?.itemNos ?? []);
  const missing = plan.items.filter((item) => !existing.has(item.no));
  const matches = plan.items.filter((item) => itemText(item).includes(query.trim()));
  const ready = planProblem === null && (allMissing ? missing.length > 0 : itemNo !== null);

  const start = async () => {
    const itemNos = allMissing ? missing.map((item) => item.no) : itemNo !== null ? [itemNo] : [];
    const names = await run(LABELS.sections.template, (options) =>
      host.createTemplate({ ...options, plan, year, itemNos }),
    );
    if (!names) return;
    const created = plan.items.filter((item) => names.includes(progressSheetName(item.no, item.name)));
    const notes = itemSheetNameNotes(created);
    notify({
      intent: notes.length > 0 ? 'warning' : 'success',
      text: names.length === 0 ? LABELS.templateNothing : [LABELS.templateCreated(names), ...notes].join('\n'),
    });
    onCreated?.();
  };

  return (
    <div className={styles.section}>
      <Text size={200} className={styles.hint}>
        {LABELS.templateHint}
      </Text>
      {planProblem !== null && (
        <MessageBar intent="error" data-testid="template-plan-problem">
          <MessageBarBody className={styles.lines}>
            {[LABELS.templatePlanProblem, planProblem].join('\n')}
          </MessageBarBody>
        </MessageBar>
      )}
      {!workbookPlan && planProblem === null && (
        <MessageBar intent="info">
          <MessageBarBody>{LABELS.templateBuiltInPlan}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={LABELS.templateItem}>
        <Combobox
          disabled={allMissing}
          placeholder={LABELS.templateSearch}
          value={query}
          selectedOptions={itemNo === null ? [] : [itemNo]}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          onOptionSelect={(_, data) => {
            setItemNo(data.optionValue ?? null);
            setQuery(data.optionText ?? '');
          }}
          data-testid="template-item"
        >
          {matches.map((item) => (
            <Option key={item.no} value={item.no} text={itemText(item)}>
              {itemText(item)}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Checkbox
        checked={allMissing}
        onChange={(_, data) => setAllMissing(Boolean(data.checked))}
        label={LABELS.templateAllMissing(missing.length)}
      />
      <Field label={LABELS.templateYear}>
        <Dropdown
          value={yearLabel(year)}
          selectedOptions={[String(year)]}
          onOptionSelect={(_, data) => data.optionValue && setYear(Number(data.optionValue))}
        >
          {plan.period.map((each) => (
            <Option key={each} value={String(each)}>
              {yearLabel(each)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="primary" disabled={running !== null || !ready} onClick={start} data-testid="template-button">
        {LABELS.templateButton}
      </Button>
      <NewPlanPart onCreated={onCreated} />
    </div>
  );
}
