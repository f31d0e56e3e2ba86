import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReader } from '@/lib/content/main';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/sites/hosts';

// The reader itself (pipeline, clean view, toolbar). Not in the manifest: the background injects
// it where news.content.ts found an article candidate, and on any page the reader asks for.
export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  registration: 'runtime',
  runAt: 'document_idle',
  main() {
    void startReader(document);
  },
});
