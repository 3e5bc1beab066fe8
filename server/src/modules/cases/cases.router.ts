import {
  addNoteInput,
  assignCaseInput,
  caseIdInput,
  createCaseInput,
  deadlinePreviewInput,
  extendCaseInput,
  extensionDraftInput,
  listCasesInput,
  setCaseSubjectsInput,
  transitionCaseInput,
  updateCaseInput,
} from '@pd-desk/shared/cases/cases.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import {
  addCaseNote,
  assignCase,
  createCase,
  extendCase,
  extensionDraft,
  getCase,
  listCases,
  previewDeadline,
  setCaseSubjects,
  transitionCase,
  updateCase,
} from './cases.service';

/** The officer works cases; the registrar registers them and adds scans; the auditor reads. */
const officer = procedureFor(['officer']);
const intake = procedureFor(['officer', 'registrar']);
const readers = procedureFor(['officer', 'registrar', 'auditor']);

export const casesRouter = router({
  create: intake
    .input(createCaseInput)
    .mutation(({ ctx, input }) => createCase(ctx.db, ctx.actor, input, ctx.config.timeZone)),
  byId: readers.input(caseIdInput).query(({ ctx, input }) => getCase(ctx.db, ctx.actor, input.id, ctx.config.timeZone)),
  list: readers.input(listCasesInput).query(({ ctx, input }) => listCases(ctx.db, input)),
  deadlinePreview: intake.input(deadlinePreviewInput).query(({ ctx, input }) => previewDeadline(ctx.db, input)),
  update: officer
    .input(updateCaseInput)
    .mutation(({ ctx, input }) => updateCase(ctx.db, ctx.actor, input, ctx.config.timeZone)),
  setSubjects: intake
    .input(setCaseSubjectsInput)
    .mutation(({ ctx, input }) => setCaseSubjects(ctx.db, ctx.actor, input)),
  assign: officer.input(assignCaseInput).mutation(({ ctx, input }) => assignCase(ctx.db, ctx.actor, input)),
  transition: officer.input(transitionCaseInput).mutation(({ ctx, input }) => transitionCase(ctx.db, ctx.actor, input)),
  extensionDraft: officer.input(extensionDraftInput).query(({ ctx, input }) => extensionDraft(ctx.db, input)),
  extend: officer
    .input(extendCaseInput)
    .mutation(({ ctx, input }) => extendCase(ctx.db, ctx.actor, input, ctx.config.timeZone)),
  addNote: officer.input(addNoteInput).mutation(({ ctx, input }) => addCaseNote(ctx.db, ctx.actor, input)),
});
