import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { HandoffContext } from '../../lib/checklist/context';
import type { Template } from '../../lib/checklist/template';
import type { Locale } from '../../lib/checklist/template-plain';
import { type FieldError, type RawAnswers, validateAnswers } from '../../lib/checklist/validate';
import type { HandsSummary } from '../../lib/history/hands';
import type { PostFailure } from '../../lib/messaging';
import { pluralForm } from '../../lib/plural';
import { afterPaint } from '../after-paint';
import { failureMessage } from '../failure-message';
import type { Translate } from '../translate';
import { FieldControl } from './field-control';
import { HistoryLine, isHot, reasonHint } from './history-line';

export type CompleteResult =
  | { status: 'done' }
  | { status: 'invalid'; fields: string[] }
  | { status: 'failed'; failure: PostFailure; summaryText: string }
  | { status: 'lost' };

export interface ChecklistDialogProps {
  template: Template;
  locale: Locale;
  t: Translate;
  siteName: string;
  context: HandoffContext;
  tickets: string[];
  initialAnswers: RawAnswers;
  draftRestored: boolean;
  initialFailure?: PostFailure;
  /** How often the ticket changed hands lately; null until its history arrives, or when there is none. */
  hands?: HandsSummary | null;
  /** Why the last Cancel, Reassign without the comment or Skip did not take effect. */
  actionFailure?: string | null;
  onDraft(answers: RawAnswers): void;
  onComplete(answers: RawAnswers): Promise<CompleteResult>;
  onCancel(): void;
  onReleaseAnyway(): void;
  onCopy(text: string): Promise<void>;
  /** Present when the site's enforcement is "remind": the user may skip, saying why. */
  onSkip?: (reason: string) => void;
  /** The hold shown: when it changes (a stand-in gives way to the real hold), the dialog starts again from the new one. */
  holdId: string;
  /**
   * Drawn ahead for a stand-in hold in a frame no one sees yet (stand-in.ts): laid out but hidden, and
   * taking no focus, until the real hold replaces it.
   */
  waiting?: boolean;
}

type Phase =
  | { kind: 'editing' }
  | { kind: 'posting' }
  | { kind: 'failed'; failure: PostFailure; summaryText: string }
  | { kind: 'lost' };

export function errorMessage(error: FieldError, t: Translate, locale: Locale): string {
  switch (error.code) {
    case 'required':
      return t('errorRequired');
    case 'too_short':
      return t(`errorTooShort${pluralForm(locale, error.min)}`, [String(error.min), String(error.length)]);
    case 'too_long':
      return t(`errorTooLong${pluralForm(locale, error.max)}`, [String(error.max), String(error.length)]);
    case 'invalid_choice':
      return t('errorInvalidChoice');
    case 'invalid_url':
      return t('errorInvalidUrl', [String(error.line), error.value]);
  }
}

const FOCUSABLE = 'select, textarea, input, button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

export function ChecklistDialog(props: ChecklistDialogProps) {
  const { template, locale, t, context } = props;
  const [answers, setAnswers] = useState<RawAnswers>(props.initialAnswers);
  // What was typed last, read by the handlers: a click may arrive before React has rendered the
  // keystroke just before it, and a handler from that render must not complete without it.
  const typed = useRef(answers);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [phase, setPhase] = useState<Phase>(
    props.initialFailure
      ? { kind: 'failed', failure: props.initialFailure, summaryText: '' }
      : { kind: 'editing' },
  );
  const [copied, setCopied] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const [skipReason, setSkipReason] = useState('');
  const typedReason = useRef(skipReason);
  const [skipError, setSkipError] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  const busy = phase.kind === 'posting';
  // Nothing was typed into a stand-in (it is hidden and its frame inert): the real hold's draft and
  // failure are what the dialog starts from.
  const [shownHold, setShownHold] = useState(props.holdId);
  if (shownHold !== props.holdId) {
    setShownHold(props.holdId);
    typed.current = props.initialAnswers;
    setAnswers(props.initialAnswers);
    setErrors({});
    setPhase(
      props.initialFailure
        ? { kind: 'failed', failure: props.initialFailure, summaryText: '' }
        : { kind: 'editing' },
    );
  }

  // Modal before the first paint, so the click → checklist time (DESIGN.md §9) does not grow: the
  // frame's page behind it is inert and out of the accessibility tree. A stand-in is modal already (its
  // frame is inert, so it takes no focus), and laid out now, while the frame waits: showing the real
  // hold then changes only what differs.
  const waiting = props.waiting ?? false;
  useLayoutEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    if (waiting) dialog.current?.getBoundingClientRect();
  }, [waiting]);

  // Focus moves once the dialog has been painted: taking it blurs the host page, whose own work on that
  // (Jira closes its edit view) had delayed the paint by 5–25 ms. Keys typed on the page meanwhile never
  // reach the host (lib/guard/ui-capture.ts).
  useEffect(() => {
    if (waiting) return;
    return afterPaint(() => {
      window.focus();
      dialog.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    });
  }, [waiting]);

  // Esc cancels. While the comment is posting there is nothing to cancel: it may already be on the
  // ticket, and its reassign must follow.
  const cancel = useRef(props.onCancel);
  cancel.current = busy ? () => undefined : props.onCancel;
  useEffect(() => {
    const element = dialog.current;
    // Esc is taken on the key going down, which keeps it from becoming the dialog's close request:
    // Chromium lets a page refuse only one close request per user activation (the `cancel` event is
    // then not cancelable and the dialog closes itself), and a Tab is no activation, so after tabbing
    // through the fields, or a second Esc while the comment posts, a native close would empty the
    // frame while it still covers the page.
    // Tab wraps at the dialog's edges: a modal dialog keeps focus inside its own document only, and
    // this document is a frame, so Tab past the last control would go on into the host page.
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancel.current();
      } else if (event.key === 'Tab' && element) {
        const items = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        const inside = element.contains(document.activeElement);
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault();
          first.focus();
        }
      }
    }
    // Any other close request the browser makes goes the way Esc does; the dialog stays until the
    // background ends the hold and the frame goes.
    function onCancel(event: Event) {
      event.preventDefault();
      cancel.current();
    }
    document.addEventListener('keydown', onKey);
    element?.addEventListener('cancel', onCancel);
    return () => {
      document.removeEventListener('keydown', onKey);
      element?.removeEventListener('cancel', onCancel);
    };
  }, []);

  function change(fieldId: string, value: string) {
    const next = { ...typed.current, [fieldId]: value };
    typed.current = next;
    setAnswers(next);
    props.onDraft(next);
    if (errors[fieldId]) {
      const result = validateAnswers(template, next);
      setErrors(
        result.ok ? {} : Object.fromEntries(Object.entries(result.errors).filter(([id]) => errors[id])),
      );
    }
  }

  async function complete() {
    if (busy) return;
    const latest = typed.current;
    const result = validateAnswers(template, latest);
    if (!result.ok) {
      setErrors(result.errors);
      const firstInvalid = template.fields.find((field) => result.errors[field.id]);
      if (firstInvalid) document.getElementById(`field-${firstInvalid.id}`)?.focus();
      return;
    }
    setErrors({});
    setPhase({ kind: 'posting' });
    const outcome = await props
      .onComplete(latest)
      .catch((): CompleteResult => ({ status: 'failed', failure: { kind: 'no_tab' }, summaryText: '' }));
    if (outcome.status === 'failed')
      setPhase({ kind: 'failed', failure: outcome.failure, summaryText: outcome.summaryText });
    else if (outcome.status === 'lost') setPhase({ kind: 'lost' });
    else if (outcome.status === 'invalid') setPhase({ kind: 'editing' });
  }

  async function copy(text: string) {
    await props.onCopy(text);
    setCopied(true);
  }

  const ticketLine = context.title ? `${context.ticketKey} — ${context.title}` : context.ticketKey;
  const extraTickets = props.tickets.filter((key) => key !== context.ticketKey);
  const hasErrors = Object.keys(errors).length > 0;
  const hands = props.hands ?? null;

  return (
    <dialog
      ref={dialog}
      className={waiting ? 'dialog waiting' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={introId}
      aria-busy={busy || undefined}
    >
      <h2 id={titleId}>{t('checklistTitle')}</h2>
      <p id={introId} className="intro">
        {t('checklistIntro')}
      </p>
      <dl className="context">
        <div>
          <dt>{t('contextTicket')}</dt>
          <dd>
            {ticketLine}
            {extraTickets.length > 0 ? ` + ${extraTickets.join(', ')}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('contextFrom')}</dt>
          <dd>{context.from?.name || t('unassigned')}</dd>
        </div>
        <div>
          <dt>{t('contextTo')}</dt>
          <dd>{context.to ? context.to.name || t('unknownPerson') : t('unassigned')}</dd>
        </div>
      </dl>
      {hands ? <HistoryLine hands={hands} t={t} locale={locale} /> : null}
      {props.draftRestored ? (
        <p className="notice" role="status">
          {t('draftRestored')}
        </p>
      ) : null}
      {hasErrors ? (
        <p className="error-summary" role="alert">
          {t('errorSummary')}
        </p>
      ) : null}
      <div className="fields">
        {template.fields.map((field) => (
          <FieldControl
            key={field.id}
            field={field}
            locale={locale}
            value={answers[field.id] ?? ''}
            error={errors[field.id] ? errorMessage(errors[field.id] as FieldError, t, locale) : null}
            optionalText={t('optional')}
            chooseText={t('chooseOption')}
            listHint={t('listHint')}
            note={field.id === 'reason' && isHot(hands) ? reasonHint(hands, t) : undefined}
            onChange={(value) => change(field.id, value)}
          />
        ))}
      </div>
      {phase.kind === 'posting' ? (
        <p className="notice" role="status">
          {t('posting')}
        </p>
      ) : null}
      {phase.kind === 'lost' ? (
        <p className="failure" role="alert">
          {t('holdLost')}
        </p>
      ) : null}
      {phase.kind === 'failed' && phase.failure.kind === 'reassign' ? (
        <div className="failure" role="alert">
          <p>{t('reassignFailed', [failureMessage(phase.failure, props.siteName, t)])}</p>
          <div className="failure-actions">
            <button type="button" onClick={() => void complete()}>
              {t('retryReassign')}
            </button>
          </div>
        </div>
      ) : null}
      {phase.kind === 'failed' && phase.failure.kind !== 'reassign' ? (
        <div className="failure" role="alert">
          <p>{t('postFailed', [failureMessage(phase.failure, props.siteName, t)])}</p>
          <div className="failure-actions">
            <button type="button" onClick={() => void complete()}>
              {t('retry')}
            </button>
            {phase.summaryText ? (
              <button type="button" onClick={() => void copy(phase.summaryText)}>
                {t('copySummary')}
              </button>
            ) : null}
            <button type="button" onClick={props.onReleaseAnyway}>
              {t('releaseWithoutComment')}
            </button>
          </div>
          {copied ? <p role="status">{t('copied')}</p> : null}
        </div>
      ) : null}
      {props.onSkip && skipping ? (
        <div className="skip">
          <label htmlFor="skip-reason">{t('skipReasonLabel')}</label>
          <textarea
            id="skip-reason"
            rows={2}
            value={skipReason}
            aria-invalid={skipError || undefined}
            aria-describedby={skipError ? 'skip-reason-error' : undefined}
            onChange={(event) => {
              typedReason.current = event.target.value;
              setSkipReason(event.target.value);
            }}
          />
          {skipError ? (
            <p className="error" id="skip-reason-error">
              {t('skipReasonRequired')}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => {
              const reason = typedReason.current.trim();
              if (reason === '') setSkipError(true);
              else props.onSkip?.(reason);
            }}
          >
            {t('skipConfirm')}
          </button>
        </div>
      ) : null}
      {props.actionFailure ? (
        <p className="failure" role="alert">
          {props.actionFailure}
        </p>
      ) : null}
      <div className="actions">
        {props.onSkip && !skipping && phase.kind === 'editing' ? (
          <button type="button" className="link" onClick={() => setSkipping(true)}>
            {t('skipOffer')}
          </button>
        ) : null}
        <button type="button" className="secondary" disabled={busy} onClick={props.onCancel}>
          {phase.kind === 'lost' ? t('close') : t('cancel')}
        </button>
        {phase.kind === 'lost' ? null : (
          <button type="button" className="primary" disabled={busy} onClick={() => void complete()}>
            {t('completeHandoff')}
          </button>
        )}
      </div>
    </dialog>
  );
}
