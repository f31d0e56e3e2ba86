import '@/assets/popup.css';
import { startPopup } from '@/lib/popup/main';

void startPopup(document);
