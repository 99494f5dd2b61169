import { useEffect, useMemo, useState } from 'react';
import { uiLocale } from '../../lib/locale';
import { type Aggregate, aggregate } from '../../lib/metrics/aggregate';
import { currentZone } from '../../lib/metrics/local-day';
import { afterPaint } from '../after-paint';
import { translate as t, translateCount } from '../translate';
import { ByReason, BySite, NotCompleted } from './breakdowns';
import { EmptyState } from './empty-state';
import { Figure } from './figure';
import { formats } from './format';
import { HealthWarnings } from './health-warnings';
import { HotPotatoes } from './hot-potatoes';
import { OutboxList } from './outbox-list';
import type { PopupData } from './popup-data';
import { Received } from './received';
import { SiteAccess } from './site-access';
import { StorageProblem } from './storage-problem';
import { TrendChart } from './trend-chart';
import { useHostCounts } from './use-host-counts';
import { usePopupData } from './use-popup-data';

/** Marked when the main figures are first on screen, so the §9 budget can be measured end to end. */
const FIGURES_MARK = 'baton:popup-figures';

/**
 * The metrics popup: the three main figures first (DESIGN.md §6, §8), then what needs the user (site
 * health, the outbox), then the 30-day trend, hot potatoes and the breakdowns.
 */
export function Popup({ first }: { first?: Promise<PopupData> }) {
  const data = usePopupData(first);
  const locale = uiLocale();
  const format = useMemo(() => formats(locale), [locale]);
  const now = useMemo(() => (data ? Date.now() : 0), [data]);
  const week = data?.figures ?? null;
  // The rest (trend, hot potatoes, breakdowns) needs the whole log and is worked out once the main
  // figures are on screen: DESIGN.md §9 gives them 200 ms with 50,000 events stored.
  const [result, setResult] = useState<Aggregate | null>(null);
  const hostCounts = useHostCounts(result !== null);
  useEffect(() => {
    if (!data?.complete) return;
    return afterPaint(() =>
      setResult(aggregate(data.events, { now, zone: currentZone(), buckets: data.buckets })),
    );
  }, [data, now]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const ready = week !== null;
  useEffect(() => {
    if (ready) performance.mark(FIGURES_MARK);
  }, [ready]);

  if (!data || !week) return null;
  const noData = t('noData');
  const empty = data.complete && data.events.count === 0 && data.buckets.length === 0;

  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
      </header>
      <div className="figures">
        <Figure
          id="handoffs"
          label={t('figureHandoffs')}
          hint={t('figureHandoffsHint')}
          value={format.number(week.handoffs)}
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
      <StorageProblem />
      <SiteAccess />
      <HealthWarnings health={data.health} format={format} now={now} />
      <OutboxList entries={data.outbox} format={format} now={now} />
      <Received locale={locale} />
      {empty ? (
        <EmptyState />
      ) : result ? (
        <>
          <TrendChart aggregate={result} format={format} />
          <HotPotatoes tickets={result.hotPotatoes} hostCounts={hostCounts} format={format} now={now} />
          <ByReason aggregate={result} format={format} locale={locale} />
          <BySite aggregate={result} format={format} />
          <NotCompleted aggregate={result} format={format} />
          {result.allTime.firstDay ? (
            <p className="all-time">
              {translateCount('popupAllTime', result.allTime.guarded, [
                format.dayWithYear(result.allTime.firstDay),
                format.number(result.allTime.completed),
                format.number(result.allTime.guarded),
              ])}
            </p>
          ) : null}
        </>
      ) : null}
      <footer>{t('popupLocalOnly')}</footer>
    </main>
  );
}
