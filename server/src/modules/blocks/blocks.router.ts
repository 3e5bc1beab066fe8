import {
  blockIdInput,
  blockStepInput,
  createBlockInput,
  decideBlockInput,
  liftBlockInput,
  listBlocksInput,
  rectifyBlockedInput,
} from '@pd-desk/shared/blocks/blocks.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { createBlock } from './create.service';
import { listBlocks } from './list.service';
import { getBlock } from './page.service';
import { decideBlock, destroyData, keepBlocked, liftBlock, rectifyBlocked, stopProcessing } from './resolution.service';

// Blocking is a decision about people's data: the officer and the admin act, the auditor reads, the registrar has no
// part in it (intake registers the letter; the officer decides what to block).
const actors = procedureFor(['officer', 'admin']);
const readers = procedureFor(['officer', 'admin', 'auditor']);

export const blocksRouter = router({
  list: readers.input(listBlocksInput).query(({ ctx, input }) => listBlocks(ctx, input)),
  byId: readers.input(blockIdInput).query(({ ctx, input }) => getBlock(ctx, input.id)),
  create: actors.input(createBlockInput).mutation(({ ctx, input }) => createBlock(ctx, input)),
  decide: actors.input(decideBlockInput).mutation(({ ctx, input }) => decideBlock(ctx, input)),
  rectify: actors.input(rectifyBlockedInput).mutation(({ ctx, input }) => rectifyBlocked(ctx, input)),
  stop: actors.input(blockStepInput).mutation(({ ctx, input }) => stopProcessing(ctx, input)),
  destroy: actors.input(blockStepInput).mutation(({ ctx, input }) => destroyData(ctx, input)),
  keepBlocked: actors.input(blockStepInput).mutation(({ ctx, input }) => keepBlocked(ctx, input)),
  lift: actors.input(liftBlockInput).mutation(({ ctx, input }) => liftBlock(ctx, input)),
});
