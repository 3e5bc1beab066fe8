import type { IntegrationEventType } from '@pd-desk/shared/integrations/integration-events';

export const EVENT_LABELS: Record<IntegrationEventType, { ru: string; en: string }> = {
  'block.created': { ru: 'Блокировка', en: 'Block' },
  'block.lifted': { ru: 'Снятие блокировки', en: 'Block lifted' },
  'consent.withdrawn': { ru: 'Отзыв согласия', en: 'Consent withdrawn' },
  'processing.stopped': { ru: 'Прекращение обработки', en: 'Processing stopped' },
  'record.destroyed': { ru: 'Уничтожение', en: 'Destroyed' },
};
