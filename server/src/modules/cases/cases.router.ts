import {
  addNoteInput,
  assignCaseInput,
  caseIdInput,
  createCaseInput,
  deadlinePreviewInput,
  extendCaseInput,
  extensionDraftInput,
  listCasesInput,
  reopenCaseInput,
  revealCaseInput,
  setCaseSubjectsInput,
  transitionCaseInput,
  updateCaseInput,
} from '@pd-desk/shared/cases/cases.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { revealCase } from './case-reveal.service';
import { addCaseNote, createCase, listCases, previewDeadline, setCaseSubjects, updateCase } from './cases.service';
import { lettersRouter } from './letters.router';
import { getCase } from './page.service';
import { assignCase, extendCase, extensionDraft, reopenCase, transitionCase } from './workflow.service';

/** The officer works cases; the registrar registers them and adds scans; the auditor reads. */
const officer = procedureFor(['officer']);
const intake = procedureFor(['officer', 'registrar']);
const readers = procedureFor(['officer', 'registrar', 'auditor']);

export const casesRouter = router({
  create: intake.input(createCaseInput).mutation(({ ctx, input }) => createCase(ctx, input)),
  byId: readers.input(caseIdInput).query(({ ctx, input }) => getCase(ctx, input.id)),
  /** People on the page are masked; this opens them, audited, where the role may (case-reveal.service.ts). */
  reveal: readers.input(revealCaseInput).mutation(({ ctx, input }) => revealCase(ctx, input)),
  list: readers.input(listCasesInput).query(({ ctx, input }) => listCases(ctx, input)),
  deadlinePreview: intake.input(deadlinePreviewInput).query(({ ctx, input }) => previewDeadline(ctx, input)),
  update: officer.input(updateCaseInput).mutation(({ ctx, input }) => updateCase(ctx, input)),
  setSubjects: intake.input(setCaseSubjectsInput).mutation(({ ctx, input }) => setCaseSubjects(ctx, input)),
  assign: officer.input(assignCaseInput).mutation(({ ctx, input }) => assignCase(ctx, input)),
  transition: officer.input(transitionCaseInput).mutation(({ ctx, input }) => transitionCase(ctx, input)),
  /** Closed and rejected cases are read-only; reopening is the officer's explicit, audited step. */
  reopen: officer.input(reopenCaseInput).mutation(({ ctx, input }) => reopenCase(ctx, input)),
  extensionDraft: officer.input(extensionDraftInput).query(({ ctx, input }) => extensionDraft(ctx, input)),
  extend: officer.input(extendCaseInput).mutation(({ ctx, input }) => extendCase(ctx, input)),
  addNote: officer.input(addNoteInput).mutation(({ ctx, input }) => addCaseNote(ctx, input)),
  letters: lettersRouter,
});
