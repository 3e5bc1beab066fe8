import { CASE_CHANNELS, CASE_STATUSES, CASE_TYPES, REQUESTER_KINDS } from '@pd-desk/shared/cases/case-model';
import { useTranslation } from 'react-i18next';

/** Select options for the case vocabulary, in the current language. */
export function useCaseOptions() {
  const { t } = useTranslation('cases');
  const options = (values: readonly string[], group: string) =>
    values.map((value) => ({ value, label: t(`${group}.${value}`) }));
  return {
    types: options(CASE_TYPES, 'types'),
    channels: options(CASE_CHANNELS, 'channels'),
    statuses: options(CASE_STATUSES, 'statuses'),
    requesterKinds: options(REQUESTER_KINDS, 'requesterKinds'),
  };
}
