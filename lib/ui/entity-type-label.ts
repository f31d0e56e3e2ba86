/** The UI label of an entity type, from _locales. */
import type { EntityType } from '@/lib/article';
import { t } from '@/lib/i18n';

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
