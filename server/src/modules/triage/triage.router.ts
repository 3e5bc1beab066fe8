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
  list: readers
    .input(triageListInput)
    .query(({ ctx, input }) => triageList(ctx.db, ctx.actor, input, ctx.config.timeZone)),
  views: readers.query(({ ctx }) => listViews(ctx.db, ctx.actor)),
  saveView: readers.input(saveViewInput).mutation(({ ctx, input }) => saveView(ctx.db, ctx.actor, input)),
  deleteView: readers.input(viewIdInput).mutation(({ ctx, input }) => deleteView(ctx.db, ctx.actor, input.id)),
  bulkAssign: officer.input(bulkAssignInput).mutation(({ ctx, input }) => bulkAssign(ctx.db, ctx.actor, input)),
  bulkClose: officer.input(bulkCloseInput).mutation(({ ctx, input }) => bulkClose(ctx.db, ctx.actor, input)),
});
