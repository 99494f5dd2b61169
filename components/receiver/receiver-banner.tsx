import { useEffect, useId, useLayoutEffect, useMemo, useState } from 'react';
import { uiLocale } from '../../lib/locale';
import { type PostFailure, type Response, sendToBackground } from '../../lib/messaging';
import { failureMessage } from '../failure-message';
import { formats } from '../popup/format';
import { siteName } from '../popup/site-name';
import { translate as t } from '../translate';

type Found = Extract<Response<'receiver:get'>, { found: true }>;
type Stage = 'idle' | 'asking' | 'sending' | 'asked';

/** The frame is only as tall as the banner: the tab resizes it from this message (origin-checked there). */
function useReportHeight(): void {
  useLayoutEffect(() => {
    const report = () =>
      window.parent.postMessage(
        { baton: 'receiver-height', height: Math.ceil(document.documentElement.scrollHeight) },
        '*',
      );
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, []);
}

/**
 * The receiver's banner over a ticket (issue #10): who handed it over, when, the next action, and
 * Acknowledge / Ask a question / Dismiss. The background posts the reply through the tab.
 */
export function ReceiverBanner({ handoffId }: { handoffId: string }) {
  const [handoff, setHandoff] = useState<Found | null>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [question, setQuestion] = useState('');
  const [failure, setFailure] = useState<PostFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = uiLocale();
  const format = useMemo(() => formats(locale), [locale]);
  const questionId = useId();
  useReportHeight();

  useEffect(() => {
    document.documentElement.lang = locale;
    void sendToBackground('receiver:get', { handoffId })
      .then((found) => setHandoff(found.found ? found : null))
      .catch(() => setHandoff(null));
  }, [handoffId, locale]);

  if (!handoff) return null;

  async function act(action: 'ack' | 'question' | 'dismiss', text?: string) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await sendToBackground('receiver:act', {
      handoffId,
      action,
      ...(text ? { question: text } : {}),
    }).catch((): Response<'receiver:act'> => ({ ok: false, failure: { kind: 'lost' } }));
    setBusy(false);
    if (!result.ok) {
      setFailure(result.failure);
      if (stage === 'sending') setStage('asking');
      return;
    }
    if (action === 'question') {
      setQuestion('');
      setStage('asked');
    }
  }

  const when = format.ago(handoff.at, Date.now());
  return (
    <section className="banner" aria-labelledby="receiver-title">
      <h2 id="receiver-title">{t('receiverTitle')}</h2>
      <p>
        {handoff.from ? t('receiverFrom', [handoff.from]) : t('receiverFromUnknown')}{' '}
        <time dateTime={new Date(handoff.at).toISOString()} className="muted">
          {when}
        </time>
      </p>
      {handoff.nextAction ? (
        <p className="next">
          <strong>{t('receiverNextAction')}</strong> {handoff.nextAction}
        </p>
      ) : null}
      {stage === 'asking' || stage === 'sending' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const text = question.trim();
            if (text === '') return;
            setStage('sending');
            void act('question', text);
          }}
        >
          <label htmlFor={questionId}>{t('receiverQuestionField')}</label>
          <textarea
            id={questionId}
            value={question}
            maxLength={2000}
            required
            onChange={(event) => setQuestion(event.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('receiverSendQuestion')}
            </button>
            <button type="button" onClick={() => setStage('idle')}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void act('ack')}>
            {t('receiverAcknowledge')}
          </button>
          <button type="button" disabled={busy} onClick={() => setStage('asking')}>
            {t('receiverAsk')}
          </button>
          <button type="button" disabled={busy} onClick={() => void act('dismiss')}>
            {t('receiverDismiss')}
          </button>
        </div>
      )}
      <p role="status" className={failure ? 'error' : 'muted'}>
        {failure
          ? failureMessage(failure, siteName(handoff.site), t)
          : stage === 'asked'
            ? t('receiverQuestionPosted')
            : ''}
      </p>
    </section>
  );
}
