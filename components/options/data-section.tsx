import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { sendToBackground } from '../../lib/messaging';
import { type MetricEvent, metricEventSchema } from '../../lib/metrics/event';
import { eventsToCsv, eventsToJson } from '../../lib/metrics/export';
import { type DayBucket, dayBucketsSchema } from '../../lib/metrics/retention';
import { eventsItem } from '../../lib/storage/items';
import { KEYS } from '../../lib/storage/keys';
import { translate as t, translateCount } from '../translate';
import { Confirm, downloadText, fileDate, focusSoon, LockedNote, StatusLine, useStatus } from './parts';
import { parseRetention, RETENTION_MAX, RETENTION_MIN } from './settings-edit';
import type { OptionsData, SaveSettings } from './use-options';

// Metrics export, retention and clearing. Everything stays in the browser: an export is a file the
// person saves themselves.

const archiveSchema = z.array(metricEventSchema);

/** Every stored event, oldest first (the archive holds the older ones), and the per-day counts. */
async function loadMetrics(): Promise<{ events: MetricEvent[]; buckets: DayBucket[] }> {
  const [recent, archive, buckets] = await Promise.all([
    eventsItem.get(),
    storage.getItem<unknown>(KEYS.eventArchive),
    storage.getItem<unknown>(KEYS.eventBuckets),
  ]);
  const archived = z.safeParse(archiveSchema, archive ?? []);
  const days = z.safeParse(dayBucketsSchema, buckets ?? []);
  const events = [...(archived.success ? archived.data : []), ...recent].sort((a, b) => a.at - b.at);
  return { events, buckets: days.success ? days.data : [] };
}

type Clearing = 'metrics' | 'everything' | null;

export function DataSection({ data, save }: { data: OptionsData; save: SaveSettings }) {
  const retentionLocked = data.locked.includes('retentionDays');
  const stored = String(data.settings.retentionDays);
  const [retention, setRetention] = useState(stored);
  const [editing, setEditing] = useState(false);
  const [retentionError, setRetentionError] = useState(false);
  const [confirming, setConfirming] = useState<Clearing>(null);
  const [status, say] = useStatus();

  useEffect(() => {
    if (!editing) setRetention(stored);
  }, [stored, editing]);

  async function exportAs(format: 'csv' | 'json') {
    try {
      const { events, buckets } = await loadMetrics();
      const name = `baton-metrics-${fileDate()}.${format}`;
      if (format === 'csv') downloadText(name, eventsToCsv(events, { bom: true }), 'text/csv;charset=utf-8');
      else downloadText(name, eventsToJson(events, buckets), 'application/json');
      say(translateCount('optionsExported', events.length, [String(events.length)]));
    } catch {
      say(t('optionsExportFailed'), true);
    }
  }

  async function commitRetention() {
    setEditing(false);
    const days = parseRetention(retention);
    if (days === null) {
      setRetentionError(true);
      return;
    }
    setRetentionError(false);
    setRetention(String(days));
    if (String(days) === stored) return;
    const ok = await save({ retentionDays: days });
    say(ok ? t('optionsSaved') : t('optionsSaveFailed'), !ok);
  }

  async function clear(what: 'metrics' | 'everything') {
    setConfirming(null);
    const answer = await sendToBackground('data:clear', { what }).catch(() => ({ ok: false }));
    say(
      answer.ok
        ? t(what === 'metrics' ? 'optionsClearedMetrics' : 'optionsClearedEverything')
        : t('optionsSaveFailed'),
      !answer.ok,
    );
    focusSoon(`clear-${what}`);
  }

  return (
    <section aria-labelledby="data-heading" className="card">
      <h2 id="data-heading">{t('optionsDataTitle')}</h2>
      <p className="muted">{t('optionsDataIntro')}</p>

      <h3>{t('optionsExportTitle')}</h3>
      <div className="actions">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('optionsExportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('optionsExportJson')}
        </button>
      </div>

      <h3>{t('optionsRetentionTitle')}</h3>
      {retentionLocked ? <LockedNote id="retention-locked" /> : null}
      <form
        className="field inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void commitRetention();
        }}
      >
        <label htmlFor="retention">{t('optionsRetentionLabel')}</label>
        <input
          id="retention"
          type="number"
          inputMode="numeric"
          min={RETENTION_MIN}
          max={RETENTION_MAX}
          step={1}
          value={retention}
          disabled={retentionLocked}
          aria-invalid={retentionError || undefined}
          aria-describedby={[
            'retention-hint',
            retentionError ? 'retention-error' : '',
            retentionLocked ? 'retention-locked' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          onFocus={() => setEditing(true)}
          onChange={(event) => setRetention(event.target.value)}
          onBlur={() => void commitRetention()}
        />
        <p className="hint" id="retention-hint">
          {t('optionsRetentionHint', [String(RETENTION_MIN), String(RETENTION_MAX)])}
        </p>
        {retentionError ? (
          <p className="error" id="retention-error" role="alert">
            {t('optionsRetentionInvalid', [String(RETENTION_MIN), String(RETENTION_MAX)])}
          </p>
        ) : null}
      </form>

      <h3>{t('optionsClearTitle')}</h3>
      <p className="muted">{t('optionsClearIntro')}</p>
      {confirming ? (
        <Confirm
          question={t(
            confirming === 'metrics' ? 'optionsClearMetricsConfirm' : 'optionsClearEverythingConfirm',
          )}
          confirmLabel={t(confirming === 'metrics' ? 'optionsClearMetricsYes' : 'optionsClearEverythingYes')}
          onConfirm={() => void clear(confirming)}
          onKeep={() => {
            focusSoon(`clear-${confirming}`);
            setConfirming(null);
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            id="clear-metrics"
            className="danger"
            onClick={() => setConfirming('metrics')}
          >
            {t('optionsClearMetrics')}
          </button>
          <button
            type="button"
            id="clear-everything"
            className="danger"
            onClick={() => setConfirming('everything')}
          >
            {t('optionsClearEverything')}
          </button>
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}
