import { startOptions } from '@/lib/options/main';

void startOptions(document);
