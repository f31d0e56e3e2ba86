import '@/assets/article.css';
import '@/assets/reader.css';
import { startReaderPage } from '@/lib/reader/main';

void startReaderPage(document);
