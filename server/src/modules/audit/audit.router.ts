import { listAuditInput, verifyAuditInput } from '@pd-desk/shared/audit/audit.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { listAudit } from './audit.service';
import { verifyAuditChain } from './audit-verify';

export const auditRouter = router({
  list: procedureFor(['admin', 'officer', 'auditor'])
    .input(listAuditInput)
    .query(({ ctx, input }) => listAudit(ctx, input)),
  verify: procedureFor(['admin', 'auditor'])
    .input(verifyAuditInput)
    .mutation(({ ctx, input }) => verifyAuditChain(ctx.db, { expectHead: input?.expectHead })),
});
