import { Checkbox, type TextInputProps, Tooltip } from '@mantine/core';
import type { ConfirmableField } from '@pd-desk/shared/mail/mail-model';
import { useTranslation } from 'react-i18next';

export type PrefillState = 'none' | 'pending' | 'confirmed';

/**
 * Props that mark a field OCR filled: yellow until the registrar confirms it (Enter in the field, or the
 * tick), then green. `data-prefill` lets the form's key handler know which field Enter was pressed in.
 */
export function prefillProps(
  field: ConfirmableField,
  state: PrefillState,
  onConfirm: () => void,
  confirmLabel: string,
): Partial<TextInputProps> & { 'data-prefill': ConfirmableField; 'data-prefill-state': PrefillState } {
  const base = { 'data-prefill': field, 'data-prefill-state': state } as const;
  if (state === 'none') return base;
  const pending = state === 'pending';
  return {
    ...base,
    styles: {
      input: {
        backgroundColor: pending ? 'var(--mantine-color-yellow-1)' : 'var(--mantine-color-green-0)',
        borderColor: pending ? 'var(--mantine-color-yellow-7)' : 'var(--mantine-color-green-6)',
      },
    },
    rightSectionPointerEvents: 'all',
    rightSection: <ConfirmTick checked={!pending} onConfirm={onConfirm} label={confirmLabel} />,
  };
}

function ConfirmTick({ checked, onConfirm, label }: { checked: boolean; onConfirm: () => void; label: string }) {
  const { t } = useTranslation('mail');
  return (
    <Tooltip label={checked ? t('form.confirmed') : t('form.prefilledHint')}>
      <Checkbox
        size="xs"
        color="green"
        checked={checked}
        tabIndex={-1}
        aria-label={label}
        onChange={() => !checked && onConfirm()}
      />
    </Tooltip>
  );
}
