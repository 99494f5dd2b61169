import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { ChecklistPage } from '../../components/checklist/checklist-page';
import { learnHold } from '../../lib/checklist/frame-protocol';
import { sendToBackground } from '../../lib/messaging';
import './style.css';

// Loaded ahead in a hidden frame: nothing renders until the background names the hold for this frame.
const root = document.getElementById('root');
if (root) {
  learnHold(
    window,
    {
      frameId: () => sendToBackground('checklist:frame', {}).then((answer) => answer.frameId),
      holdFor: () =>
        sendToBackground('hold:mine', {}).then((answer) => (answer.found ? answer.holdId : null)),
    },
    (holdId) => createRoot(root).render(<ChecklistPage holdId={holdId} />),
  );
}
