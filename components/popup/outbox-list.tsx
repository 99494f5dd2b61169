import { useEffect, useRef, useState } from 'react';
import { isPermanent } from '../../lib/background/outbox';
import { sendToBackground } from '../../lib/messaging';
import type { OutboxEntry } from '../../lib/storage/items';
import { failureMessage } from '../failure-message';
import { translate as t } from '../translate';
import type { Formats } from './format';
import { siteName } from './site-name';

// Handoff comments that have not reached their ticket. The popup only asks: the background owns the
// outbox, and an entry leaves the list when the background removes it (storage watch).

type Status =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'note'; text: string; error: boolean };

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

function OutboxItem({ entry, format, now }: { entry: OutboxEntry; format: Formats; now: number }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const keepButton = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const ids = { handoffId: entry.handoffId, ticketKey: entry.ticketKey };
  const site = siteName(entry.site);

  useEffect(() => {
    if (status.kind === 'confirm') keepButton.current?.focus();
  }, [status.kind]);

  async function ask(type: 'outbox:retry' | 'outbox:discard', done: string): Promise<void> {
    setStatus({ kind: 'busy' });
    try {
      const answer = await sendToBackground(type, ids);
      setStatus(
        answer.ok
          ? { kind: 'note', text: done, error: false }
          : { kind: 'note', text: t('popupOutboxNoAnswer'), error: true },
      );
    } catch {
      setStatus({ kind: 'note', text: t('popupOutboxNoAnswer'), error: true });
    }
  }

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(entry.summaryText);
      setStatus({ kind: 'note', text: t('popupOutboxCopied'), error: false });
    } catch {
      setStatus({ kind: 'note', text: t('popupOutboxCopyFailed'), error: true });
    }
  }

  function keep(): void {
    setStatus({ kind: 'idle' });
    // Back to the button that asked, so keyboard users stay where they were.
    requestAnimationFrame(() => discardButton.current?.focus());
  }

  return (
    <li>
      <p className="outbox-ticket">
        <strong>{entry.ticketKey}</strong>
        <span className="site">{site}</span>
        <span className="muted">{hostOf(entry.origin)}</span>
      </p>
      <p className="muted meta">
        <span>{t('popupOutboxCreated', [format.ago(entry.createdAt, now)])}</span>
        <span>
          {entry.lastFailure
            ? t('popupOutboxLastFailure', [failureMessage(entry.lastFailure, site, t)])
            : t('popupOutboxNotTried')}
        </span>
      </p>
      {entry.released ? <p className="muted">{t('popupOutboxReleased')}</p> : null}
      {entry.stranded ? <p className="muted">{t('popupOutboxStranded')}</p> : null}
      {isPermanent(entry.lastFailure) ? <p className="needs-hand">{t('popupOutboxNeedsHand')}</p> : null}
      {status.kind === 'confirm' ? (
        <fieldset className="confirm">
          <legend>{t('popupOutboxConfirm', [entry.ticketKey])}</legend>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void ask('outbox:discard', '')}>
              {t('popupOutboxConfirmYes')}
            </button>
            <button type="button" ref={keepButton} onClick={keep}>
              {t('popupOutboxConfirmNo')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <button
            type="button"
            disabled={status.kind === 'busy'}
            onClick={() => void ask('outbox:retry', t('popupOutboxRetryAsked'))}
          >
            {status.kind === 'busy' ? t('popupOutboxRetrying') : t('popupOutboxRetry')}
          </button>
          <button type="button" onClick={() => void copy()}>
            {t('popupOutboxCopy')}
          </button>
          <button
            type="button"
            ref={discardButton}
            disabled={status.kind === 'busy'}
            onClick={() => setStatus({ kind: 'confirm' })}
          >
            {t('popupOutboxDiscard')}
          </button>
        </div>
      )}
      <p className={status.kind === 'note' && status.error ? 'note error' : 'note'} role="status">
        {status.kind === 'note' ? status.text : ''}
      </p>
    </li>
  );
}

export function OutboxList({
  entries,
  format,
  now,
}: {
  entries: readonly OutboxEntry[];
  format: Formats;
  now: number;
}) {
  if (entries.length === 0) return null;
  const newestFirst = [...entries].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="card outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">
        {t('popupOutboxTitle')} <span className="badge">{format.number(entries.length)}</span>
      </h2>
      <p className="muted">{t('popupOutboxHint')}</p>
      <ul>
        {newestFirst.map((entry) => (
          <OutboxItem
            key={`${entry.handoffId}\u0000${entry.ticketKey}`}
            entry={entry}
            format={format}
            now={now}
          />
        ))}
      </ul>
    </section>
  );
}
