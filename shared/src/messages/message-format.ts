import { BLOCK_REASON_LABELS, BLOCK_STATE_LABELS } from '../blocks/block-model';
import { BREACH_STATUS_LABELS } from '../breaches/breach-model';
import { DEADLINE_RULES } from '../calendar/deadline-rules';
import { ruDate } from '../calendar/ru-date';
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '../cases/case-model';
import { WITHDRAWABLE_PURPOSE_LABELS } from '../mail/mail-model';

export type Lang = 'ru' | 'en';
export type MessageTexts = { readonly ru: string; readonly en: string };
export type ParamValue = string | number;

/**
 * `{{name}}` is a parameter shown as is; `{{name|kind}}` is an enum code or a date shown in the reader's
 * language (a status «Новое» / «New»), so the server sends codes and never a Russian word inside an English text.
 */
const LABELS: Record<string, Record<string, MessageTexts>> = {
  caseStatus: CASE_STATUS_LABELS,
  caseType: CASE_TYPE_LABELS,
  breachStatus: BREACH_STATUS_LABELS,
  blockState: BLOCK_STATE_LABELS,
  blockReason: BLOCK_REASON_LABELS,
  purpose: WITHDRAWABLE_PURPOSE_LABELS,
  deadlineRule: Object.fromEntries(
    Object.entries(DEADLINE_RULES).map(([id, rule]) => [id, { ru: rule.titleRu, en: rule.titleEn }]),
  ),
};

const dateText = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? ruDate(value) : value);

function formatParam(value: ParamValue | undefined, kind: string | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (kind === 'date') return dateText(String(value));
  if (kind === 'number') return Number(value).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  if (kind?.endsWith('List')) {
    const itemKind = kind.slice(0, -'List'.length);
    return String(value)
      .split(',')
      .map((item) => `«${formatParam(item, itemKind, lang)}»`)
      .join(', ');
  }
  const label = kind ? LABELS[kind]?.[String(value)] : undefined;
  return label ? label[lang] : String(value);
}

/** Fills `{{name}}` / `{{name|kind}}` from params in the given language. */
export function fillTemplate(template: string, params: Record<string, ParamValue> | undefined, lang: Lang): string {
  return template.replace(/\{\{(\w+)(?:\|(\w+))?\}\}/g, (_, name: string, kind: string | undefined) =>
    formatParam(params?.[name], kind, lang),
  );
}

/** The parameter names a template asks for, read by the type checker: a missing parameter does not compile. */
export type ParamNames<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? (Name extends `${infer Bare}|${string}` ? Bare : Name) | ParamNames<Rest>
  : never;
