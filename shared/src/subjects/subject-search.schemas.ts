// Subject search and import: inputs checked on both sides, and the result shape the web renders.

import { z } from 'zod';
import { msgText } from '../messages/catalogue';
import { id, safeString } from '../schema-fields';
import { MAX_QUERY_LENGTH } from './search-query';
import type { SubjectCategory } from './subject-categories';

/** How far the total is counted: past it the screen says «более 1000» and a search stays fast. */
export const SEARCH_COUNT_CAP = 1000;

export const searchSubjectsInput = z.object({
  query: safeString()
    .trim()
    .min(1, msgText('form.enterAQuery'))
    .max(MAX_QUERY_LENGTH, msgText('form.theQueryIsTooLong')),
  limit: z.number().int().min(1).max(100).default(20),
  /** «Показать ещё»: the results after the first `cursor` (tRPC's name for an infinite query's page key; capped as the count is). */
  cursor: z.number().int().min(0).max(SEARCH_COUNT_CAP).default(0),
});
export type SearchSubjectsInput = z.input<typeof searchSubjectsInput>;

/** A page of results and how many there are in all: «показаны первые 20 из N», or «более 1000» when `capped`. */
export interface SubjectSearchPage {
  results: SubjectSearchResult[];
  total: number;
  capped: boolean;
}
/** What a result matched on: a name part (exactly or approximately) or an identifier. */
export const MATCH_FIELDS = [
  'last_name',
  'first_name',
  'middle_name',
  'former_last_name',
  'initials',
  'phone',
  'phone_tail',
  'email',
  'birth_date',
  'external_id',
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** One person found: masked until someone opens the record and presses «Показать». */
export interface SubjectSearchResult {
  id: number;
  externalId: string | null;
  /** «И•••••а М. П.» */
  fullName: string;
  /** «••.••.1985», or the full date when the query gave it. */
  birthDate: string | null;
  category: SubjectCategory;
  /** Masked phones («+7 ••• •••-67-89»): what tells namesakes apart on the phone. */
  phones: string[];
  /** 0…1: the share of the query this person matched, exact spellings above approximate ones. */
  score: number;
  matchedOn: MatchField[];
  /** A name matched only by a similar spelling (typo, transliteration): worth a second look. */
  approximate: boolean;
  /** Some of the person's data is blocked (policy 4.2.4): the «Заблокировано» badge. */
  blocked: boolean;
}

export const startSubjectImportInput = z.object({
  fileName: safeString().trim().min(1).max(255),
  /** The CSV text; the web reads the file and sends it. Bounded by the server's 25 MB request limit (Cyrillic is
   * two bytes a letter in UTF-8); larger files go through `pd-desk import subjects`. */
  content: z.string().min(1, msgText('form.theFileIsEmpty')).max(12_000_000, msgText('form.theFileIsTooLarge')),
  skipInvalid: z.boolean().default(false),
});
export type StartSubjectImportInput = z.input<typeof startSubjectImportInput>;

export const subjectImportStatusInput = z.object({ jobId: id });
