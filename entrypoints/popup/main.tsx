import '../../lib/zod-jitless';
// Evaluated next, before React loads (a side-effect import keeps its place when imports are sorted):
// the storage read runs while React is set up, for the figures' 200 ms budget.
import './first-read';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/popup';
import { firstRead } from './first-read';
import './style.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup first={firstRead} />);
