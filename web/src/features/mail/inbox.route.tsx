import { Stack } from '@mantine/core';
import { MAIL_INTAKE_ROLES as INTAKE_ROLES } from '@pd-desk/shared/mail/mail-model';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { EmailDrop } from './email/email-drop';
import { InboxList } from './intake/inbox-list';
import { IntakeForm } from './intake/intake-form';

/** «Почта» → «Входящие»: the registrar's morning post (form and scans), e-mails dropped in, the incoming list. */
export default function InboxRoute() {
  const { t } = useTranslation('mail');
  const me = useCurrentUser();
  const enters = hasRole(me.role, INTAKE_ROLES);
  return (
    <Stack gap="md">
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      {enters && <IntakeForm />}
      {enters && <EmailDrop />}
      <InboxList />
    </Stack>
  );
}
