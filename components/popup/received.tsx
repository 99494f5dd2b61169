import { useMemo } from 'react';
import type { Locale } from '../../lib/checklist/template';
import { aggregateReceived } from '../../lib/receiver/aggregate';
import { translate as t } from '../translate';
import { useReceived } from './use-received';

/** A wait in the largest unit that keeps it readable: "45 sec", "12 min", "3 hr", "2 days". */
function formatWait(seconds: number, locale: Locale): string {
  const [value, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.round(seconds / 60), 'minute']
        : seconds < 86_400 * 2
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / 86_400), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** The receiver's side (issue #10): handoffs received, acknowledged, how fast, and passed on unread. */
export function Received({ locale }: { locale: Locale }) {
  const records = useReceived();
  const figures = useMemo(() => (records ? aggregateReceived(records) : null), [records]);
  if (!figures || figures.received === 0) return null;
  const number = new Intl.NumberFormat(locale);
  const rows: [string, string, string][] = [
    ['received', t('popupReceived'), number.format(figures.received)],
    ['acknowledged', t('popupAcknowledged'), number.format(figures.acknowledged)],
    [
      'median-ack',
      t('popupMedianAck'),
      figures.medianAckSeconds === null ? t('noData') : formatWait(figures.medianAckSeconds, locale),
    ],
    ['passed-on', t('popupPassedOnUnacked'), number.format(figures.passedOnUnacknowledged)],
  ];
  return (
    <section className="card" aria-labelledby="received-heading">
      <h2 id="received-heading">{t('popupReceivedTitle')}</h2>
      <p className="muted">{t('popupReceivedHint')}</p>
      <dl className="received">
        {rows.map(([id, label, value]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
