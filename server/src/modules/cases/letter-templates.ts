import { DEADLINE_RULES, type DeadlineRuleId, EXTENSION_WORKING_DAYS } from '@pd-desk/shared/calendar/deadline-rules';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { CaseType, LetterKind } from '@pd-desk/shared/cases/case-model';
import type { Letterhead } from '@pd-desk/shared/settings/settings.schemas';
import {
  dataBySystem,
  processingOnInstruction,
  processorsOf,
  purposesAndBases,
  purposesByConsent,
  recordsIn,
} from './answer-points';
import type { LetterFacts } from './letter-facts';

/**
 * Russian drafts the officer edits before giving the letter a number. What the subject's records say is filled in
 * (answer-points.ts); square brackets mark what only a person can fill in, and a letter with one left is not
 * numbered (letterPlaceholders).
 */

export type LetterCase = {
  type: CaseType;
  rule: DeadlineRuleId;
  incomingNumber: string;
  receivedOn: string;
  requesterKind: 'subject' | 'representative' | 'rkn';
  rknInquiryNumber: string | null;
};

export type LetterDraft = { title: string; body: string };

const LAW = 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» (далее — Закон)';
const MEDICAL_RETENTION =
  'медицинская документация (медицинская карта стоматологического пациента, форма 043/у, ' +
  'информированные добровольные согласия) хранится 25 лет в соответствии с приказом Минздрава России ' +
  'от 03.08.2023 № 408; её обработка ведётся без согласия на основании п. 4 ч. 2 ст. 10 Закона ' +
  '(в медицинских целях, лицами, обязанными сохранять врачебную тайну)';

function reference(c: LetterCase): string {
  const rkn = c.requesterKind === 'rkn' && c.rknInquiryNumber ? ` № ${c.rknInquiryNumber}` : '';
  return `Ваш${c.requesterKind === 'rkn' ? '' : 'е'} ${c.requesterKind === 'rkn' ? 'запрос' : 'обращение'}${rkn} от ${ruDate(c.receivedOn)} (вх. № ${c.incomingNumber})`;
}

/** The records' words when there are any, else the blank a person fills. */
const orBlank = (filled: string | null, blank: string) => filled ?? blank;

function answerBody(c: LetterCase, letterhead: Letterhead, facts: LetterFacts): LetterDraft {
  const ref = reference(c);
  switch (c.type) {
    case 'access':
      return {
        title: 'Ответ на запрос сведений, касающихся обработки персональных данных',
        body: [
          `${ref} рассмотрено. В соответствии с ч. 7 ст. 14 ${LAW} сообщаем:`,
          `1. Подтверждаем факт обработки Ваших персональных данных оператором — ${letterhead.operatorName}.`,
          purposesAndBases(facts),
          '3. Способы обработки: смешанная обработка (с использованием средств автоматизации и без их использования): сбор, запись, систематизация, накопление, хранение, уточнение, использование, блокирование, уничтожение.',
          `4. Наименование и место нахождения оператора: ${letterhead.operatorName}, ${letterhead.address}. Доступ к персональным данным имеют работники оператора в пределах должностных обязанностей; иным лицам данные раскрываются только на основании федерального закона.`,
          dataBySystem(facts),
          `6. Сроки обработки и хранения: до достижения целей обработки или отзыва согласия; ${MEDICAL_RETENTION}.`,
          '7. Порядок осуществления прав субъекта: Вы вправе требовать уточнения, блокирования или уничтожения данных, отозвать согласие, обжаловать действия оператора в Роскомнадзор или в суд (ст. 14, 17, 21 Закона).',
          '8. Трансграничная передача персональных данных не осуществляется; данные хранятся в базах данных на территории Российской Федерации.',
          processingOnInstruction(facts),
          '10. Иные сведения, предусмотренные федеральными законами, отсутствуют.',
          'Сведения предоставлены в доступной форме и не содержат персональных данных других субъектов.',
        ].join('\n\n'),
      };
    case 'consent_withdrawal': {
      const purposes = purposesByConsent(facts);
      const stopped =
        purposes.consent.length > 0
          ? purposes.consent.map((p) => `«${p}»`).join(', ')
          : 'информирование об услугах, акциях и ценах, рассылка новостей, рекламные рассылки, обратная связь через сайт';
      return {
        title: 'Ответ на отзыв согласия на обработку персональных данных',
        body: [
          `${ref} об отзыве согласия на обработку персональных данных получено и исполнено в соответствии с ч. 2 ст. 9 и ч. 5 ст. 21 ${LAW}.`,
          `Прекращена обработка Ваших персональных данных в целях, для которых требовалось согласие: ${stopped}. Данные, обрабатывавшиеся только в этих целях, будут уничтожены в срок не более 30 дней с даты поступления отзыва.`,
          `Продолжается обработка данных, для которых законом предусмотрено иное основание: ${MEDICAL_RETENTION}. Отзыв согласия не влияет на оказание Вам медицинской помощи.`,
          // Linked to nobody, the draft cannot know whether other purposes go on: the officer says.
          facts.subjectIds.length === 0
            ? '[При необходимости: обработка в иных целях (без согласия) продолжается.]'
            : purposes.other.length > 0
              ? `Продолжается обработка в целях, не требующих согласия: ${purposes.other.map((p) => `«${p}»`).join(', ')}.`
              : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      };
    }
    case 'rectification':
      return {
        title: 'Ответ на требование об уточнении персональных данных',
        body: [
          `${ref} рассмотрено. На основании представленных сведений Ваши персональные данные уточнены в соответствии с ч. 3 ст. 20 и ч. 2 ст. 21 ${LAW}: [какие данные и в каких системах].`,
          [
            'Блокирование данных на период проверки снято.',
            processorsOf(facts).length > 0
              ? `Лица, обрабатывающие данные по поручению оператора (${processorsOf(facts).join('; ')}), уведомлены об уточнении.`
              : '',
          ]
            .filter(Boolean)
            .join(' '),
        ].join('\n\n'),
      };
    case 'blocking':
      return {
        title: 'Ответ на требование о блокировании персональных данных',
        body: [
          `${ref} получено. В соответствии с ч. 1 ст. 21 ${LAW} обработка Ваших персональных данных (${orBlank(recordsIn(facts, 'blocked'), '[перечень]')}) заблокирована с момента получения обращения на период проверки.`,
          'По результатам проверки: [данные уточнены и блокирование снято / неправомерная обработка прекращена / данные уничтожены]. О результатах проверки Вы будете уведомлены дополнительно.',
        ].join('\n\n'),
      };
    case 'stop_processing':
      return {
        title: 'Ответ на требование о прекращении обработки персональных данных',
        body: [
          `${ref} о прекращении обработки персональных данных рассмотрено в соответствии с ч. 5.1 ст. 21 ${LAW}.`,
          `Обработка Ваших персональных данных прекращена: ${orBlank(recordsIn(facts, 'processing_stopped'), '[перечень]')}.`,
          `Обработка продолжается только в случаях, предусмотренных п. 2–11 ч. 1 ст. 6 Закона: ${MEDICAL_RETENTION}.`,
        ].join('\n\n'),
      };
    case 'destruction':
      return {
        title: 'Уведомление об уничтожении персональных данных',
        body: [
          `${ref} рассмотрено. Ваши персональные данные (${orBlank(recordsIn(facts, 'destroyed'), '[перечень]')}), обработка которых не требуется для заявленных целей, уничтожены в соответствии с ч. 3 ст. 20 ${LAW}.`,
          'Уничтожение подтверждено актом об уничтожении персональных данных, составленным по требованиям приказа Роскомнадзора от 28.10.2022 № 179.',
          `Не подлежат уничтожению данные, срок хранения которых установлен федеральным законом: ${MEDICAL_RETENTION}.`,
        ].join('\n\n'),
      };
    case 'rkn_inquiry':
      return {
        title: 'Ответ на запрос Управления Роскомнадзора',
        body: [
          `${ref} рассмотрен. В соответствии с ч. 4 ст. 20 ${LAW} представляем запрошенную информацию:`,
          '[Ответы по каждому пункту запроса.]',
          'Приложения: [перечень прилагаемых документов].',
        ].join('\n\n'),
      };
    case 'medical_records_copy':
      return {
        title: 'Ответ на запрос копий медицинских документов',
        body: [
          `${ref} о предоставлении копий медицинских документов рассмотрено в соответствии со ст. 22 Федерального закона от 21.11.2011 № 323-ФЗ и приказом Минздрава России № 789н.`,
          'Копии медицинских документов [перечень] подготовлены. Их можно получить лично при предъявлении документа, удостоверяющего личность, по адресу оператора, либо они направлены Вам [способ].',
        ].join('\n\n'),
      };
    case 'other':
      return {
        title: 'Ответ на обращение',
        body: [`${ref} рассмотрено.`, '[Текст ответа.]'].join('\n\n'),
      };
  }
}

export function extensionNoticeDraft(c: LetterCase, reason: string, oldDueOn: string, newDueOn: string): LetterDraft {
  const rule = DEADLINE_RULES[c.rule];
  return {
    title: 'Мотивированное уведомление о продлении срока ответа',
    body: [
      `${reference(c)} находится на рассмотрении; первоначальный срок ответа — ${ruDate(oldDueOn)}.`,
      `Уведомляем, что на основании ${rule.article} срок рассмотрения продлён на ${EXTENSION_WORKING_DAYS} рабочих дней — до ${ruDate(newDueOn)} включительно.`,
      `Причина продления: ${reason}`,
    ].join('\n\n'),
  };
}

function identityRequestDraft(c: LetterCase): LetterDraft {
  return {
    title: 'Запрос недостающих сведений',
    body: [
      `${reference(c)} получено.`,
      `В соответствии с ч. 3 ст. 14 ${LAW} запрос должен содержать номер основного документа, удостоверяющего личность субъекта или его представителя, сведения о дате выдачи документа и выдавшем его органе, сведения, подтверждающие участие субъекта в отношениях с оператором (номер договора, дата визита), и подпись субъекта или его представителя.`,
      'Просим дополнить обращение недостающими из перечисленных сведений. Обращение рассматривается, срок ответа продолжает течь.',
    ].join('\n\n'),
  };
}

export function letterDraft(
  kind: Exclude<LetterKind, 'extension_notice'>,
  c: LetterCase,
  letterhead: Letterhead,
  facts: LetterFacts,
): LetterDraft {
  if (kind === 'identity_request') return identityRequestDraft(c);
  if (kind === 'other') return { title: 'Письмо', body: `${reference(c)}.\n\n[Текст письма.]` };
  return answerBody(c, letterhead, facts);
}
