import type { TableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { SUBJECT_CATEGORY_LABELS } from '@pd-desk/shared/subjects/subject-categories';
import { maskBirthDate, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { type SubjectSearchResult, searchSubjectsInput } from '@pd-desk/shared/subjects/subject-search.schemas';
import { asc, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { subjects } from '../../db/schema/subjects';
import { queryFilters } from '../../http/export-route';
import { type ExportColumn, exportPaged } from '../../http/table-export';
import type { ServiceContext } from '../../service-context';
import { blockedSubjectIds } from '../blocks/block-queries';
import { findSubjects, toResult } from './search.service';
import { phonesOf } from './search-probe';

type SubjectRow = Pick<
  SubjectSearchResult,
  'id' | 'externalId' | 'fullName' | 'birthDate' | 'category' | 'phones' | 'blocked'
>;

const COLUMNS: ExportColumn<SubjectRow>[] = [
  { header: 'ID', width: 8, cell: (r) => r.id },
  { header: 'Внешний ID', cell: (r) => r.externalId ?? '' },
  { header: 'ФИО (маскировано)', width: 26, cell: (r) => r.fullName },
  { header: 'Дата рождения', width: 14, cell: (r) => r.birthDate ?? '' },
  { header: 'Категория', width: 22, cell: (r) => SUBJECT_CATEGORY_LABELS[r.category].ru },
  { header: 'Телефоны', width: 26, cell: (r) => r.phones.join(', ') },
  { header: 'Блокировка', cell: (r) => (r.blocked ? 'Да' : '') },
];

const exportQuery = z.object({ q: searchSubjectsInput.shape.query.optional() });

/** The search's results, best first, as the screen shows them (at most the search's own cap of 100). */
async function searchPage(ctx: ServiceContext, query: string) {
  const { found } = await findSubjects(ctx.db, { query, limit: 100 });
  const rows = found.map(toResult);
  return { rows, total: rows.length };
}

/** Every current (not merged-away) person, by id, masked the way the search masks them. */
async function registerPage(ctx: ServiceContext, page: { limit: number; offset: number }) {
  const current = isNull(subjects.mergedIntoId);
  const [people, [total]] = await Promise.all([
    ctx.db.select().from(subjects).where(current).orderBy(asc(subjects.id)).limit(page.limit).offset(page.offset),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(subjects).where(current),
  ]);
  const ids = people.map((p) => p.id);
  const [phones, blocked] = await Promise.all([phonesOf(ctx.db, ids), blockedSubjectIds(ctx.db, ids)]);
  const rows = people.map((p) => ({
    id: p.id,
    externalId: p.externalId,
    fullName: maskFullName([p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ')),
    birthDate: p.birthDate && maskBirthDate(p.birthDate),
    category: p.category,
    phones: (phones.get(p.id) ?? []).map(maskPhone),
    blocked: blocked.has(p.id),
  }));
  return { rows, total: total?.n ?? 0 };
}

/**
 * The subject list — the search's results for `?q=`, or everyone — always MASKED, for every role: a file leaves
 * the system's access control, and a list of people in clear is the largest leak the system could produce.
 * Whoever needs a person in clear opens the record (audited one by one). Audited as a PD export: whether there
 * was a query (never its text: it is a name or a phone), the row count.
 */
export async function exportSubjects(ctx: ServiceContext, query: Record<string, string>, format: TableExportFormat) {
  const { q } = queryFilters(exportQuery, query);
  return exportPaged(
    ctx,
    { title: 'Субъекты персональных данных', sheet: 'Субъекты', fileBase: 'subjects', columns: COLUMNS },
    // The search's ≤ 100 rows are one short page: the paging stops after it.
    (page) => (q ? searchPage(ctx, q) : registerPage(ctx, page)),
    format,
    { action: 'subject.exported', objectType: 'subject', filters: { search: q !== undefined, masked: true } },
  );
}
