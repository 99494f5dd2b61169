import { createRoot } from 'react-dom/client';
import { ChecklistPage } from '../../components/checklist/checklist-page';
import './style.css';

const holdId = decodeURIComponent(location.hash.slice(1));
const root = document.getElementById('root');
if (root) createRoot(root).render(<ChecklistPage holdId={holdId} />);
