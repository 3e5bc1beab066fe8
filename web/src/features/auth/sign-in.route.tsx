import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, TextInput } from '@mantine/core';
import { signInInput } from '@pd-desk/shared/auth/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/layout/language-switch';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../../config/paths';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';
import { CodeStep, EnrolStep } from './second-factor-steps';
import { useSession } from './use-session';

export default function SignInRoute() {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ login?: string; password?: string }>({});
  // Only same-app paths: an attacker-supplied ?next=https://… must not redirect away.
  const next = params.get('next');
  const destination = next?.startsWith('/') && !next.startsWith('//') ? next : paths.queue.href();
  const signedIn = async () => {
    await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
    navigate(destination, { replace: true });
  };
  const signIn = useMutation({
    ...trpc.auth.signIn.mutationOptions(),
    meta: { inlineErrors: true },
    onSuccess: (step) => {
      if (step.status === 'signed_in') return signedIn();
    },
  });
  const step = signIn.data?.status === 'signed_in' ? null : signIn.data;

  // Signed in (the session query refetched right after sign-in lands here too): the same destination, not the queue.
  if (session.data) return <Navigate to={destination} replace />;

  if (step) {
    return (
      <Center component="main" mih="100vh" bg="gray.0">
        <Paper w={440} p="xl" withBorder shadow="sm">
          <Stack>
            {step.status === 'second_factor' ? (
              <CodeStep challenge={step.challenge} onSignedIn={signedIn} />
            ) : (
              <EnrolStep challenge={step.challenge} onSignedIn={signedIn} />
            )}
            <Anchor component="button" type="button" size="sm" onClick={() => signIn.reset()}>
              {t('back')}
            </Anchor>
          </Stack>
        </Paper>
      </Center>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = signInInput.safeParse({ login, password });
    if (!parsed.success) {
      setFieldErrors({
        login: login.trim() ? undefined : t('required'),
        password: password ? undefined : t('required'),
      });
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data);
  };

  return (
    <Center component="main" mih="100vh" bg="gray.0">
      <Paper component="form" onSubmit={submit} w={380} p="xl" withBorder shadow="sm" noValidate>
        <Stack>
          <PageHeader title={t('title')} subtitle={t('subtitle')} />
          {signIn.error && (
            <Alert color="red" role="alert">
              {errorText(signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t('login')}
            autoComplete="username"
            autoFocus
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            error={fieldErrors.login}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('submit')}
          </Button>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
