import type { DeadlineRuleId } from '../calendar/deadline-rules';
import type { PdField } from '../subjects/pd-records';

/** Blocking vocabulary (policy 4.2.4; 152-FZ art. 21 p. 1–3, 6) shared by the server, the web and the API. */

export const BLOCK_REASONS = ['inaccurate', 'unlawful'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export const BLOCK_REASON_LABELS: Record<BlockReason, { ru: string; en: string }> = {
  inaccurate: { ru: 'Недостоверные данные', en: 'Inaccurate data' },
  unlawful: { ru: 'Неправомерная обработка', en: 'Unlawful processing' },
};

/**
 * `active` — blocked for the verification and its resolution; `kept_blocked` — destruction could not be done in time,
 * blocked until destroyed (6 months, art. 21 p. 6); `lifted` — unblocked; `destroyed` — the data was destroyed;
 * `not_blocked` — an inaccuracy request where blocking would harm the subject or others (art. 21 p. 1): the reason is
 * recorded and nothing is blocked.
 */
export const BLOCK_STATES = ['active', 'kept_blocked', 'lifted', 'destroyed', 'not_blocked'] as const;
export type BlockState = (typeof BLOCK_STATES)[number];

/** A block in these states stops every change and every use of the data it covers. */
export const BLOCK_IN_EFFECT = ['active', 'kept_blocked'] as const satisfies readonly BlockState[];

/** Contacts of these blocks must never be used again by the other systems (destroyed data stays suppressed). */
export const BLOCK_SUPPRESSES = ['active', 'kept_blocked', 'destroyed'] as const satisfies readonly BlockState[];

export function isBlockInEffect(state: BlockState): boolean {
  return (BLOCK_IN_EFFECT as readonly BlockState[]).includes(state);
}

export const BLOCK_STATE_LABELS: Record<BlockState, { ru: string; en: string }> = {
  active: { ru: 'Заблокировано', en: 'Blocked' },
  kept_blocked: { ru: 'Заблокировано до уничтожения', en: 'Blocked until destroyed' },
  lifted: { ru: 'Блокировка снята', en: 'Lifted' },
  destroyed: { ru: 'Данные уничтожены', en: 'Destroyed' },
  not_blocked: { ru: 'Не заблокировано', en: 'Not blocked' },
};

export const BLOCK_OUTCOMES = ['inaccuracy_confirmed', 'unlawful_confirmed', 'not_confirmed'] as const;
export type BlockOutcome = (typeof BLOCK_OUTCOMES)[number];

export const BLOCK_OUTCOME_LABELS: Record<BlockOutcome, { ru: string; en: string }> = {
  inaccuracy_confirmed: { ru: 'Неточность подтверждена', en: 'Inaccuracy confirmed' },
  unlawful_confirmed: { ru: 'Неправомерность подтверждена', en: 'Unlawful processing confirmed' },
  not_confirmed: { ru: 'Не подтвердилось', en: 'Not confirmed' },
};

/** What a block covers, as the officer chose it. */
export const BLOCK_TARGET_KINDS = ['subject', 'system', 'purpose', 'record', 'field'] as const;
export type BlockTargetKind = (typeof BLOCK_TARGET_KINDS)[number];

/** Fields that are people's contacts: blocking them blocks the phone or e-mail for the other systems. */
export const CONTACT_CHANNELS = ['phone', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export function contactChannelOf(field: PdField): ContactChannel | null {
  return field === 'phone' || field === 'email' ? field : null;
}

/** The next thing the law asks for, in order; the clock of each is kept on the block. */
export const BLOCK_STEPS = ['verify', 'rectify', 'unblock', 'stop', 'destroy'] as const;
export type BlockStep = (typeof BLOCK_STEPS)[number];

export const BLOCK_STEP_LABELS: Record<BlockStep, { ru: string; en: string }> = {
  verify: { ru: 'Проверить обращение', en: 'Verify the request' },
  rectify: { ru: 'Уточнить данные', en: 'Rectify the data' },
  unblock: { ru: 'Снять блокировку', en: 'Lift the block' },
  stop: { ru: 'Прекратить обработку', en: 'Stop processing' },
  destroy: { ru: 'Уничтожить данные', en: 'Destroy the data' },
};

/** The legal rule behind each step's clock (shared/src/calendar/deadline-rules.ts). */
export const BLOCK_STEP_RULES: Record<Exclude<BlockStep, 'verify'>, DeadlineRuleId> = {
  rectify: 'rectify',
  unblock: 'rectify',
  stop: 'stop-unlawful',
  destroy: 'destroy-unlawful',
};

export type BlockClocks = {
  state: BlockState;
  outcome: BlockOutcome | null;
  caseDueOn: string;
  rectifyDueOn: string | null;
  stopDueOn: string | null;
  destroyDueOn: string | null;
  keepUntil: string | null;
  rectifiedAt: string | null;
  stoppedAt: string | null;
};

/**
 * The next due step of a block and its date, or null when nothing is due (lifted, destroyed, not blocked).
 * Inaccuracy: rectify, then unblock, both within the 7 working days; unlawful: stop (3 wd), then destroy (10 wd)
 * unless it was made lawful; kept blocked: destroy within 6 months.
 */
export function nextBlockStep(b: BlockClocks): { step: BlockStep; dueOn: string } | null {
  if (b.state === 'kept_blocked') return b.keepUntil ? { step: 'destroy', dueOn: b.keepUntil } : null;
  if (b.state !== 'active') return null;
  if (b.outcome === null) return { step: 'verify', dueOn: b.caseDueOn };
  if (b.outcome === 'inaccuracy_confirmed' && b.rectifyDueOn) {
    return { step: b.rectifiedAt ? 'unblock' : 'rectify', dueOn: b.rectifyDueOn };
  }
  if (b.outcome === 'unlawful_confirmed') {
    if (!b.stoppedAt && b.stopDueOn) return { step: 'stop', dueOn: b.stopDueOn };
    if (b.destroyDueOn) return { step: 'destroy', dueOn: b.destroyDueOn };
  }
  return null;
}

/** Rectifiable subject fields → the PD field a block names them by. */
export const SUBJECT_FIELD_TO_PD: Record<string, PdField | null> = {
  lastName: 'full_name',
  firstName: 'full_name',
  middleName: 'full_name',
  birthDate: 'birth_date',
  phone: 'phone',
  email: 'email',
  address: 'address',
  category: null,
};
