import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import type { TFunction } from 'i18next';
import type { BlockScopeItem } from './types';

/** «телефон в записи № 12 (Онлайн-запись на сайте)»: a scope item in words. */
export function scopeText(t: TFunction<'blocks'>, lang: 'ru' | 'en', item: BlockScopeItem): string {
  switch (item.kind) {
    case 'subject':
      return t('scope.subject');
    case 'system':
      return t('scope.system', { name: item.system });
    case 'purpose':
      return t('scope.purpose', { name: item.purpose });
    case 'record':
      return t('scope.record', { id: item.recordId, name: item.system });
    default:
      return t('scope.field', {
        field: item.field ? PD_FIELD_LABELS[item.field as PdField][lang] : '',
        id: item.recordId,
        name: item.system,
      });
  }
}
