import {
  completePlanInput,
  confirmPlanInput,
  createPlanInput,
  planCaseInput,
  setPlanLineInput,
} from '@pd-desk/shared/mail/plan.schemas';
import { router } from '../../../trpc/init';
import { procedureFor } from '../../../trpc/procedures';
import { completePlan } from './complete.service';
import { confirmPlan, createPlan, getPlan, setPlanLine } from './plan.service';

/** The officer decides and carries out; the auditor reads what was decided. */
const officer = procedureFor(['officer']);
const readers = procedureFor(['officer', 'auditor']);

export const mailPlanRouter = router({
  byCase: readers.input(planCaseInput).query(({ ctx, input }) => getPlan(ctx, input.caseId)),
  create: officer.input(createPlanInput).mutation(({ ctx, input }) => createPlan(ctx, input)),
  setLine: officer.input(setPlanLineInput).mutation(({ ctx, input }) => setPlanLine(ctx, input)),
  confirm: officer.input(confirmPlanInput).mutation(({ ctx, input }) => confirmPlan(ctx, input.planId)),
  complete: officer.input(completePlanInput).mutation(({ ctx, input }) => completePlan(ctx, input)),
});
