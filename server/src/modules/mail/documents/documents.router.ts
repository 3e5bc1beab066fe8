import { createAnswerInput } from '@pd-desk/shared/mail/documents.schemas';
import { router } from '../../../trpc/init';
import { procedureFor } from '../../../trpc/procedures';
import { createWithdrawalAnswer } from './documents.service';

/** Writing the answer is the officer's; downloads are plain GET routes (files.routes.ts). */
export const mailDocumentsRouter = router({
  createAnswer: procedureFor(['officer'])
    .input(createAnswerInput)
    .mutation(({ ctx, input }) => createWithdrawalAnswer(ctx, input.planId)),
});
