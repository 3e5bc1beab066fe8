import { Anchor } from '@mantine/core';
import { auditFieldLabel } from '@pd-desk/shared/audit/audit-field-labels';
import { BLOCK_OUTCOME_LABELS, BLOCK_REASON_LABELS, BLOCK_STATE_LABELS } from '@pd-desk/shared/blocks/block-model';
import {
  BREACH_CATEGORY_LABELS,
  BREACH_STATUS_LABELS,
  NOTIFICATION_EXCEPTION_LABELS,
} from '@pd-desk/shared/breaches/breach-model';
import { DEADLINE_RULES } from '@pd-desk/shared/calendar/deadline-rules';
import { CASE_CHANNEL_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import { MATCH_STATUS_LABELS } from '@pd-desk/shared/mail/mail-model';
import { PLAN_ACTION_LABELS } from '@pd-desk/shared/mail/withdrawal-plan';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { SUBJECT_CATEGORY_LABELS } from '@pd-desk/shared/subjects/subject-categories';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { formatDate, formatDateTime } from '../../lib/format';
import { inItsLanguage } from '../../lib/in-its-language';

export type Language = 'ru' | 'en';
type Labels = Record<string, { ru: string; en: string }>;

const RULE_LABELS: Labels = Object.fromEntries(
  Object.entries(DEADLINE_RULES).map(([id, rule]) => [id, { ru: rule.titleRu, en: rule.titleEn }]),
);

/** Enumerated values shown by their names from the shared vocabularies (never a second copy of them). */
const ENUM_LABELS: Record<string, Labels> = {
  type: CASE_TYPE_LABELS,
  channel: CASE_CHANNEL_LABELS,
  rule: RULE_LABELS,
  exception: NOTIFICATION_EXCEPTION_LABELS,
  action: PLAN_ACTION_LABELS,
  proposed: PLAN_ACTION_LABELS,
  outcome: BLOCK_OUTCOME_LABELS,
  reason: BLOCK_REASON_LABELS,
  field: PD_FIELD_LABELS,
  fields: PD_FIELD_LABELS,
  dataFields: PD_FIELD_LABELS,
};

/** The same field name means a different vocabulary on a different object (a case's status, an incident's). */
const ENUM_LABELS_BY_OBJECT: Record<string, Record<string, Labels>> = {
  case: { status: CASE_STATUS_LABELS },
  breach: { status: BREACH_STATUS_LABELS, category: BREACH_CATEGORY_LABELS },
  subject: { category: SUBJECT_CATEGORY_LABELS },
  block: { state: BLOCK_STATE_LABELS },
  mail_item: { status: MATCH_STATUS_LABELS },
};

/** Vocabularies whose names live in other namespaces of the dictionary (they are web-only). */
const ENUM_KEYS: Record<string, string> = {
  requesterKind: 'cases:requesterKinds',
  role: 'shell:roles',
};

/**
 * The namespaces those names come from: a screen that shows values asks for all of them, so it waits for their
 * strings (they load per screen, ADR 0030) instead of showing the raw code.
 */
export const AUDIT_VALUE_NAMESPACES = ['audit', 'cases', 'shell'];

/** Ids that point at a screen: shown as links, so the reader goes from the trail to the object. */
const ID_LINKS: Record<string, (id: number | string) => string> = {
  caseId: paths.case.href,
  caseIds: paths.case.href,
  subjectId: paths.subject.href,
  subjectIds: paths.subject.href,
  blockId: paths.block.href,
  blockIds: paths.block.href,
  breachId: paths.breach.href,
};

const OBJECT_LINKS: Record<string, (id: string) => string> = {
  case: paths.case.href,
  subject: paths.subject.href,
  block: paths.block.href,
  breach: paths.breach.href,
  mail_item: paths.mailItem.href,
};

/** Long lists (search results, ids of a bulk change) are cut: the entry stays readable, the count is kept. */
const LIST_LIMIT = 10;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Staff by id (the users list the screen already loads): `createdById: 3` is read as the person's name. */
export type StaffNames = ReadonlyMap<number, string>;

export type ValueContext = { objectType: string; language: Language; t: TFunction; staff: StaffNames };

/** Fields that hold a staff member's user id. */
const STAFF_FIELDS = new Set(['assigneeId', 'createdById']);

export function languageOf(code: string): Language {
  return code === 'en' ? 'en' : 'ru';
}

export function fieldLabel(field: string, language: Language): string {
  return auditFieldLabel(field)?.[language] ?? field;
}

export function objectHref(objectType: string, objectId: string | null): string | null {
  const href = OBJECT_LINKS[objectType];
  return href && objectId ? href(objectId) : null;
}

function scalarText(field: string, value: unknown, ctx: ValueContext): string {
  const { objectType, language, t } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'audit:yes' : 'audit:no');
  if (typeof value === 'string') {
    const vocabulary = ENUM_LABELS_BY_OBJECT[objectType]?.[field] ?? ENUM_LABELS[field];
    const label = vocabulary?.[value];
    if (label) return label[language];
    const key = ENUM_KEYS[field];
    if (key) return t(`${key}.${value}`, { defaultValue: value });
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return (STAFF_FIELDS.has(field) && ctx.staff.get(value)) || String(value);
  return JSON.stringify(value);
}

function scalar(field: string, value: unknown, ctx: ValueContext): ReactNode {
  const link = ID_LINKS[field];
  if (link && (typeof value === 'number' || typeof value === 'string') && value !== '') {
    return (
      <Anchor component={Link} to={link(value)} size="xs">
        №{value}
      </Anchor>
    );
  }
  return inItsLanguage(scalarText(field, value, ctx));
}

/** One value of an entry as a person reads it: dates dd.mm.yyyy, enums by name, ids as links, lists cut short. */
export function AuditValue({ field, value, ctx }: { field: string; value: unknown; ctx: ValueContext }) {
  if (!Array.isArray(value)) return <>{scalar(field, value, ctx)}</>;
  if (value.length === 0) return <>—</>;
  const shown = value.slice(0, LIST_LIMIT);
  return (
    <>
      {shown.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values repeat and never reorder
        <Fragment key={index}>
          {index > 0 && ', '}
          {scalar(field, item, ctx)}
        </Fragment>
      ))}
      {value.length > LIST_LIMIT && ` ${ctx.t('audit:moreItems', { count: value.length - LIST_LIMIT })}`}
    </>
  );
}

/** Plain text of a value, for the one-line summary of a folded entry. */
export function auditValueText(field: string, value: unknown, ctx: ValueContext): string {
  if (!Array.isArray(value)) return scalarText(field, value, ctx);
  return value.length === 0 ? '—' : ctx.t('audit:items', { count: value.length });
}
