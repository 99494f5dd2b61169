import { useEffect, useState } from 'react';
import { uiLocale } from '../../lib/locale';
import type { MetricEvent } from '../../lib/metrics/event';
import { figures } from '../../lib/metrics/summary';
import { isSiteId, SITES } from '../../lib/sites/registry';
import { eventsItem, healthItem, type OutboxEntry, outboxItem } from '../../lib/storage/items';
import { translate as t } from '../translate';
import { Figure } from './figure';

type Health = Awaited<ReturnType<typeof healthItem.get>>;

/** First version of the metrics popup: the three main figures, what waits in the outbox, and site health. */
export function Popup() {
  const [events, setEvents] = useState<MetricEvent[] | null>(null);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [health, setHealth] = useState<Health>({});

  useEffect(() => {
    document.documentElement.lang = uiLocale();
    void eventsItem.get().then(setEvents);
    void outboxItem.get().then(setOutbox);
    void healthItem.get().then(setHealth);
    const stops = [eventsItem.watch(setEvents), outboxItem.watch(setOutbox), healthItem.watch(setHealth)];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);

  if (events === null) return null;
  const now = Date.now();
  const week = figures(events, now);
  const noData = t('noData');
  const unhealthy = Object.entries(health).filter(([, site]) => site.missing.length > 0);

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {unhealthy.map(([site, state]) => (
        <p key={site} className="warning" role="alert">
          {t('healthWarning', [isSiteId(site) ? SITES[site].name : site, state.missing.join(', ')])}
        </p>
      ))}
      <div className="figures">
        <Figure
          id="handoffs"
          label={t('figureHandoffs')}
          hint={t('figureHandoffsHint')}
          value={String(week.handoffs)}
        />
        <Figure
          id="completion-rate"
          label={t('figureCompletionRate')}
          hint={t('figureCompletionRateHint')}
          value={week.completionRate === null ? noData : `${week.completionRate}%`}
        />
        <Figure
          id="median-fill"
          label={t('figureMedianFill')}
          hint={t('figureMedianFillHint')}
          value={week.medianFillSeconds === null ? noData : t('seconds', [String(week.medianFillSeconds)])}
        />
      </div>
      {outbox.length > 0 ? <p className="outbox">{t('outboxWaiting', [String(outbox.length)])}</p> : null}
      {events.length === 0 ? <p className="empty">{t('emptyState')}</p> : null}
    </main>
  );
}
