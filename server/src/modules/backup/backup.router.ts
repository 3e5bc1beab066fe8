import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { backupStatus, createBackupNow } from './admin-backup';

const adminOnly = procedureFor(['admin']);

export const backupRouter = router({
  status: adminOnly.query(({ ctx }) => backupStatus(ctx.config)),
  create: adminOnly.mutation(({ ctx }) => createBackupNow(ctx.config, ctx.actor)),
});
