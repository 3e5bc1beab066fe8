import { importEmailsInput } from '@pd-desk/shared/mail/mail.schemas';
import { MAIL_INTAKE_ROLES as INTAKE_ROLES } from '@pd-desk/shared/mail/mail-model';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { FileStore } from '../files/file-store';
import { importEmails } from './email-import.service';

/** .eml files dropped on the inbox: the same import as `pd-desk import eml`, one line per message. */
export const emailRouter = router({
  import: procedureFor(INTAKE_ROLES)
    .input(importEmailsInput)
    .mutation(({ ctx, input }) =>
      importEmails(
        ctx,
        new FileStore(ctx.config.filesDir),
        input.files.map((f) => ({ file: f.name, bytes: Buffer.from(f.base64, 'base64') })),
      ),
    ),
});
