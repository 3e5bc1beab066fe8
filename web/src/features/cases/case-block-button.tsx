import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockDialog } from '../blocks/block-dialog';
import type { CaseDetail } from './types';

/** «Заблокировать» from a case: the block goes under this case, for one of its people (masked names in the menu). */
export function CaseBlockButton({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('blocks');
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const people = detail.subjects;
  if (people.length === 0) return null;
  return (
    <>
      {people.length === 1 ? (
        <Button size="xs" color="red" variant="light" onClick={() => setSubjectId(people[0]?.id ?? null)}>
          {t('dialog.open')}
        </Button>
      ) : (
        <Menu>
          <Menu.Target>
            <Button size="xs" color="red" variant="light">
              {t('dialog.open')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {people.map((p) => (
              <Menu.Item key={p.id} onClick={() => setSubjectId(p.id)}>
                {p.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {subjectId !== null && (
        <BlockDialog
          subjectId={subjectId}
          caseRef={{ id: detail.id, incomingNumber: detail.incomingNumber }}
          opened
          onClose={() => setSubjectId(null)}
        />
      )}
    </>
  );
}
