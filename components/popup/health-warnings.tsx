import { useState } from 'react';
import { browser } from 'wxt/browser';
import { translate as t } from '../translate';
import type { Formats } from './format';
import type { Health } from './popup-data';
import { siteName } from './site-name';

// A site whose expected page elements were missing on the last visit (DESIGN.md §4c). The report is
// data for whoever maintains the adapters (element ids, versions), so it is JSON, not translated text.

function healthReport(site: string, missing: readonly string[], at: number): string {
  return JSON.stringify({
    extension: 'baton',
    version: browser.runtime.getManifest().version,
    site,
    missing,
    checkedAt: new Date(at).toISOString(),
    browser: navigator.userAgent,
  });
}

function Warning({
  site,
  missing,
  at,
  format,
  now,
}: {
  site: string;
  missing: readonly string[];
  at: number;
  format: Formats;
  now: number;
}) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const report = healthReport(site, missing, at);
  const headingId = `health-${site}`;
  return (
    <section className="warning" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('popupHealthTitle', [siteName(site)])}</h2>
      <p>{t('popupHealthBody', [format.ago(at, now), missing.join(', ')])}</p>
      <details>
        <summary>{t('popupHealthReport')}</summary>
        <pre className="report">{report}</pre>
      </details>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(report).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('popupHealthCopy')}
        </button>
        <span className="note" role="status">
          {copied === null ? '' : copied ? t('copied') : t('popupOutboxCopyFailed')}
        </span>
      </div>
    </section>
  );
}

export function HealthWarnings({ health, format, now }: { health: Health; format: Formats; now: number }) {
  const unhealthy = Object.entries(health).filter(([, state]) => state.missing.length > 0);
  if (unhealthy.length === 0) return null;
  return (
    <>
      {unhealthy.map(([site, state]) => (
        <Warning key={site} site={site} missing={state.missing} at={state.at} format={format} now={now} />
      ))}
    </>
  );
}
