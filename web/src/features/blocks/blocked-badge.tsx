import { BLOCK_STEP_LABELS, type BlockStep } from '@pd-desk/shared/blocks/block-model';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/**
 * «Заблокировано» wherever a blocked subject or record appears (search, subject page, queue). A plain span styled
 * with Mantine's variables: the queue draws it in rows that stream into view.
 */
export function BlockedBadge({ fields }: { fields?: readonly PdField[] | null }) {
  const { t, i18n } = useTranslation('blocks');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const text = fields?.length
    ? t('badgeFields', { fields: fields.map((f) => PD_FIELD_LABELS[f][lang]).join(', ') })
    : t('badge');
  return (
    <span
      data-testid="blocked-badge"
      style={{
        display: 'inline-block',
        padding: '0 6px',
        borderRadius: 4,
        fontSize: 11,
        fontWeight: 700,
        lineHeight: '18px',
        textTransform: 'uppercase',
        background: 'var(--mantine-color-red-light)',
        color: 'var(--mantine-color-red-light-color)',
        whiteSpace: 'nowrap',
      }}
    >
      {text}
    </span>
  );
}

/** «Заблокировано · Уточнить данные до 18.01.2027»: a block's next step and its date, under a case's own clock. */
export function BlockStepNote({ step, dueOn }: { step: BlockStep; dueOn: string }) {
  const { t, i18n } = useTranslation('blocks');
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <span data-testid="block-step" style={{ display: 'block', fontSize: 12, color: 'var(--mantine-color-red-8)' }}>
      {BLOCK_STEP_LABELS[step][lang]} {t('due', { date: formatDate(dueOn) })}
    </span>
  );
}
