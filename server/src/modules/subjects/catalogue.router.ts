import { savePurposeInput, saveSystemInput } from '@pd-desk/shared/subjects/catalogue.schemas';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { listCatalogue, savePurpose, saveSystem } from './catalogue.service';

/** The catalogue holds no personal data: everyone reads it (forms offer it), only an admin changes it. */
export const catalogueRouter = router({
  list: procedureFor(['admin', 'officer', 'auditor', 'registrar']).query(({ ctx }) => listCatalogue(ctx)),
  saveSystem: procedureFor(['admin'])
    .input(saveSystemInput)
    .mutation(({ ctx, input }) => saveSystem(ctx, input)),
  savePurpose: procedureFor(['admin'])
    .input(savePurposeInput)
    .mutation(({ ctx, input }) => savePurpose(ctx, input)),
});
