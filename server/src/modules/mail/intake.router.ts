import {
  createMailItemInput,
  listMailItemsInput,
  mailItemIdInput,
  scannerFileInput,
  scanPagesInput,
} from '@pd-desk/shared/mail/mail.schemas';
import { MAIL_INTAKE_ROLES as INTAKE_ROLES, MAIL_READER_ROLES as MAIL_READERS } from '@pd-desk/shared/mail/mail-model';
import { router } from '../../trpc/init';
import { procedureFor } from '../../trpc/procedures';
import { FileStore } from '../files/file-store';
import { createMailItem, listMailItems, mailItemView, scanPrefill, scanStatus } from './intake/intake.service';
import { scannerFiles, takeScannerFile } from './intake/scans.service';

const intake = procedureFor(INTAKE_ROLES);
const readers = procedureFor(MAIL_READERS);

/** Paper letters: the list, a letter's page, saving one; scans upload through POST /files/mail/scans. */
export const intakeRouter = router({
  list: readers.input(listMailItemsInput).query(({ ctx, input }) => listMailItems(ctx, input)),
  byId: readers.input(mailItemIdInput).query(({ ctx, input }) => mailItemView(ctx, input.id)),
  create: intake.input(createMailItemInput).mutation(({ ctx, input }) => createMailItem(ctx, input)),
  scanStatus: intake.input(scanPagesInput).query(({ ctx, input }) => scanStatus(ctx, input.ids)),
  scanPrefill: intake.input(scanPagesInput).query(({ ctx, input }) => scanPrefill(ctx, input.ids)),
  scannerFiles: intake.query(({ ctx }) => scannerFiles(ctx, ctx.config.scannerDir)),
  takeScannerFile: intake
    .input(scannerFileInput)
    .mutation(({ ctx, input }) =>
      takeScannerFile(ctx, new FileStore(ctx.config.filesDir), ctx.config.scannerDir, input.name),
    ),
});
