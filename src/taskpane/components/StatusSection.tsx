/**
 * 提出状況: per department 未提出・入力中・完了, and for each item still being filled the fields of
 * the year that are blank. Reads the workbook; changes nothing.
 */
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DEPARTMENT_STATES, type DepartmentState, type StatusBoard } from '../../actions/status';
import { yearCode } from '../../core/fiscalYear';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { SectionStart } from './SectionStart';
import { useSectionStyles } from './sectionStyles';

export function StatusSection() {
  const styles = useSectionStyles();
  const { host, run } = usePane();
  const [board, setBoard] = useState<StatusBoard | null>(null);
  const status = host.status;

  const start = async () => {
    if (!status) return;
    const result = await run(LABELS.sections.status, (options) => status(options));
    if (result) setBoard(result);
  };

  const count = (state: DepartmentState) => board?.departments.filter((entry) => entry.state === state).length ?? 0;
  const open = board?.departments.filter((entry) => entry.state !== DEPARTMENT_STATES.done) ?? [];
  return (
    <div className={styles.section}>
      <SectionStart hint={LABELS.statusHint} label={LABELS.statusButton} testId="status-button" onStart={start} />
      {board && (
        <>
          <Text weight="semibold" data-testid="status-counts">
            {LABELS.statusCounts(
              yearCode(board.year),
              count(DEPARTMENT_STATES.done),
              count(DEPARTMENT_STATES.filling),
              count(DEPARTMENT_STATES.missing),
            )}
          </Text>
          {open.length === 0 ? (
            <Text>{LABELS.statusAllDone}</Text>
          ) : (
            <ul data-testid="status-list">
              {open.map((department) => (
                <li key={department.department}>
                  <Text weight="semibold">{`${department.state} ${department.department}`}</Text>
                  <ul>
                    {department.items
                      .filter((item) => item.book === null || item.blank.length > 0)
                      .map((item) => (
                        <li key={item.itemNo}>
                          <Text size={200}>
                            {`${LABELS.statusItem(item.itemNo, item.name)}: ${
                              item.book === null ? LABELS.statusNoSheet : LABELS.statusBlank(item.blank)
                            }`}
                          </Text>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
