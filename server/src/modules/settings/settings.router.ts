import { twoFactorPolicySchema } from '@pd-desk/shared/auth/auth.schemas';
import { letterheadSchema, numberingSchema } from '@pd-desk/shared/settings/settings.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { getSetting, setSetting } from './settings.service';

const staff = procedureFor(['admin', 'officer', 'registrar', 'auditor']);
const adminOnly = procedureFor(['admin']);

export const settingsRouter = router({
  letterhead: staff.query(({ ctx }) => getSetting(ctx.db, 'letterhead')),
  setLetterhead: adminOnly.input(letterheadSchema).mutation(({ ctx, input }) => setSetting(ctx, 'letterhead', input)),
  numbering: staff.query(({ ctx }) => getSetting(ctx.db, 'numbering')),
  setNumbering: adminOnly.input(numberingSchema).mutation(({ ctx, input }) => setSetting(ctx, 'numbering', input)),
  twoFactor: staff.query(({ ctx }) => getSetting(ctx.db, 'twoFactor')),
  setTwoFactor: adminOnly
    .input(twoFactorPolicySchema)
    .mutation(({ ctx, input }) => setSetting(ctx, 'twoFactor', input)),
});
