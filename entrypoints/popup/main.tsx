import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/popup';
import './style.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup />);
