import {
  addRecordInput,
  addRepresentativeInput,
  createSubjectInput,
  historyInput,
  mergeInput,
  rectifyInput,
  representativeIdInput,
  revealInput,
  subjectIdInput,
  undoMergeInput,
  withdrawConsentInput,
} from '@pd-desk/shared/subjects/subject-records.schemas';
import { searchSubjectsInput } from '@pd-desk/shared/subjects/subject-search.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { catalogueRouter } from './catalogue.router';
import { createSubject, rectifySubject } from './edit.service';
import { getSubjectHistory } from './history.service';
import { importRouter } from './import.router';
import { mergeCandidates, mergeSubjects, undoMerge } from './merge.service';
import { getSubjectCard, getSubjectPage } from './page.service';
import { addRecord, addRepresentative, revokeRepresentative, withdrawConsent } from './records.service';
import { revealSubject } from './reveal.service';
import { searchSubjects } from './search.service';

// The officer works the data; the auditor reads all of it; the registrar gets what intake needs (the masked card,
// and adding the sender of a letter nobody knows yet); the admin runs the system, not the people in it.
const readers = procedureFor(['officer', 'auditor']);
const officer = procedureFor(['officer']);

export const subjectsRouter = router({
  // Registrars search too: matching an incoming letter to a person is their job.
  search: procedureFor(['officer', 'auditor', 'admin', 'registrar'])
    .input(searchSubjectsInput)
    .query(({ ctx, input }) => searchSubjects(ctx, input)),
  byId: readers.input(subjectIdInput).query(({ ctx, input }) => getSubjectPage(ctx, input.subjectId)),
  card: procedureFor(['officer', 'auditor', 'registrar'])
    .input(subjectIdInput)
    .query(({ ctx, input }) => getSubjectCard(ctx, input.subjectId)),
  reveal: readers.input(revealInput).mutation(({ ctx, input }) => revealSubject(ctx, input.subjectId, input.fields)),
  history: readers.input(historyInput).query(({ ctx, input }) => getSubjectHistory(ctx, input)),
  mergeCandidates: readers.input(subjectIdInput).query(({ ctx, input }) => mergeCandidates(ctx, input.subjectId)),
  create: procedureFor(['officer', 'registrar'])
    .input(createSubjectInput)
    .mutation(({ ctx, input }) => createSubject(ctx, input)),
  rectify: officer.input(rectifyInput).mutation(({ ctx, input }) => rectifySubject(ctx, input)),
  merge: officer.input(mergeInput).mutation(({ ctx, input }) => mergeSubjects(ctx, input)),
  undoMerge: officer.input(undoMergeInput).mutation(({ ctx, input }) => undoMerge(ctx, input)),
  withdrawConsent: officer.input(withdrawConsentInput).mutation(({ ctx, input }) => withdrawConsent(ctx, input)),
  addRepresentative: officer.input(addRepresentativeInput).mutation(({ ctx, input }) => addRepresentative(ctx, input)),
  revokeRepresentative: officer
    .input(representativeIdInput)
    .mutation(({ ctx, input }) => revokeRepresentative(ctx, input.representativeId)),
  addRecord: officer.input(addRecordInput).mutation(({ ctx, input }) => addRecord(ctx, input)),
  import: importRouter,
  catalogue: catalogueRouter,
});
