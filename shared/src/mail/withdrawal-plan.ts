import { type MessageRef, msg } from '../messages/catalogue';
import type { LegalBasis, RecordState } from '../subjects/pd-records';

/**
 * What a consent withdrawal does to each PD record of the subject (art. 9 p. 2, art. 21 p. 5 of 152-FZ):
 * - destroy: processing rested on the consent: stop it and destroy the data (the destruction act records it);
 * - keep: a federal law or a contract requires the data to be kept (medical records 25 years, payment documents
 *   5 years): stop the processing the consent covered, keep the data for the term the law sets;
 * - continue: the record is outside the withdrawal (the letter names other purposes): nothing changes;
 * - already_stopped: the record was stopped or destroyed before; nothing to do.
 */
export const PLAN_ACTIONS = ['destroy', 'keep', 'continue', 'already_stopped'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The actions an officer may choose for a live record; `already_stopped` only describes a record's past. */
export const CHOOSABLE_PLAN_ACTIONS = ['destroy', 'keep', 'continue'] as const satisfies readonly PlanAction[];
export type ChoosablePlanAction = (typeof CHOOSABLE_PLAN_ACTIONS)[number];

export const PLAN_ACTION_LABELS: Record<PlanAction, { ru: string; en: string }> = {
  destroy: { ru: 'Прекратить и уничтожить', en: 'Stop and destroy' },
  keep: { ru: 'Прекратить, хранить по закону', en: 'Stop and keep by law' },
  continue: { ru: 'Не затрагивается отзывом', en: 'Not covered by the withdrawal' },
  already_stopped: { ru: 'Уже прекращена', en: 'Already stopped' },
};

/** draft: proposals to check; confirmed: the officer's tasks with the 30-day clock; done: every task carried out. */
export const PLAN_STATUSES = ['draft', 'confirmed', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, { ru: string; en: string }> = {
  draft: { ru: 'Черновик: проверьте предложения', en: 'Draft: check the proposals' },
  confirmed: { ru: 'Утверждён, задачи в работе', en: 'Confirmed, tasks in progress' },
  done: { ru: 'Исполнен', en: 'Done' },
};

export const STOPPED_STATES: readonly RecordState[] = ['processing_stopped', 'destroyed', 'anonymised'];

export type ProposalInput = {
  state: RecordState;
  legalBasis: LegalBasis;
  purposeId: number;
  /** The catalogue's usual basis for the purpose: a record entered as "law" for a consent purpose still needs care. */
  purposeDefaultBasis: LegalBasis;
};

/**
 * The proposal for one record, from the record's legal basis and the purpose's catalogue entry — never from a list
 * of purpose names, so a purpose an admin adds later is handled by what it rests on.
 * `scopePurposeIds` null means the letter withdraws every consent.
 */
export function proposeAction(record: ProposalInput, scopePurposeIds: readonly number[] | null): PlanAction {
  if (STOPPED_STATES.includes(record.state)) return 'already_stopped';
  if (scopePurposeIds !== null && !scopePurposeIds.includes(record.purposeId)) return 'continue';
  if (record.legalBasis === 'consent') return 'destroy';
  return 'keep';
}

/** Data kept by a federal law cannot be destroyed on a withdrawal: the law's term outranks the consent. */
export function actionRefusal(action: PlanAction, record: ProposalInput): MessageRef | null {
  if (action === 'destroy' && record.legalBasis === 'law') {
    return msg('plans.keptByLaw');
  }
  if (action === 'already_stopped' && !STOPPED_STATES.includes(record.state)) {
    return msg('plans.stillProcessing');
  }
  return null;
}

/** Destruction acts and their event-log extracts are kept 3 years (RKN Order No. 179, p. 8). */
export const DESTRUCTION_ACT_KEEP_YEARS = 3;
