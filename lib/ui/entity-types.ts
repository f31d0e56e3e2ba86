/**
 * Entity types in display order and their highlight class. No UI strings here (those are in
 * entity-type-label.ts): the marks import this module, and they also run where the extension's
 * APIs do not exist (the benchmark injects them into a page's own world).
 */
import type { EntityType } from '@/lib/article';

export const ENTITY_TYPE_ORDER: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

/** "vl-type-person" etc. (assets/article.css). */
export function entityTypeClass(type: EntityType): string {
  return `vl-type-${type.toLowerCase()}`;
}
