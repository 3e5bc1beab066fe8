import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { type LegalBasis, PD_FIELDS, type RecordState } from '@pd-desk/shared/subjects/pd-records';
import type { LetterFacts, RecordFact } from './letter-facts';

/**
 * The parts of the answers that PD Desk knows from the subject's records (art. 14 p. 7: purposes and bases, the
 * data by system and its source, processors), in plain Russian grouped for reading. What it cannot know stays a
 * «[…]» blank, which keeps the letter from being numbered until a person fills it.
 */

const BASIS_WORDS: Record<LegalBasis, string> = {
  consent: 'Ваше согласие на обработку персональных данных (п. 1 ч. 1 ст. 6 Закона)',
  contract: 'исполнение договора, стороной которого Вы являетесь (п. 5 ч. 1 ст. 6 Закона)',
  law: 'исполнение обязанностей, возложенных на оператора законодательством Российской Федерации (п. 2 ч. 1 ст. 6 Закона)',
};

const STATE_WORDS: Partial<Record<RecordState, string>> = {
  blocked: 'обработка заблокирована',
  processing_stopped: 'обработка прекращена, данные хранятся до уничтожения',
};

/** Asked of the officer when the case is linked to nobody: the records cannot be read until it is. */
export const LINK_SUBJECT_BLANK = '[свяжите обращение с субъектом — сведения подставятся из его записей]';

/** Records whose data the operator still holds: destroyed and anonymised ones are no longer «processed». */
export function heldRecords(facts: LetterFacts): RecordFact[] {
  return facts.records.filter((r) => r.state !== 'destroyed' && r.state !== 'anonymised');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v?.trim()))];

export function categoriesOf(records: readonly RecordFact[]): string {
  const fields = new Set(records.flatMap((r) => r.dataFields));
  return PD_FIELDS.filter((f) => fields.has(f))
    .map((f) => PD_FIELD_LABELS[f].ru)
    .join(', ');
}

const bullet = (lines: string[]) => lines.map((line) => `— ${line}`).join('\n');

/** «The subject has none»: said plainly, so the letter still answers art. 14 p. 7 honestly. */
function noneHeld(facts: LetterFacts): string | null {
  if (facts.subjectIds.length === 0) return LINK_SUBJECT_BLANK;
  if (heldRecords(facts).length === 0) {
    return 'оператор не обрабатывает Ваши персональные данные: в информационных системах оператора записи о Вас отсутствуют.';
  }
  return null;
}

/** Point 2: each purpose once, with the legal bases its records rest on and the document that grants them. */
export function purposesAndBases(facts: LetterFacts): string {
  const head = '2. Правовые основания и цели обработки';
  const none = noneHeld(facts);
  if (none) return `${head}: ${none}`;
  const lines = [...groupBy(heldRecords(facts), (r) => r.purposeName)].map(([purpose, records]) => {
    const bases = distinct(
      records.map((r) => {
        const ground = r.legalBasisNote ?? r.purposeSource;
        return ground ? `${BASIS_WORDS[r.legalBasis]} — ${ground}` : BASIS_WORDS[r.legalBasis];
      }),
    );
    return `цель «${purpose}»: основание — ${bases.join('; ')};`;
  });
  return `${head}:\n${bullet(lines)}`;
}

/** Point 5: the categories held in each system, where they came from, and a blocked or stopped state. */
export function dataBySystem(facts: LetterFacts): string {
  const head = '5. Обрабатываемые персональные данные и источник их получения';
  const none = noneHeld(facts);
  if (none) return `${head}: ${none}`;
  const lines = [...groupBy(heldRecords(facts), (r) => r.systemName)].map(([system, records]) => {
    const sources = distinct(records.map((r) => r.source));
    const states = distinct(records.map((r) => STATE_WORDS[r.state] ?? null));
    return [
      `${system}: ${categoriesOf(records)}`,
      `источник — ${sources.length > 0 ? sources.join('; ') : '[укажите источник получения данных]'}`,
      ...states,
    ].join('; ');
  });
  return `${head}:\n${bullet(lines.map((line) => `${line};`))}`;
}

/** The processors of the systems the subject's data is in, once each, with the systems they serve. */
export function processorsOf(facts: LetterFacts): string[] {
  return [
    ...groupBy(
      heldRecords(facts).filter((r) => r.processor),
      (r) => r.processor ?? '',
    ),
  ].map(([processor, records]) => `${processor} (${distinct(records.map((r) => r.systemName)).join(', ')})`);
}

/** Point 9: who processes the data on the operator's instruction, or «не осуществляется». */
export function processingOnInstruction(facts: LetterFacts): string {
  const head = '9. Обработка персональных данных по поручению оператора';
  if (facts.subjectIds.length === 0) return `${head}: ${LINK_SUBJECT_BLANK}`;
  const processors = processorsOf(facts);
  if (processors.length === 0) return `${head} не осуществляется.`;
  return `${head} осуществляют:\n${bullet(processors.map((p) => `${p};`))}`;
}

/** «цель «…» (система); …»: the records a blocking, stop or destruction letter is about, by their state. */
export function recordsIn(facts: LetterFacts, state: RecordState): string | null {
  if (facts.subjectIds.length === 0) return null;
  const records = facts.records.filter((r) => r.state === state);
  if (records.length === 0) return null;
  return [...groupBy(records, (r) => r.systemName)]
    .map(
      ([system, rs]) =>
        `${categoriesOf(rs)} в системе «${system}» (${distinct(rs.map((r) => r.purposeName)).join('; ')})`,
    )
    .join('; ');
}

/** Purposes whose records rest on consent (stopped by a withdrawal) and the others (which go on), by name. */
export function purposesByConsent(facts: LetterFacts): { consent: string[]; other: string[] } {
  const held = heldRecords(facts);
  return {
    consent: distinct(held.filter((r) => r.legalBasis === 'consent').map((r) => r.purposeName)),
    other: distinct(held.filter((r) => r.legalBasis !== 'consent').map((r) => r.purposeName)),
  };
}
