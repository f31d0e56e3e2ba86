import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReader } from '@/lib/content/main';
import { SUPPORTED_HOST_PATTERNS } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main() {
    void startReader(document);
  },
});
