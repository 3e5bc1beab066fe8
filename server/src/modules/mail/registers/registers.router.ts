import {
  listActsInput,
  listIncomingInput,
  listOutgoingInput,
  revealRegisterRowInput,
} from '@pd-desk/shared/mail/registers.schemas';
import { router } from '../../../trpc/init';
import { procedureFor } from '../../../trpc/procedures';
import { listActs, listIncoming, listOutgoing, revealRegisterRow } from './registers.service';

/**
 * The registrar keeps the correspondence journals; destruction acts are the officer's evidence, read by the
 * auditor. The admin runs the system and reads no correspondence.
 */
const correspondence = procedureFor(['officer', 'registrar', 'auditor']);
const acts = procedureFor(['officer', 'auditor']);

export const mailRegistersRouter = router({
  incoming: correspondence.input(listIncomingInput).query(({ ctx, input }) => listIncoming(ctx, input)),
  outgoing: correspondence.input(listOutgoingInput).query(({ ctx, input }) => listOutgoing(ctx, input)),
  acts: acts.input(listActsInput).query(({ ctx, input }) => listActs(ctx, input)),
  reveal: correspondence.input(revealRegisterRowInput).mutation(({ ctx, input }) => revealRegisterRow(ctx, input)),
});
