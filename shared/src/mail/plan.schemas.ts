import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, text } from '../schema-fields';
import { CHOOSABLE_PLAN_ACTIONS } from './withdrawal-plan';

export const planCaseInput = z.object({ caseId: id });

export const createPlanInput = z.object({
  caseId: id,
  /** The purposes the letter names; absent when it withdraws every consent. */
  purposeIds: z.array(id).min(1, msgText('form.chooseAtLeastOnePurpose')).max(100).optional(),
  /** Every consent, whatever the letter lists. With neither field the plan takes the scope entered from the letter. */
  allPurposes: z.boolean().optional(),
});
export type CreatePlanInput = z.infer<typeof createPlanInput>;

export const setPlanLineInput = z.object({
  lineId: id,
  action: z.enum(CHOOSABLE_PLAN_ACTIONS, { error: msgText('form.chooseAnAction') }),
  /** Why the officer departs from the proposal; asked for only then. */
  note: text(1000).optional(),
});
export type SetPlanLineInput = z.infer<typeof setPlanLineInput>;

export const confirmPlanInput = z.object({ planId: id });

export const completePlanInput = z.object({
  planId: id,
  /** Tasks to mark done; absent marks every open task done. */
  lineIds: z.array(id).min(1).max(500).optional(),
  /** The certified protection tool used to destroy the data (233-FZ): the act names it. */
  destructionTool: text(300).optional(),
});
export type CompletePlanInput = z.infer<typeof completePlanInput>;
