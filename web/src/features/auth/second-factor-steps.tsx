import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { CodeForm } from './code-form';
import { EnrolPanel, RecoveryCodesPanel } from './enrol-panel';

type StepProps = { challenge: string; onSignedIn: () => void };

/** Sign-in step two: the code from the app or a recovery code. */
export function CodeStep({ challenge, onSignedIn }: StepProps) {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const verify = useMutation({
    ...trpc.auth.verifyCode.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: onSignedIn,
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('code.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('code.hint')}
      </Text>
      <CodeForm
        submitLabel={t('code.submit')}
        loading={verify.isPending}
        error={verify.error ? errorText(verify.error) : null}
        onSubmit={(code) => verify.mutate({ challenge, code })}
      />
    </Stack>
  );
}

/** Sign-in when the admin requires a second factor the user has not set up: enrol, see the codes, go on. */
export function EnrolStep({ challenge, onSignedIn }: StepProps) {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const start = useMutation({ ...trpc.auth.enrolStart.mutationOptions(), meta: { inlineErrors: true } });
  const confirm = useMutation({ ...trpc.auth.enrolConfirm.mutationOptions(), meta: { inlineErrors: true } });
  const [codes, setCodes] = useState<string[] | null>(null);
  const { mutate: startEnrolment } = start;
  useEffect(() => startEnrolment({ challenge }), [startEnrolment, challenge]);

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onSignedIn} headingOrder={1} />;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('enrol.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('enrol.required')}
      </Text>
      {start.error && (
        <Alert color="red" role="alert">
          {errorText(start.error)}
        </Alert>
      )}
      {start.isPending && <Loader size="sm" />}
      {start.data && (
        <EnrolPanel
          enrolment={start.data}
          confirming={confirm.isPending}
          error={confirm.error ? errorText(confirm.error) : null}
          onConfirm={(code) => confirm.mutate({ challenge, code }, { onSuccess: (r) => setCodes(r.recoveryCodes) })}
        />
      )}
    </Stack>
  );
}
