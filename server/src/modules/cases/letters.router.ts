import { createLetterInput, letterDraftInput, markLetterSentInput } from '@pd-desk/shared/cases/letters.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { createLetter, draftLetter, markLetterSent } from './letters.service';

/** Letters are decisions: the officer writes and sends them. The PDF is served by GET /files/letters/:id.pdf. */
const officer = procedureFor(['officer']);

export const lettersRouter = router({
  draft: officer.input(letterDraftInput).query(({ ctx, input }) => draftLetter(ctx, input.caseId, input.kind)),
  create: officer.input(createLetterInput).mutation(({ ctx, input }) => createLetter(ctx, input)),
  markSent: officer.input(markLetterSentInput).mutation(({ ctx, input }) => markLetterSent(ctx, input)),
});
