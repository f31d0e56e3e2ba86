/**
 * The user's fixes per site (lib/clean/site-fixes.ts) and the rule health counts
 * (lib/clean/rule-health.ts): local storage only, never synced by the browser. The fixes travel
 * only where the user sends them: their JSON export and their own sync server (lib/sync/).
 */
import { storage } from 'wxt/utils/storage';
import type { RuleHealth } from '@/lib/clean/rule-health';
import { migrateV1ToV2, type SiteFixes } from '@/lib/clean/site-fixes';

/** v2: a site's fix may hold `prefer` (*Not the whole article?*); v1 values are tidied (migrateV1ToV2). */
export const SITE_FIXES_VERSION = 2;
export const SITE_FIXES_MIGRATIONS = { 2: migrateV1ToV2 };

export const siteFixes = storage.defineItem<SiteFixes>('local:siteFixes', {
  fallback: {},
  version: SITE_FIXES_VERSION,
  migrations: SITE_FIXES_MIGRATIONS,
});

export const ruleHealth = storage.defineItem<RuleHealth>('local:ruleHealth', {
  fallback: {},
  version: 1,
});
