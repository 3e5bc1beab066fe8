import { tableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import { MAIL_REGISTERS, REGISTER_FILTERS } from '@pd-desk/shared/mail/registers.schemas';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import type { Config } from '../env';
import { exportAuditLog } from '../modules/audit/audit-export';
import { exportMailRegister } from '../modules/mail/registers/register-export';
import { requestsJournalPdf } from '../modules/mail/registers/requests-journal';
import { exportSubjects } from '../modules/subjects/subjects-export';
import { exportQueue } from '../modules/triage/queue-export';
import { exportRoutes, queryFilters } from './export-route';

const SPREADSHEETS = tableExportFormat.options;

/**
 * Every export in one table, with who may take it (ADR 0019). Each is a PD export: audited with its filters and
 * row count before the first byte leaves. What each role gets in the file is decided by the export itself.
 */
export function registerExportRoutes(app: FastifyInstance, db: Db, config: Config) {
  const exportRoute = exportRoutes(app, db, config);

  exportRoute('/files/triage/queue', {
    roles: ['officer', 'auditor'],
    formats: SPREADSHEETS,
    file: (ctx, format, query) => exportQueue(ctx, query, format),
  });
  exportRoute('/files/audit/log', {
    roles: ['admin', 'officer', 'auditor'],
    formats: SPREADSHEETS,
    file: (ctx, format, query) => exportAuditLog(ctx, query, format),
  });
  exportRoute('/files/subjects/list', {
    roles: ['officer', 'auditor'],
    formats: SPREADSHEETS,
    file: (ctx, format, query) => exportSubjects(ctx, query, format),
  });
  for (const register of MAIL_REGISTERS) {
    exportRoute(`/files/mail/registers/${register}`, {
      // The registrar keeps the letter journals (masked in the file as on screen); acts are the officer's.
      roles: register === 'acts' ? ['officer', 'auditor'] : ['officer', 'auditor', 'registrar'],
      formats: SPREADSHEETS,
      file: (ctx, format, query) =>
        exportMailRegister(ctx, register, queryFilters(REGISTER_FILTERS[register], query), format),
    });
  }
  exportRoute('/files/mail/registers/requests', {
    roles: ['officer', 'auditor'],
    formats: ['pdf'] as const,
    file: (ctx, _format, query) => requestsJournalPdf(ctx, queryFilters(REGISTER_FILTERS.incoming, query)),
  });
}
