import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { afterPaint } from '../../components/after-paint';
import { ChecklistPage, type LoadedHold } from '../../components/checklist/checklist-page';
import { standInHold } from '../../components/checklist/stand-in';
import { learnHold } from '../../lib/checklist/frame-protocol';
import { parseEnvelope, sendToBackground, whenHanded } from '../../lib/messaging';
import './style.css';

// Loaded ahead in a hidden frame: nothing renders until the background names the hold for this frame.
const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  let shown = false;
  const render = (hold: LoadedHold) => {
    shown = true;
    reactRoot.render(<ChecklistPage hold={hold} />);
  };
  const ids = sendToBackground('checklist:frame', {});
  learnHold(
    window,
    {
      frameId: () => ids.then((answer) => answer.frameId),
      holdFor: () => sendToBackground('hold:mine', {}).then((answer) => (answer.found ? answer : null)),
      handed: (take) => whenHanded(ids, take),
    },
    render,
    // What the page read after the dialog opened (who receives the ticket) often arrives while the
    // dialog's first frame is being drawn: it is shown in the frame after, so the dialog is not held up.
    (hold) => afterPaint(() => render(hold)),
  );
  // While it waits to be shown, the frame draws the checklist, hidden, so the real one comes sooner. It
  // also reads the stand-in as the background's message: zod sets up each schema on its first use, which
  // took 1–3 ms of the real hold's way in.
  requestIdleCallback(
    () => {
      if (shown) return;
      const standIn = standInHold(location.href);
      parseEnvelope({ type: 'hold:yours', tabId: 1, frameId: 1, hold: standIn });
      reactRoot.render(<ChecklistPage hold={standIn} waiting />);
    },
    { timeout: 1000 },
  );
}
