import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/lib/in-page/auto-clean';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';

// Runs on every page of the supported news sites: a small first look that asks the background
// for the in-page view only on pages that can be articles.
export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main() {
    void detectArticle(document);
  },
});
