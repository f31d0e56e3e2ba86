import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInPageView } from '@/lib/in-page/main';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';

// The in-page view itself (pipeline, clean view, toolbar). Not in the manifest: the background injects
// it where an article candidate's address loads (lib/background/auto-clean.ts), and on any page the user asks for.
export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  registration: 'runtime',
  runAt: 'document_idle',
  main() {
    void startInPageView(document);
  },
});
