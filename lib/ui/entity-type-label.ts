/** The UI labels of an entity's type and country, from _locales. */
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

export function countryLabel(country: 'VN' | 'LA' | 'both' | 'other'): string {
  switch (country) {
    case 'VN':
      return t('countryVN');
    case 'LA':
      return t('countryLA');
    case 'both':
      return t('countryBoth');
    case 'other':
      return t('countryOther');
  }
}
