// Demo PD records, consents and representatives for demo subjects: what a real clinic's systems would hold about each
// category of person (policy 1.6), with consent evidence as the website's forms record it. Deterministic: the
// random stream of a subject is derived from its external id (or id), so the same person gets the same records.

import { addDays, addMonths } from '@pd-desk/shared/calendar/iso-date';
import { chance, deriveSeed, int, mulberry32, pick, type Rng } from '@pd-desk/shared/demo/prng';
import { feminineSurname } from '@pd-desk/shared/demo/russian-names';
import type { LegalBasis, PdField, RecordState } from '@pd-desk/shared/subjects/pd-records';
import type { consents, subjectRepresentatives } from '../../db/schema/subject-records';
import type { subjects } from '../../db/schema/subjects';

const SEED = 20261126;

export const REFERENCE_DATE = '2026-06-01';

const CHECKBOX_TEXT =
  'Я даю согласие на обработку моих персональных данных на условиях Политики конфиденциальности ' +
  'и подтверждаю, что ознакомлен(а) с ней.';

const MARKETING_TEXT =
  'Я согласен(на) получать новости, специальные предложения и информацию о ценах клиники по e-mail и SMS.';

const AD_TEXT = 'Я согласен(на) получать рекламные рассылки клиники.';

/** The revisions of the privacy policy the site's forms cite, oldest first, with the day each came into force. */
const POLICY_REVISIONS = [
  { from: '2021-01-12', label: 'ред. от 12.01.2021' },
  { from: '2023-03-01', label: 'ред. от 01.03.2023' },
  { from: '2025-09-01', label: 'ред. от 01.09.2025' },
] as const;

/** The revision in force on a day: a consent cites the policy the form showed that day, never a later one. */
function policyRevisionOn(on: string): string {
  return POLICY_REVISIONS.findLast((revision) => revision.from <= on)?.label ?? POLICY_REVISIONS[0].label;
}

/** The site's forms (and their consents) begin with its first policy: no consent predates the text it cites. */
const FIRST_WEB_CONSENT = POLICY_REVISIONS[0].from;

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 YaBrowser/24.4 Safari/537.36',
];

// Address blocks of Yekaterinburg's home and mobile providers.
const IP_PREFIXES = ['5.165', '46.146', '188.17', '213.87', '176.59', '95.154'];

/** The website's forms (policy 1.5, 3.5): which purpose and system each feeds, and what its checkbox says. */
const WEB_FORMS = {
  booking: {
    purpose: 'online_booking',
    system: 'booking_site',
    form: 'Онлайн-запись на приём',
    text: CHECKBOX_TEXT,
    source: 'Форма записи на сайте',
  },
  feedback: {
    purpose: 'feedback',
    system: 'feedback_form',
    form: 'Обратная связь',
    text: CHECKBOX_TEXT,
    source: 'Форма обратной связи на сайте',
  },
  newsletter: {
    purpose: 'newsletter',
    system: 'newsletter',
    form: 'Подписка на новости',
    text: MARKETING_TEXT,
    source: 'Форма подписки на сайте',
  },
  advertising: {
    purpose: 'advertising',
    system: 'ad_mailings',
    form: 'Подписка на акции',
    text: AD_TEXT,
    source: 'Форма подписки на сайте',
  },
  vacancy: {
    purpose: 'recruitment',
    system: 'hr',
    form: 'Отклик на вакансию',
    text: CHECKBOX_TEXT,
    source: 'Резюме через сайт',
  },
} as const;

type SubjectRow = typeof subjects.$inferSelect;

type PlannedConsent = Omit<typeof consents.$inferInsert, 'subjectId' | 'purposeId'> & { purpose: string };

type PlannedRecord = {
  system: string;
  purpose: string;
  legalBasis: LegalBasis;
  legalBasisNote: string | null;
  dataFields: PdField[];
  source: string;
  collectedOn: string;
  retainUntil: string | null;
  state: RecordState;
  stateReason: string | null;
  /** The purpose whose consent this record rests on. */
  consent: string | null;
};

type Plan = {
  subjectId: number;
  consents: PlannedConsent[];
  records: PlannedRecord[];
  representatives: Array<Omit<typeof subjectRepresentatives.$inferInsert, 'subjectId'>>;
};

function rngFor(subject: SubjectRow): Rng {
  const key = subject.externalId ?? String(subject.id);
  let h = 0;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return mulberry32(deriveSeed(SEED, h));
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return addDays(from, int(rng, 0, Math.max(0, Math.floor(span))));
}

function ageAt(birthDate: string | null, on: string): number {
  if (!birthDate) return 40;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** Web-form consent evidence as the site logs it: form, checkbox text, policy version, time, IP, browser. */
function webConsent(rng: Rng, purpose: string, form: string, text: string, on: string): PlannedConsent {
  const withdrawn = (purpose === 'newsletter' || purpose === 'advertising') && chance(rng, 0.2);
  const withdrawnOn = withdrawn ? dateBetween(rng, on, REFERENCE_DATE) : null;
  return {
    purpose,
    method: 'web_checkbox',
    form,
    checkboxText: text,
    policyVersion: policyRevisionOn(on),
    givenAt: `${on}T${String(int(rng, 3, 17)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}:00Z`,
    ip: `${pick(rng, IP_PREFIXES)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`,
    userAgent: pick(rng, USER_AGENTS),
    withdrawnAt: withdrawnOn ? `${withdrawnOn}T06:00:00Z` : null,
    withdrawalChannel: withdrawnOn ? pick(rng, ['email', 'post'] as const) : null,
    withdrawalReceivedOn: withdrawnOn,
    withdrawalNote: withdrawnOn ? 'Отзыв согласия на обработку персональных данных (п. 3.6 Политики)' : null,
  };
}

/** A record on a contract or a law: it stays active whatever happens to consents. */
function keptRecord(r: Omit<PlannedRecord, 'state' | 'stateReason' | 'consent'>): PlannedRecord {
  return { ...r, state: 'active', stateReason: null, consent: null };
}

function consentRecord(consent: PlannedConsent, system: string, dataFields: PdField[], source: string): PlannedRecord {
  const collectedOn = consent.givenAt.slice(0, 10);
  const stopped = consent.withdrawnAt !== null && consent.withdrawnAt !== undefined;
  return {
    system,
    purpose: consent.purpose,
    legalBasis: 'consent',
    legalBasisNote: `Согласие через форму «${consent.form}», ${consent.policyVersion}`,
    dataFields,
    source,
    collectedOn,
    retainUntil: null,
    state: stopped ? 'processing_stopped' : 'active',
    stateReason: stopped ? 'Согласие отозвано' : null,
    consent: consent.purpose,
  };
}

export function planFor(subject: SubjectRow, hasEmail: boolean): Plan {
  const rng = rngFor(subject);
  const plan: Plan = { subjectId: subject.id, consents: [], records: [], representatives: [] };
  const contactFields: PdField[] = hasEmail ? ['full_name', 'phone', 'email'] : ['full_name', 'phone'];
  const addWeb = (kind: keyof typeof WEB_FORMS, fields: PdField[]) => {
    const f = WEB_FORMS[kind];
    const consent = webConsent(rng, f.purpose, f.form, f.text, dateBetween(rng, FIRST_WEB_CONSENT, REFERENCE_DATE));
    plan.consents.push(consent);
    plan.records.push(consentRecord(consent, f.system, fields, f.source));
  };
  const age = ageAt(subject.birthDate, REFERENCE_DATE);

  switch (subject.category) {
    case 'patient': {
      const firstVisit = dateBetween(rng, '2012-01-10', '2026-04-30');
      const lastVisit = dateBetween(rng, firstVisit, '2026-05-30');
      plan.records.push(
        keptRecord({
          system: 'mis',
          purpose: 'medical_care',
          legalBasis: 'law',
          legalBasisNote:
            'Медицинская карта стоматологического пациента (форма 043/у): хранение 25 лет, приказ Минздрава России № 408н от 03.08.2023; ст. 10 ч. 2 п. 4 152-ФЗ',
          dataFields: ['full_name', 'birth_date', 'phone', 'address', 'health', 'passport'],
          source: 'Регистратура, первичный приём',
          collectedOn: firstVisit,
          retainUntil: addYears(lastVisit, 25),
        }),
      );
      if (chance(rng, 0.6)) {
        const paidOn = dateBetween(rng, firstVisit, lastVisit);
        plan.records.push(
          keptRecord({
            system: 'payments',
            purpose: 'payment_tax',
            legalBasis: 'contract',
            legalBasisNote: `Договор на оказание платных медицинских услуг № ${paidOn.slice(0, 4)}/${int(rng, 10, 2999)} от ${paidOn.split('-').reverse().join('.')}`,
            dataFields: chance(rng, 0.3) ? ['full_name', 'birth_date', 'inn', 'passport'] : ['full_name', 'phone'],
            source: 'Касса клиники; заявление на справку об оплате медицинских услуг',
            collectedOn: paidOn,
            retainUntil: addYears(paidOn, 5),
          }),
        );
      }
      if (age >= 18 && chance(rng, 0.5)) {
        addWeb('booking', contactFields);
      }
      if (age >= 18 && hasEmail && chance(rng, 0.25)) {
        addWeb('newsletter', ['full_name', 'email']);
      }
      if (age >= 18 && chance(rng, 0.1)) {
        addWeb('advertising', ['full_name', 'phone']);
      }
      if (age < 18) {
        plan.representatives.push(parentOf(rng, subject));
      }
      break;
    }
    case 'site_user':
      addWeb('booking', contactFields);
      if (chance(rng, 0.5)) {
        addWeb('feedback', contactFields);
      }
      if (hasEmail && chance(rng, 0.3)) {
        addWeb('newsletter', ['full_name', 'email']);
      }
      break;
    case 'applicant':
      addWeb('vacancy', [...contactFields, 'birth_date', 'employment']);
      break;
    case 'claimant':
      addWeb('feedback', contactFields);
      break;
    default: {
      const hired = dateBetween(rng, '2008-01-09', '2025-12-01');
      const relative = subject.category === 'employee_relative';
      plan.records.push(
        keptRecord({
          system: 'hr',
          purpose: 'employment',
          legalBasis: 'law',
          legalBasisNote: relative
            ? 'Трудовой кодекс РФ, ст. 228 (сведения о членах семьи работника); 125-ФЗ — хранение 50 лет'
            : `Трудовой договор № ${int(rng, 1, 240)}-ТД; Трудовой кодекс РФ; 125-ФЗ — хранение 50 лет`,
          dataFields: relative
            ? ['full_name', 'birth_date']
            : ['full_name', 'birth_date', 'phone', 'address', 'passport', 'snils', 'inn', 'bank_details', 'employment'],
          source: relative ? 'Заявление работника' : 'Личное дело работника',
          collectedOn: hired,
          retainUntil: addYears(hired, 50),
        }),
      );
    }
  }
  return plan;
}

/** A child patient's mother or father, named as the child's surname requires, with the birth certificate. */
function parentOf(rng: Rng, child: SubjectRow): Plan['representatives'][number] {
  const masculine = child.lastName.replace(/(ов|ев|ёв|ин|ын)а$/u, '$1').replace(/([сц]к)ая$/u, '$1ий');
  const mother = chance(rng, 0.7);
  const fullName = mother
    ? `${feminineSurname(masculine)} ${pick(rng, ['Елена', 'Ольга', 'Наталья', 'Ирина', 'Анна'])} ${pick(rng, ['Александровна', 'Сергеевна', 'Викторовна', 'Игоревна'])}`
    : `${masculine} ${pick(rng, ['Андрей', 'Сергей', 'Дмитрий', 'Алексей'])} ${pick(rng, ['Александрович', 'Викторович', 'Игоревич', 'Петрович'])}`;
  return {
    kind: 'parent',
    fullName,
    contact: null,
    authorityDocument: `Свидетельство о рождении ${pick(rng, ['III-АИ', 'IV-АИ', 'V-АИ'])} № ${int(rng, 100000, 999999)}`,
    validUntil: child.birthDate ? addYears(child.birthDate, 18) : null,
  };
}
