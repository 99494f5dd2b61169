import { useEffect, useMemo, useState } from 'react';
import { pageRequests } from '../../lib/checklist/frame-protocol';
import type { HandsSummary } from '../../lib/history/hands';
import { uiLocale } from '../../lib/locale';
import { type Response, sendToBackground } from '../../lib/messaging';
import { isSiteId, SITES } from '../../lib/sites/registry';
import { translate } from '../translate';
import { ChecklistDialog } from './checklist-dialog';

type Loaded = Extract<Response<'hold:get'>, { found: true }>;

// The frame goes once the request that ended the hold, and every other still waiting, has its answer
// (lib/guard/checklist-frame.ts).
const { tracked, ending } = pageRequests(window);

/** The extension page framed over the host: loads the held reassign, saves the draft as the user types. */
export function ChecklistPage({ holdId }: { holdId: string }) {
  const [hold, setHold] = useState<Loaded | 'missing' | null>(null);
  const [hands, setHands] = useState<HandsSummary | null>(null);
  const locale = useMemo(uiLocale, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate('checklistTitle');
    sendToBackground('hold:get', { holdId })
      .then((found) => setHold(found.found ? found : 'missing'))
      .catch(() => setHold('missing'));
  }, [holdId, locale]);

  // The ticket's history is asked for once the dialog is on screen, so it never delays it; it shows
  // when it arrives, and a failed read shows nothing.
  const shown = hold !== null && hold !== 'missing';
  useEffect(() => {
    if (!shown) return;
    sendToBackground('hold:history', { holdId })
      .then((answer) => setHands(answer.found ? answer.hands : null))
      .catch(() => undefined);
  }, [holdId, shown]);

  if (hold === null) return null;
  const close = () => void ending(sendToBackground('hold:cancel', { holdId })).catch(() => undefined);
  if (hold === 'missing') {
    return (
      <div className="backdrop">
        <div className="dialog" role="dialog" aria-modal="true" aria-label={translate('checklistTitle')}>
          <p role="alert">{translate('holdLost')}</p>
          <div className="actions">
            {/* biome-ignore lint/a11y/noAutofocus: the frame's only control; the host page gave up focus to it */}
            <button type="button" className="secondary" onClick={close} autoFocus>
              {translate('close')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const site = hold.held.site;
  return (
    <ChecklistDialog
      template={hold.template}
      locale={locale}
      t={translate}
      siteName={isSiteId(site) ? SITES[site].name : site}
      context={hold.held.context}
      tickets={hold.held.tickets}
      initialAnswers={hold.draft ?? {}}
      draftRestored={hold.draft !== null && Object.values(hold.draft).some((value) => value.trim() !== '')}
      initialFailure={hold.failure}
      hands={hands}
      // Every change goes to the background at once: the tab may close right after a keystroke.
      onDraft={(answers) =>
        void tracked(sendToBackground('draft:save', { holdId, answers })).catch(() => undefined)
      }
      onComplete={(answers) => ending(sendToBackground('hold:complete', { holdId, answers }))}
      onCancel={close}
      onReleaseAnyway={() =>
        void ending(sendToBackground('hold:release-anyway', { holdId })).catch(() => undefined)
      }
      onCopy={(text) => navigator.clipboard.writeText(text)}
      onSkip={
        hold.enforcement === 'remind'
          ? (reason) => void ending(sendToBackground('hold:skip', { holdId, reason })).catch(() => undefined)
          : undefined
      }
    />
  );
}
