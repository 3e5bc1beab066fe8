import { z } from 'zod';

/** The spreadsheet formats every table export offers (the journal of requests adds a PDF of its own). */
export const TABLE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const tableExportFormat = z.enum(TABLE_EXPORT_FORMATS);
export type TableExportFormat = z.infer<typeof tableExportFormat>;
