import { Alert, Button, Group, Kbd, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseRef } from '@pd-desk/shared/cases/cases.schemas';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useNavigationType, useSearchParams } from 'react-router';
import { ExportMenu } from '../../components/ui/export-menu';
import { PageHeader } from '../../components/ui/page-header';
import { FROM_QUEUE, paths } from '../../config/paths';
import { formatNumber } from '../../lib/format';
import { useInvalidateCases } from '../../lib/invalidate';
import { lazyComponent, preloadWhenIdle } from '../../lib/lazy-component';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../auth/use-session';
import { BreachClocksPanel } from '../breaches/breach-clocks';
import { QueueFiltersBar } from './queue-filters';
import { movedCursor, type QueuePlace, recallPlace, rememberPlace, restoredIndex } from './queue-grid';
import { filtersFromParams, paramsFromFilters, type QueueFilters } from './queue-params';
import { QueueTable, type QueueTableHandle } from './queue-table';
import classes from './queue-table.module.css';
import { SavedViewsMenu } from './saved-views-menu';
import type { QueueRow } from './types';
import { UrgencySwitch } from './urgency-switch';
import { useQueueKeys } from './use-queue-keys';
import { useQueueHead } from './use-queue-pages';

// Dialogs and the bulk bar carry forms, zod and date pickers: they load when first needed, not with the queue.
const RegisterCaseModal = lazyComponent(() => import('../cases/register-case-modal').then((m) => m.RegisterCaseModal));
const AssignModal = lazyComponent(() => import('./assign-modal').then((m) => m.AssignModal));
const BulkBar = lazyComponent(() => import('./bulk-bar').then((m) => m.BulkBar));
// The registrar's journal is another role's screen (with Mantine's Table): the officer's queue does not carry it.
const IntakeJournal = lazyComponent(() => import('./intake-journal').then((m) => m.IntakeJournal));

export default function QueueRoute() {
  const me = useCurrentUser();
  const [registering, setRegistering] = useState(false);
  useEffect(() => preloadWhenIdle(RegisterCaseModal, AssignModal, BulkBar), []);
  const register = registering && (
    <Suspense fallback={null}>
      <RegisterCaseModal opened onClose={() => setRegistering(false)} />
    </Suspense>
  );
  if (hasRole(me.role, ['officer', 'auditor'])) {
    return (
      <>
        <TriageQueue onRegister={hasRole(me.role, ['officer']) ? () => setRegistering(true) : undefined} />
        {register}
      </>
    );
  }
  if (hasRole(me.role, ['registrar'])) {
    return (
      <>
        <Suspense fallback={null}>
          <IntakeJournal onRegister={() => setRegistering(true)} />
        </Suspense>
        {register}
      </>
    );
  }
  return <ReadOnlyNotice />;
}

function ReadOnlyNotice() {
  const { t } = useTranslation('triage');
  return <Alert color="gray">{t('readOnly')}</Alert>;
}

function TriageQueue({ onRegister }: { onRegister: (() => void) | undefined }) {
  const { t } = useTranslation('triage');
  const { t: tCases } = useTranslation('cases');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const refresh = useInvalidateCases();
  const officer = onRegister !== undefined;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const filterKey = paramsFromFilters(filters).toString();
  const head = useQueueHead(filters);
  const table = useRef<QueueTableHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The place the queue was left at, with these filters: the cursor starts there, not at the top.
  const [place] = useState(() => recallPlace(filterKey));
  const [cursorState, setCursorState] = useState({ key: filterKey, index: place?.index ?? 0 });
  // A new filter is a new list: the cursor goes back to its first row.
  const cursor = cursorState.key === filterKey ? cursorState.index : 0;
  const setCursor = (index: number) => setCursorState({ key: filterKey, index });
  useReturnToPlace(place, head.data?.items, (index) => {
    setCursor(index);
    table.current?.focusCursor();
  });
  const [selection, setSelection] = useState<Map<number, CaseRef>>(new Map());
  const [assigning, setAssigning] = useState<CaseRef[] | null>(null);
  const [searchKey, setSearchKey] = useState(0);
  const total = head.data?.total ?? 0;

  const setFilters = (next: QueueFilters) => {
    setParams(paramsFromFilters(next), { replace: true });
    setSelection(new Map());
  };
  const isSelected = (row: QueueRow) => selection.has(row.id);
  const toggle = (row: QueueRow) =>
    setSelection((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, { id: row.id, version: row.version });
      return next;
    });
  const remember = (index: number) =>
    rememberPlace({
      filterKey,
      index,
      caseId: table.current?.rowAt(index)?.id ?? null,
      scrollTop: table.current?.scrollTop() ?? 0,
    });
  const open = (row: QueueRow) => {
    remember(cursor);
    navigate(paths.case.href(row.id), { state: FROM_QUEUE });
  };
  const assignToMe = useMutation({ ...trpc.cases.assign.mutationOptions(), onSuccess: refresh });
  const current = () => table.current?.rowAt(cursor);

  const assign = () => {
    if (selection.size > 0) {
      setAssigning([...selection.values()]);
      return;
    }
    const row = current();
    if (!row) return;
    // Unassigned: take it. Someone else's: ask, never reassign a colleague's case on one key.
    if (row.assignee !== null) {
      setAssigning([{ id: row.id, version: row.version }]);
      return;
    }
    assignToMe.mutate(
      { id: row.id, version: row.version, assigneeId: me.id },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('assignedToMe', { number: row.incomingNumber }) }),
      },
    );
  };

  useQueueKeys(
    {
      move: (delta) => {
        const index = movedCursor(cursor, delta, total);
        setCursor(index);
        remember(index);
        table.current?.scrollTo(index);
        // The focus follows the cursor, so a screen reader says the case the keys landed on.
        table.current?.focusCursor();
      },
      open: () => {
        const row = current();
        if (row) open(row);
      },
      toggle: officer
        ? () => {
            const row = current();
            if (row) toggle(row);
          }
        : undefined,
      assign: officer ? assign : undefined,
      focusSearch: () => searchRef.current?.focus(),
    },
    true,
  );

  return (
    <Stack gap="xs" className={classes.page}>
      <PageHeader
        title={t('title')}
        badges={
          head.data && (
            <Text c="dimmed" size="sm" data-testid="queue-total">
              {t('count', { count: total, n: formatNumber(total) })}
            </Text>
          )
        }
        actions={
          <>
            <UrgencySwitch value={filters.urgency} onChange={(urgency) => setFilters({ ...filters, urgency })} />
            <SavedViewsMenu
              filters={filters}
              onApply={(view) => {
                setFilters(view);
                setSearchKey((k) => k + 1);
              }}
            />
            <ExportMenu table="triage/queue" search={paramsFromFilters(filters)} size="xs" />
            {onRegister && (
              <Button size="xs" onClick={onRegister}>
                {tCases('register.open')}
              </Button>
            )}
          </>
        }
      />
      {/* A Roskomnadzor clock under 6 hours outranks every case in the queue. */}
      <BreachClocksPanel urgentOnly />
      <QueueFiltersBar
        key={searchKey}
        filters={filters}
        searchRef={searchRef}
        onChange={(patch) => setFilters({ ...filters, ...patch })}
        onReset={() => setFilters({})}
      />
      {officer && selection.size > 0 && (
        <Suspense fallback={null}>
          <BulkBar
            selection={[...selection.values()]}
            onAssign={() => setAssigning([...selection.values()])}
            onClear={() => setSelection(new Map())}
          />
        </Suspense>
      )}
      <div className={classes.rows}>
        <QueueTable
          handle={table}
          filters={filters}
          head={head.data}
          stale={head.isPlaceholderData}
          height="100%"
          cursor={cursor}
          onCursor={(index) => {
            setCursor(index);
            remember(index);
          }}
          initialScrollTop={place?.scrollTop}
          onOpen={open}
          selectable={officer}
          isSelected={isSelected}
          toggle={toggle}
          onSort={(sort) =>
            setFilters({
              ...filters,
              sort,
              direction: (filters.sort ?? 'due') === sort && filters.direction !== 'desc' ? 'desc' : 'asc',
            })
          }
          emptyText={filterKey ? t('empty') : t('emptyAll')}
        />
      </div>
      <KeyHints officer={officer} />
      {assigning && (
        <Suspense fallback={null}>
          <AssignModal
            items={assigning}
            onClose={() => setAssigning(null)}
            onDone={() => {
              setAssigning(null);
              setSelection(new Map());
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}

/**
 * Coming back from a case (browser Back, or the case page's «назад», which goes back in history): the cursor and
 * the focus return to the case's row, found again by its id if it moved meanwhile.
 */
function useReturnToPlace(
  place: QueuePlace | null,
  loaded: { id: number }[] | undefined,
  onReturn: (index: number) => void,
) {
  const navigationType = useNavigationType();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !place || navigationType !== 'POP' || !loaded) return;
    done.current = true;
    onReturn(restoredIndex(place, loaded));
  });
}

function KeyHints({ officer }: { officer: boolean }) {
  const { t } = useTranslation('triage');
  const keys = officer
    ? (['move', 'open', 'assign', 'select', 'search'] as const)
    : (['move', 'open', 'search'] as const);
  return (
    <Group gap="md" fz="xs" c="dimmed" aria-label={t('keys.label')}>
      {keys.map((key) => {
        const [combo, text] = t(`keys.${key}`).split(' — ');
        return (
          <span key={key}>
            <Kbd size="xs">{combo}</Kbd> {text}
          </span>
        );
      })}
    </Group>
  );
}
