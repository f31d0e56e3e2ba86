/** Entity types in display order, with their UI label and highlight class. */
import type { EntityType } from '@/lib/article';
import { t } from '@/lib/i18n';

export const ENTITY_TYPE_ORDER: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

export function entityTypeLabel(type: EntityType): string {
  switch (type) {
    case 'PERSON':
      return t('typePerson');
    case 'ORG':
      return t('typeOrg');
    case 'PLACE':
      return t('typePlace');
    case 'EVENT':
      return t('typeEvent');
  }
}

/** "vl-type-person" etc. (assets/article.css). */
export function entityTypeClass(type: EntityType): string {
  return `vl-type-${type.toLowerCase()}`;
}
