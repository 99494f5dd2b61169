import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { ChecklistPage } from '../../components/checklist/checklist-page';
import { whenShown } from '../../lib/checklist/frame-protocol';
import './style.css';

// Loaded ahead in a hidden frame: nothing renders until the content script names the hold to show.
const root = document.getElementById('root');
if (root) whenShown(window, (holdId) => createRoot(root).render(<ChecklistPage holdId={holdId} />));
