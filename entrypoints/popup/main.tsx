import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/popup';
import { loadPopupData } from '../../components/popup/use-popup-data';
import './style.css';

// Storage is read while React sets up, not after its first render: the figures' budget is 200 ms.
const first = loadPopupData();
const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup first={first} />);
