import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import { uiLocale } from '../../lib/locale';
import { translate } from '../translate';
import { ChecklistDialog } from './checklist-dialog';

// The first dialog a frame draws after the browser starts took about 60 ms longer than later ones
// (React's code compiled on first use, the frame's styles and the system fonts resolved on first layout),
// and that was on the click's path. A frame loaded ahead draws the standard checklist once, unseen, while
// it waits: drawn, laid out and taken away in one task, so nothing else ever sees it.

const noop = () => undefined;

/** Draws the checklist once in `document`, unseen and inert, and takes it away again. */
export function rehearse(document: Document): void {
  const stage = document.createElement('div');
  stage.setAttribute('aria-hidden', 'true');
  stage.inert = true;
  stage.style.cssText = 'position: fixed; inset: 0; visibility: hidden; pointer-events: none';
  document.body.append(stage);
  const root = createRoot(stage);
  try {
    flushSync(() =>
      root.render(
        <ChecklistDialog
          unseen
          template={SERVICE_HANDOFF}
          locale={uiLocale()}
          t={translate}
          siteName=""
          context={{
            site: 'baton',
            ticketKey: 'KEY-1',
            title: 'A ticket',
            url: location.href,
            from: { name: 'Someone' },
            to: { name: 'Someone else' },
            at: new Date(0).toISOString(),
          }}
          tickets={['KEY-1']}
          initialAnswers={{}}
          draftRestored={false}
          onDraft={noop}
          onComplete={async () => ({ status: 'lost' })}
          onCancel={noop}
          onReleaseAnyway={noop}
          onCopy={async () => undefined}
        />,
      ),
    );
    // Style and layout now, while the frame waits, rather than on the click's path.
    stage.getBoundingClientRect();
  } finally {
    root.unmount();
    stage.remove();
  }
}
