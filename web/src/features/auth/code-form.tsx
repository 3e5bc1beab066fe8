import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { secondFactorCodeSchema } from '@pd-desk/shared/auth/auth.schemas';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../../lib/server-messages';

type Props = {
  submitLabel: string;
  loading: boolean;
  /** The server's refusal (wrong code, locked, expired), shown above the field. */
  error: string | null;
  onSubmit: (code: string) => void;
};

/**
 * One field for a one-time code: the browser and password managers fill it from SMS-style autofill
 * (autocomplete="one-time-code"); Enter submits; letters are allowed for recovery codes.
 */
export function CodeForm({ submitLabel, loading, error, onSubmit }: Props) {
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = secondFactorCodeSchema.safeParse(code);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0] ? localText(parsed.error.issues[0].message) : t('required'));
      return;
    }
    setFieldError(null);
    onSubmit(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('code.label')}
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={32}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
        />
        <Button type="submit" loading={loading}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
