import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectArticle } from '@/lib/in-page/auto-clean';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';

// Runs on every page of the supported news sites: a small first look that asks the background
// for the in-page view only on pages that can be articles. It must stay small (issue 16.4, ≤ 2 ms
// on a listing page; tests/unit/in-page/detector-size.test.ts): built without the polyfill
// (lib/build/detector-browser.ts), and WXT's start-up postMessage to the page is left out, since
// every `message` listener of the news site (ads, analytics) would run for it.
export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    void detectArticle(document);
  },
});
