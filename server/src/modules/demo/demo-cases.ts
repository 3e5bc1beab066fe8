import { addDays } from '@pd-desk/shared/calendar/iso-date';
import type { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { CASE_TYPE_RULES, type CaseChannel, type CaseType } from '@pd-desk/shared/cases/case-model';
import type { CreateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import { asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/cases';
import { subjects } from '../../db/schema/subjects';
import { users } from '../../db/schema/users';
import { type Actor, type ServiceContext, SYSTEM_ACTOR } from '../../service-context';
import { getCalendar } from '../calendar/calendar.service';
import { caseDeadline } from '../cases/case-deadline';
import { addCaseNote, createCase } from '../cases/cases.service';
import { createLetter, draftLetter, markLetterSent } from '../cases/letters.service';
import { extendCase, transitionCase } from '../cases/workflow.service';

type Outcome = 'new' | 'identity_check' | 'in_work' | 'extended' | 'answered' | 'closed' | 'rejected';

/** One demo case: what it is and where it stands; `daysLeft` places its due date relative to today. */
type Story = { type: CaseType; channel: CaseChannel; outcome: Outcome; daysLeft: number; rkn?: boolean; note?: string };

// A morning's queue as an officer would meet it: a few late, some due today or soon, a tail of later
// work, and finished cases for the journal.
const STORIES: Story[] = [
  { type: 'access', channel: 'post', outcome: 'in_work', daysLeft: -2, note: 'Ждём выписку из МИС' },
  { type: 'rectification', channel: 'email', outcome: 'in_work', daysLeft: -1 },
  { type: 'blocking', channel: 'in_person', outcome: 'new', daysLeft: -1 },
  {
    type: 'access',
    channel: 'email',
    outcome: 'identity_check',
    daysLeft: 0,
    note: 'Нет подписи — запросили паспортные данные',
  },
  { type: 'stop_processing', channel: 'post', outcome: 'in_work', daysLeft: 0 },
  { type: 'rkn_inquiry', channel: 'rkn', outcome: 'in_work', daysLeft: 0, rkn: true },
  { type: 'consent_withdrawal', channel: 'email', outcome: 'new', daysLeft: 1 },
  { type: 'destruction', channel: 'post', outcome: 'in_work', daysLeft: 1 },
  { type: 'access', channel: 'web_form', outcome: 'new', daysLeft: 2 },
  { type: 'blocking', channel: 'email', outcome: 'identity_check', daysLeft: 2 },
  { type: 'access', channel: 'post', outcome: 'extended', daysLeft: 3 },
  { type: 'medical_records_copy', channel: 'in_person', outcome: 'in_work', daysLeft: 4 },
  { type: 'consent_withdrawal', channel: 'post', outcome: 'in_work', daysLeft: 5 },
  { type: 'rectification', channel: 'web_form', outcome: 'new', daysLeft: 5 },
  { type: 'access', channel: 'email', outcome: 'new', daysLeft: 7 },
  { type: 'stop_processing', channel: 'email', outcome: 'new', daysLeft: 8 },
  { type: 'rkn_inquiry', channel: 'rkn', outcome: 'new', daysLeft: 9, rkn: true },
  { type: 'access', channel: 'post', outcome: 'new', daysLeft: 10 },
  { type: 'consent_withdrawal', channel: 'web_form', outcome: 'new', daysLeft: 15 },
  { type: 'medical_records_copy', channel: 'post', outcome: 'new', daysLeft: 19 },
  { type: 'other', channel: 'email', outcome: 'new', daysLeft: 6 },
  { type: 'access', channel: 'post', outcome: 'answered', daysLeft: 3 },
  { type: 'consent_withdrawal', channel: 'email', outcome: 'closed', daysLeft: -8 },
  { type: 'access', channel: 'email', outcome: 'closed', daysLeft: -15 },
  { type: 'rectification', channel: 'post', outcome: 'closed', daysLeft: -4 },
  { type: 'access', channel: 'web_form', outcome: 'rejected', daysLeft: -6 },
];

/** The latest receipt date whose due date has exactly `daysLeft` working days left today. */
function receivedFor(calendar: ProductionCalendar, type: CaseType, today: string, daysLeft: number): string {
  for (let back = 0; back < 200; back++) {
    const receivedOn = addDays(today, -back);
    const { dueOn } = caseDeadline(calendar, { rule: CASE_TYPE_RULES[type], receivedOn, extended: false });
    if (calendar.workingDaysBetween(today, dueOn) <= daysLeft) return receivedOn;
  }
  return addDays(today, -60);
}

async function actorFor(db: Db, login: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.login, login));
  return user ? { userId: user.id, login, role: user.role, ip: null } : SYSTEM_ACTOR;
}

/**
 * Demo cases over the first demo subjects, on an empty cases table only (a real installation is
 * never touched). With no subjects yet, the cases carry the requester's name alone. Each case is
 * registered and worked as the demo user who would do it (`ctx.actor` is not used).
 */
export async function seedDemoCasesIfEmpty({ db, clock }: ServiceContext): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(cases);
  if ((existing?.n ?? 0) > 0) return 0;
  const calendar = await getCalendar(db);
  const today = clock.today();
  const officer: ServiceContext = { db, clock, actor: await actorFor(db, 'officer') };
  const registrar: ServiceContext = { db, clock, actor: await actorFor(db, 'registrar') };
  const people = await db
    .select({
      id: subjects.id,
      lastName: subjects.lastName,
      firstName: subjects.firstName,
      middleName: subjects.middleName,
    })
    .from(subjects)
    .where(isNull(subjects.mergedIntoId))
    .orderBy(asc(subjects.id))
    .limit(STORIES.length);

  for (const [index, story] of STORIES.entries()) {
    const person = people[index];
    const name = person
      ? [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ')
      : `Демо-заявитель ${index + 1}`;
    const input: CreateCaseInput = {
      type: story.type,
      channel: story.channel,
      requester: story.rkn
        ? {
            kind: 'rkn',
            name: 'Управление Роскомнадзора по Уральскому федеральному округу',
            address: '620027, г. Екатеринбург, ул. Маршала Жукова, д. 12',
            rknInquiryNumber: `${(index + 1) * 1037}-04/66`,
          }
        : {
            kind: 'subject',
            name,
            address: `620014, г. Екатеринбург, ул. Малышева, д. ${index + 3}, кв. ${index * 7 + 1}`,
          },
      receivedOn: receivedFor(calendar, story.type, today, story.daysLeft),
      subjectIds: person ? [person.id] : [],
      assigneeId: story.outcome === 'new' || officer.actor.userId === null ? null : officer.actor.userId,
      summary: story.note,
    };
    const created = await createCase(story.channel === 'post' ? registrar : officer, input);
    await advance(officer, created.id, created.version, story);
  }
  return STORIES.length;
}

/**
 * What the demo officer wrote into the blanks the records could not fill (a letter with a «[…]» left gets no
 * number): the rectification's corrected data, and an enclosure for anything else.
 */
function filledByOfficer(body: string): string {
  return body
    .replace('[какие данные и в каких системах]', 'номер телефона в медицинской информационной системе')
    .replace(/\[[^\]]*\]/g, 'сведения приведены в приложении к письму');
}

async function advance(officer: ServiceContext, id: number, version: number, story: Story) {
  const step = async (to: Parameters<typeof transitionCase>[1]['to'], v: number, reason?: string) =>
    (await transitionCase(officer, { id, version: v, to, reason })).version;
  if (story.note) await addCaseNote(officer, { id, text: story.note });
  switch (story.outcome) {
    case 'new':
      return;
    case 'identity_check':
      await step('identity_check', version);
      return;
    case 'in_work':
      await step('in_work', version);
      return;
    case 'extended': {
      const v = await step('in_work', version);
      await extendCase(officer, { id, version: v, reason: 'Сведения хранятся в бумажном архиве, нужна выписка' });
      return;
    }
    case 'rejected':
      await step('rejected', version, 'Запрос не позволяет установить личность, повторный запрос не поступил');
      return;
    case 'answered':
    case 'closed': {
      let v = await step('in_work', version);
      const draft = await draftLetter(officer, id, 'answer');
      const letter = await createLetter(officer, { caseId: id, kind: 'answer', body: filledByOfficer(draft.body) });
      await markLetterSent(officer, {
        letterId: letter.id,
        method: story.channel === 'email' ? 'email' : 'post',
        sentOn: officer.clock.today(),
        trackingNumber: story.channel === 'email' ? undefined : `6200501${String(letter.id).padStart(7, '0')}`,
      });
      v = await step('answered', v);
      if (story.outcome === 'closed') await step('closed', v);
    }
  }
}
