import { useEffect, useMemo, useState } from 'react';
import { pageRequests } from '../../lib/checklist/frame-protocol';
import type { HandsSummary } from '../../lib/history/hands';
import { uiLocale } from '../../lib/locale';
import { type ShownHold, sendToBackground } from '../../lib/messaging';
import { isSiteId, SITES } from '../../lib/sites/registry';
import { afterPaint } from '../after-paint';
import { type HoldAction, holdActionMessage } from '../failure-message';
import { translate } from '../translate';
import { ChecklistDialog } from './checklist-dialog';

export type LoadedHold = ShownHold;

// The frame goes once the request that ended the hold, and every other still waiting, has its answer
// (lib/guard/checklist-frame.ts).
const { tracked, ending } = pageRequests(window);

/**
 * The extension page framed over the host: shows the held reassign, saves the draft as the user types.
 * `hold` is the hold as the background last gave it: its context may be completed after the dialog
 * shows, while what the dialog starts from (template, draft, failure) stays as first given. `waiting`:
 * drawn ahead for a stand-in hold (stand-in.ts), hidden until the real one replaces it.
 */
export function ChecklistPage({ hold: latest, waiting = false }: { hold: LoadedHold; waiting?: boolean }) {
  const [hold, setHold] = useState(latest);
  if (hold.held.id !== latest.held.id) setHold(latest);
  const holdId = hold.held.id;
  const [hands, setHands] = useState<HandsSummary | null>(null);
  const [actionFailure, setActionFailure] = useState<string | null>(null);
  const locale = useMemo(uiLocale, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate('checklistTitle');
  }, [locale]);

  // The ticket's history is asked for once the dialog has been painted, so that reading it (a script
  // run in the host's tab) never delays that paint; it shows when it arrives, and a failed read shows
  // nothing.
  useEffect(
    () =>
      waiting
        ? undefined
        : afterPaint(() => {
            sendToBackground('hold:history', { holdId })
              .then((answer) => setHands(answer.found ? answer.hands : null))
              .catch(() => undefined);
          }),
    [holdId, waiting],
  );

  // The background ends the hold and tells the tab, which closes this frame. When it could not, the
  // dialog stays as it was and says so, so the user can try again.
  const act = (action: HoldAction, request: Promise<{ ok: boolean }>) => {
    setActionFailure(null);
    ending(request).then(
      (answer) => {
        if (!answer.ok) setActionFailure(holdActionMessage(action, 'refused', translate));
      },
      () => setActionFailure(holdActionMessage(action, 'no_answer', translate)),
    );
  };
  const close = () => act('cancel', sendToBackground('hold:cancel', { holdId }));
  const site = hold.held.site;
  return (
    <ChecklistDialog
      holdId={holdId}
      waiting={waiting}
      template={hold.template}
      locale={locale}
      t={translate}
      siteName={isSiteId(site) ? SITES[site].name : site}
      context={latest.held.context}
      tickets={latest.held.tickets}
      initialAnswers={hold.draft ?? {}}
      draftRestored={hold.draft !== null && Object.values(hold.draft).some((value) => value.trim() !== '')}
      initialFailure={hold.failure}
      hands={hands}
      actionFailure={actionFailure}
      // Every change goes to the background at once: the tab may close right after a keystroke.
      onDraft={(answers) =>
        void tracked(sendToBackground('draft:save', { holdId, answers })).catch(() => undefined)
      }
      onComplete={(answers) => ending(sendToBackground('hold:complete', { holdId, answers }))}
      onCancel={close}
      onReleaseAnyway={() => act('release', sendToBackground('hold:release-anyway', { holdId }))}
      onCopy={(text) => navigator.clipboard.writeText(text)}
      onSkip={
        hold.enforcement === 'remind'
          ? (reason) => act('skip', sendToBackground('hold:skip', { holdId, reason }))
          : undefined
      }
    />
  );
}
