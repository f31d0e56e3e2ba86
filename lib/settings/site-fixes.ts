/**
 * The user's fixes per site (lib/clean/site-fixes.ts) and the rule health counts
 * (lib/clean/rule-health.ts): local storage only, never synced by the browser. The fixes travel
 * only where the user sends them: their JSON export and their own sync server (lib/sync/).
 */
import { storage } from 'wxt/utils/storage';
import type { RuleHealth } from '@/lib/clean/rule-health';
import type { SiteFixes } from '@/lib/clean/site-fixes';

export const siteFixes = storage.defineItem<SiteFixes>('local:siteFixes', {
  fallback: {},
  version: 1,
});

export const ruleHealth = storage.defineItem<RuleHealth>('local:ruleHealth', {
  fallback: {},
  version: 1,
});
