/**
 * What the pane knows about the workbook and the host: the plan's title, the year being checked,
 * how many 進捗状況シート, and the ExcelApi level, with a plain message for what is unavailable.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { checkPeriodLabel } from '../../core/japanese';
import { FEATURE_VERSIONS, MINIMUM_VERSION } from '../../host/apiLevel';
import { LABELS } from '../../host/labels';
import { usePane } from '../PaneContext';
import { useSectionStyles } from './sectionStyles';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
});

/** The unavailable features of a host, as Japanese sentences. */
export function unavailableFeatures(supports: (version: string) => boolean): string[] {
  return Object.values(FEATURE_VERSIONS)
    .filter((feature) => !supports(feature.version))
    .map((feature) => LABELS.featureUnavailable(feature.name, feature.version));
}

export function InfoSection({ onReload }: { onReload: () => void }) {
  const styles = { ...useSectionStyles(), ...useStyles() };
  const { host, info, running } = usePane();
  const tooOld = !host.supports(MINIMUM_VERSION);
  const missing = unavailableFeatures((version) => host.supports(version));
  return (
    <div className={styles.section} data-testid="info">
      <dl className={styles.facts}>
        <dt className={styles.term}>{LABELS.plan}</dt>
        <dd className={styles.value} data-testid="info-plan">
          {info?.plan?.title ?? LABELS.none}
        </dd>
        <dt className={styles.term}>{LABELS.year}</dt>
        <dd className={styles.value} data-testid="info-year">
          {info?.year ? checkPeriodLabel(info.year) : LABELS.none}
        </dd>
        <dt className={styles.term}>{LABELS.sheets}</dt>
        <dd className={styles.value}>{info ? LABELS.sheetCount(info.itemNos.length) : LABELS.none}</dd>
        <dt className={styles.term}>{LABELS.apiLevel}</dt>
        <dd className={styles.value} data-testid="info-api">
          {host.apiVersion ? LABELS.apiVersion(host.apiVersion) : LABELS.unknown}
        </dd>
      </dl>
      {tooOld && (
        <MessageBar intent="error">
          <MessageBarBody>{LABELS.tooOld(MINIMUM_VERSION)}</MessageBarBody>
        </MessageBar>
      )}
      {!tooOld &&
        missing.map((text) => (
          <MessageBar key={text} intent="warning">
            <MessageBarBody>{text}</MessageBarBody>
          </MessageBar>
        ))}
      {info?.notice && (
        <MessageBar intent="info">
          <MessageBarBody>{info.notice}</MessageBarBody>
        </MessageBar>
      )}
      <Button size="small" disabled={running !== null} onClick={onReload}>
        {LABELS.reload}
      </Button>
    </div>
  );
}
