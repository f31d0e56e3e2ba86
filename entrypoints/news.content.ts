import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/lib/content/detect';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/sites/hosts';

// Runs on every page of the supported news sites: a small first look that asks the background
// for the reader only on pages that can be articles.
export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main() {
    void detectArticle(document);
  },
});
