import { mailItemIdInput, matchSubjectInput } from '@pd-desk/shared/mail/mail.schemas';
import { MAIL_INTAKE_ROLES as INTAKE_ROLES } from '@pd-desk/shared/mail/mail-model';
import { id } from '@pd-desk/shared/schema-fields';
import { createSubjectInput } from '@pd-desk/shared/subjects/subject-records.schemas';
import { z } from 'zod';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { confirmMatch, createSubjectFromLetter, markUnidentified, matchSuggestions } from './match/match.service';

const intake = procedureFor(INTAKE_ROLES);

/** Who wrote the letter: suggestions with reasons, then confirm, a new subject, or «не удалось идентифицировать». */
export const matchRouter = router({
  suggestions: intake.input(mailItemIdInput).query(({ ctx, input }) => matchSuggestions(ctx, input.id)),
  confirm: intake.input(matchSubjectInput).mutation(({ ctx, input }) => confirmMatch(ctx, input)),
  createSubject: intake
    .input(z.object({ itemId: id, subject: createSubjectInput }))
    .mutation(({ ctx, input }) => createSubjectFromLetter(ctx, input)),
  unidentified: intake.input(mailItemIdInput).mutation(({ ctx, input }) => markUnidentified(ctx, input.id)),
});
