import '@/assets/analysis.css';
import { startAnalysisPage } from '@/lib/analysis/page';

void startAnalysisPage(document);
