import { type ReactNode, useEffect, useRef, useState } from 'react';
import { translate as t } from '../translate';

// Small pieces every section of the options page uses.

export type Status = { text: string; error: boolean } | null;

/** A section's last result: read out politely when it is news, at once when it is an error. */
export function StatusLine({ status }: { status: Status }) {
  return (
    <>
      <p className="note" role="status">
        {status && !status.error ? status.text : ''}
      </p>
      {status?.error ? (
        <p className="note error" role="alert">
          {status.text}
        </p>
      ) : null}
    </>
  );
}

/** Shown in a section whose settings an administrator's policy sets; its controls are disabled. */
export function LockedNote({ id }: { id: string }) {
  return (
    <p className="locked-note" id={id}>
      <svg className="lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z" />
      </svg>
      {t('optionsLocked')}
    </p>
  );
}

/**
 * Asks before something that cannot be undone. Focus goes to the safe answer; keeping returns focus
 * to where the question came from.
 */
export function Confirm({
  question,
  confirmLabel,
  onConfirm,
  onKeep,
}: {
  question: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onKeep(): void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <fieldset
      className="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onKeep();
        }
      }}
    >
      <legend>{question}</legend>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={keep} onClick={onKeep}>
          {t('optionsKeep')}
        </button>
      </div>
    </fieldset>
  );
}

/** A transient status for a section, cleared by the next action. */
export function useStatus(): [Status, (text: string, error?: boolean) => void, () => void] {
  const [status, setStatus] = useState<Status>(null);
  return [status, (text, error = false) => setStatus({ text, error }), () => setStatus(null)];
}

/** Focus an element by id once React has put it on screen (after a move or a removal). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Offers text as a file download, the way a link with `download` does. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give the browser a moment before revoking.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's local date for file names: baton-metrics-2026-11-24.csv. */
export function fileDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
