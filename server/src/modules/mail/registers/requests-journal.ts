import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import type { IncomingFilters } from '@pd-desk/shared/mail/registers.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { DomainError } from '../../../errors';
import { auditExport, exportFileName, pagedRows } from '../../../http/table-export';
import type { ServiceContext } from '../../../service-context';
import { getSetting } from '../../settings/settings.service';
import type { MailDocument } from '../documents/document-model';
import { renderDocumentPdf } from '../documents/render-pdf';
import { requestJournalRows } from './register-queries';

/** A printed journal is read by people: past this many rows the officer narrows the period instead. */
export const JOURNAL_PDF_MAX_ROWS = 5000;

type JournalRow = Awaited<ReturnType<typeof requestJournalRows>>['rows'][number];

const COLUMNS = [
  '№',
  'Вх. №, дата поступления',
  'Заявитель',
  'Суть обращения',
  'Срок ответа',
  'Дата и № ответа',
  'Результат',
];
const WIDTHS = [0.5, 1.5, 2.2, 3, 1.1, 1.8, 1.9];

function journalLine(row: JournalRow, index: number): string[] {
  return [
    String(index + 1),
    `${row.incomingNumber}\n${ruDate(row.receivedOn)}`,
    row.requesterName,
    [CASE_TYPE_LABELS[row.kind].ru, row.summary].filter(Boolean).join('. '),
    `${ruDate(row.dueOn)}${row.extended ? '\n(продлён)' : ''}`,
    (row.answers ?? []).map((a) => `${a.number} от ${ruDate(a.dateOn)}`).join('\n'),
    [CASE_STATUS_LABELS[row.status].ru, row.statusReason].filter(Boolean).join(': '),
  ];
}

const periodText = (filters: IncomingFilters) =>
  filters.from || filters.to
    ? `За период${filters.from ? ` с ${ruDate(filters.from)}` : ''}${filters.to ? ` по ${ruDate(filters.to)}` : ''}`
    : 'За весь период';

/**
 * Журнал учёта обращений субъектов персональных данных as a printable PDF (landscape A4, the header repeated on
 * every page, pages numbered), in clear: the officer's and the auditor's register. Audited as a PD export.
 */
export async function requestsJournalPdf(ctx: ServiceContext, filters: IncomingFilters) {
  const { total, pages } = await pagedRows((page) => requestJournalRows(ctx.db, filters, page));
  if (total > JOURNAL_PDF_MAX_ROWS) {
    throw new DomainError('BAD_REQUEST', msg('registers.journalTooLong', { total, max: JOURNAL_PDF_MAX_ROWS }));
  }
  await auditExport(
    ctx,
    { action: 'mail.register_exported', objectType: 'mail_register', objectId: 'requests', filters },
    { format: 'pdf', rows: total },
  );
  const rows: string[][] = [];
  for await (const page of pages) for (const row of page) rows.push(journalLine(row, rows.length));
  const letterhead = await getSetting(ctx.db, 'letterhead');
  const title = 'ЖУРНАЛ\nучёта обращений субъектов персональных данных';
  const document: MailDocument = {
    fileTitle: 'Журнал учёта обращений субъектов персональных данных',
    letterhead,
    references: [periodText(filters), `Сформирован ${ruDate(ctx.clock.today())}, записей: ${total}`],
    addressee: null,
    title,
    blocks: [{ kind: 'table', columns: COLUMNS, widths: WIDTHS, rows }],
    signatures: [{ position: letterhead.responsiblePosition, name: letterhead.responsiblePerson }],
    page: { landscape: true, numbered: true },
  };
  return {
    body: await renderDocumentPdf(document),
    type: 'application/pdf',
    name: exportFileName(ctx, 'requests-journal', 'pdf'),
  };
}
