import { Anchor, Box, Collapse, ScrollArea, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { inItsLanguage } from '../../lib/in-its-language';
import {
  AUDIT_VALUE_NAMESPACES,
  AuditValue,
  auditValueText,
  fieldLabel,
  languageOf,
  type StaffNames,
  type ValueContext,
} from './audit-values';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

type Line = { field: string; before?: unknown; value: unknown; changed: boolean };

function linesOf(changes: AuditChanges | null, details: Record<string, unknown> | null): Line[] {
  const changed = Object.entries(changes ?? {}).map(([field, c]) => ({
    field,
    before: c.before,
    value: c.after,
    changed: true,
  }));
  // A case's event details repeat its changes under `changes`: shown once, as changes.
  const rest = Object.entries(details ?? {})
    .filter(([field]) => field !== 'changes')
    .map(([field, value]) => ({ field, value, changed: false }));
  return [...changed, ...rest];
}

/**
 * An entry's changes and details folded to one line (field names and new values, cut to the cell) with
 * «Подробнее» to unfold them; unfolded they scroll inside half the screen, so no entry is taller than it.
 */
export function AuditDetails({
  objectType,
  changes,
  details,
  staff,
}: {
  objectType: string;
  changes: AuditChanges | null;
  details: Record<string, unknown> | null;
  staff: StaffNames;
}) {
  const { t, i18n } = useTranslation(AUDIT_VALUE_NAMESPACES);
  const [opened, { toggle }] = useDisclosure(false);
  const language = languageOf(i18n.language);
  const ctx: ValueContext = { objectType, language, t, staff };
  const lines = linesOf(changes, details);
  if (lines.length === 0) return null;
  const summary = lines
    .map((line) => `${fieldLabel(line.field, language)}: ${auditValueText(line.field, line.value, ctx)}`)
    .join('; ');

  return (
    // Narrower below 1200 px, so the trail fits a 1024 px screen without sideways scrolling.
    <Box maw={{ base: 240, lg: 520 }}>
      <Text size="xs" lineClamp={1} title={summary}>
        {lines.map((line, index) => (
          <Fragment key={line.field}>
            {index > 0 && '; '}
            {fieldLabel(line.field, language)}: {inItsLanguage(auditValueText(line.field, line.value, ctx))}
          </Fragment>
        ))}
      </Text>
      <Anchor component="button" type="button" size="xs" onClick={toggle} aria-expanded={opened}>
        {opened ? t('fold') : t('unfold', { count: lines.length })}
      </Anchor>
      <Collapse expanded={opened}>
        <ScrollArea.Autosize mah="50vh" type="auto">
          <Table withRowBorders={false} verticalSpacing={2} fz="xs">
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.field}>
                  <Table.Td c="dimmed" w={180}>
                    {fieldLabel(line.field, language)}
                  </Table.Td>
                  <Table.Td>
                    {line.changed && line.before != null && (
                      <>
                        <AuditValue field={line.field} value={line.before} ctx={ctx} /> →{' '}
                      </>
                    )}
                    <AuditValue field={line.field} value={line.value} ctx={ctx} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Collapse>
    </Box>
  );
}
