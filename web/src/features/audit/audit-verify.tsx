import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/server-messages';
import { useTRPC } from '../../lib/trpc';

/**
 * Checks the keyed chain, optionally against a head hash recorded earlier (an anchor from a backup's
 * manifest, the anchor file or paper): a removed tail leaves a valid shorter chain that only the anchor exposes.
 */
export function AuditVerify() {
  const { t } = useTranslation('audit');
  const trpc = useTRPC();
  const [expectHead, setExpectHead] = useState('');
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  const result = verify.data;

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('expectHead')}
          description={t('expectHeadHint')}
          w={520}
          value={expectHead}
          error={verify.error ? errorText(verify.error) : undefined}
          onChange={(e) => setExpectHead(e.currentTarget.value)}
        />
        <Button
          variant="light"
          loading={verify.isPending}
          onClick={() => verify.mutate(expectHead.trim() ? { expectHead: expectHead.trim() } : undefined)}
        >
          {t('verify')}
        </Button>
      </Group>
      {result?.ok && (
        <Alert color="teal">
          <Text size="sm">{t('verifyOk', { count: result.entries })}</Text>
          {result.anchor && (
            <Text size="sm">{t('anchorFound', { seq: result.anchor.seq, count: result.anchor.laterEntries })}</Text>
          )}
          {result.legacyEntries > 0 && <Text size="sm">{t('legacyEntries', { count: result.legacyEntries })}</Text>}
          <Text size="sm">
            {t('head')} <Code>{result.lastHash}</Code>
          </Text>
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red">
          {result.firstBrokenSeq === null
            ? t('verifyAnchorMissing', { reason: result.reason })
            : t('verifyBroken', { seq: result.firstBrokenSeq, reason: result.reason })}
        </Alert>
      )}
    </Stack>
  );
}
