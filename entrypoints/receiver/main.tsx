import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { ReceiverBanner } from '../../components/receiver/receiver-banner';
import './style.css';

const handoffId = decodeURIComponent(location.hash.slice(1));
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReceiverBanner handoffId={handoffId} />);
