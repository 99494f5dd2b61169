import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import type { Locale } from '../../lib/checklist/template';
import type { Aggregate } from '../../lib/metrics/aggregate';
import { translate as t } from '../translate';
import type { Formats } from './format';
import { siteName } from './site-name';

// By site, by reason and what did not complete, over the last 30 days. The bars are decoration next to
// the numbers (aria-hidden): the text alone reads complete.

interface Row {
  id: string;
  label: string;
  /** 0..1, the solid part of the bar. */
  share: number;
  /** 0..1, a lighter part behind it (e.g. all guarded reassigns behind the completed ones). */
  backShare?: number;
  value: string;
}

function BarList({ rows }: { rows: Row[] }) {
  return (
    <ul className="bars">
      {rows.map((row) => (
        <li key={row.id}>
          <span className="bar-label">{row.label}</span>
          <span className="bar-value">{row.value}</span>
          <span className="bar-track" aria-hidden="true">
            {row.backShare === undefined ? null : (
              <span className="bar-back" style={{ width: `${row.backShare * 100}%` }} />
            )}
            <span className="bar-fill" style={{ width: `${row.share * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

const reasonChoices = SERVICE_HANDOFF.fields.find((field) => field.id === 'reason');

/**
 * The reason's label in the default template, or its id for a choice only a custom template has.
 * (localize() is not imported from lib/checklist/template: that module brings full zod into the popup.)
 */
function reasonLabel(reason: string, locale: Locale): string {
  const choice =
    reasonChoices?.kind === 'choice' ? reasonChoices.choices.find((item) => item.id === reason) : undefined;
  if (!choice) return reason;
  return (locale === 'ko' ? choice.label.ko : undefined) ?? choice.label.en;
}

export function BySite({ aggregate, format }: { aggregate: Aggregate; format: Formats }) {
  if (aggregate.bySite.length === 0) return null;
  const max = Math.max(1, ...aggregate.bySite.map((site) => site.guarded));
  return (
    <section className="card" aria-labelledby="by-site-heading">
      <h2 id="by-site-heading">
        {t('popupBySiteTitle')} <span className="period">{t('popupThirtyDays')}</span>
      </h2>
      <BarList
        rows={aggregate.bySite.map((site) => ({
          id: site.site,
          label: siteName(site.site),
          share: site.completed / max,
          backShare: site.guarded / max,
          value: t('popupBySiteValue', [format.number(site.completed), format.number(site.guarded)]),
        }))}
      />
    </section>
  );
}

export function ByReason({
  aggregate,
  format,
  locale,
}: {
  aggregate: Aggregate;
  format: Formats;
  locale: Locale;
}) {
  const max = Math.max(1, ...aggregate.byReason.map((reason) => reason.completed));
  return (
    <section className="card" aria-labelledby="by-reason-heading">
      <h2 id="by-reason-heading">
        {t('popupByReasonTitle')} <span className="period">{t('popupThirtyDays')}</span>
      </h2>
      {aggregate.byReason.length === 0 ? (
        <p className="muted">{t('popupByReasonNone')}</p>
      ) : (
        <BarList
          rows={aggregate.byReason.map((reason) => ({
            id: reason.reason,
            label: reasonLabel(reason.reason, locale),
            share: reason.completed / max,
            value: format.number(reason.completed),
          }))}
        />
      )}
    </section>
  );
}

export function NotCompleted({ aggregate, format }: { aggregate: Aggregate; format: Formats }) {
  const rows = [
    { id: 'cancelled', label: t('popupOutcomeCancelled'), hint: t('popupOutcomeCancelledHint') },
    { id: 'bypassed', label: t('popupOutcomeBypassed'), hint: t('popupOutcomeBypassedHint') },
    { id: 'post_failed', label: t('popupOutcomePostFailed'), hint: t('popupOutcomePostFailedHint') },
  ] as const;
  return (
    <section className="card" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">
        {t('popupOutcomesTitle')} <span className="period">{t('popupThirtyDays')}</span>
      </h2>
      <dl className="outcomes">
        {rows.map((row) => (
          <div key={row.id}>
            <dt>{row.label}</dt>
            <dd className="count">{format.number(aggregate.window[row.id])}</dd>
            <dd className="hint">{row.hint}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
