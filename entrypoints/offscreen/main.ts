import { serveSanitizer } from '@/lib/background/sanitize-host';

serveSanitizer(window);
