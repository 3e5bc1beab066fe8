import {
  bulkAssignInput,
  bulkCloseInput,
  saveViewInput,
  triageListInput,
  viewIdInput,
} from '@pd-desk/shared/triage/triage.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { bulkAssign, bulkClose } from './bulk.service';
import { triageList } from './triage.service';
import { deleteView, listViews, saveView } from './views.service';

const officer = procedureFor(['officer']);
const readers = procedureFor(['officer', 'auditor']);

export const triageRouter = router({
  list: readers.input(triageListInput).query(({ ctx, input }) => triageList(ctx, input)),
  views: readers.query(({ ctx }) => listViews(ctx)),
  saveView: readers.input(saveViewInput).mutation(({ ctx, input }) => saveView(ctx, input)),
  deleteView: readers.input(viewIdInput).mutation(({ ctx, input }) => deleteView(ctx, input.id)),
  bulkAssign: officer.input(bulkAssignInput).mutation(({ ctx, input }) => bulkAssign(ctx, input)),
  bulkClose: officer.input(bulkCloseInput).mutation(({ ctx, input }) => bulkClose(ctx, input)),
});
