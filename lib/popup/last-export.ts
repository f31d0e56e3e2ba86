/** When the archive was last exported (ISO string), kept in extension storage. */
import { storage } from 'wxt/utils/storage';

export const lastExportAt = storage.defineItem<string | null>('local:lastExportAt', { version: 1, fallback: null });
