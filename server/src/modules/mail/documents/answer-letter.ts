import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { PlanLine } from '../plan/plan-records';

const LAW = 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»';

export type AnswerFacts = {
  subjectName: string;
  incomingNumber: string;
  receivedOn: string;
  lines: readonly PlanLine[];
  acts: readonly { number: string; destroyedOn: string }[];
};

const categories = (line: PlanLine) => line.dataFields.map((f) => PD_FIELD_LABELS[f].ru).join(', ');
const item = (line: PlanLine, tail: string) => `— ${line.purposeName} (${line.systemName}): ${tail}`;

/**
 * The answer to a withdrawal, from what the plan did: what was stopped and destroyed, what is kept and on which
 * article and order (the catalogue's own words, frozen on the plan line), what continues. The officer reads it
 * on the plan page before it gets its number.
 */
export function withdrawalAnswer(facts: AnswerFacts): { title: string; body: string } {
  const destroyed = facts.lines.filter((l) => l.action === 'destroy');
  const kept = facts.lines.filter((l) => l.action === 'keep');
  const continued = facts.lines.filter((l) => l.action === 'continue');
  const paragraphs = [
    `Ваше обращение от ${ruDate(facts.receivedOn)} (вх. № ${facts.incomingNumber}) об отзыве согласия на обработку персональных данных рассмотрено и исполнено в соответствии с ч. 2 ст. 9 и ч. 5 ст. 21 ${LAW}.`,
    `Субъект персональных данных: ${facts.subjectName}.`,
  ];
  if (destroyed.length > 0) {
    const acts = facts.acts.map((a) => `№ ${a.number} от ${ruDate(a.destroyedOn)}`).join(', ');
    paragraphs.push(
      [
        'Прекращена обработка и уничтожены персональные данные, которые обрабатывались на основании Вашего согласия:',
        ...destroyed.map((l) => item(l, categories(l))),
        acts
          ? `Уничтожение подтверждено актом об уничтожении персональных данных ${acts} (приказ Роскомнадзора от 28.10.2022 № 179).`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (kept.length > 0) {
    paragraphs.push(
      [
        `Прекращена обработка в целях, для которых требовалось согласие; следующие данные хранятся, так как срок их хранения установлен законом, и обрабатываются без согласия на основании ч. 2 ст. 9 ${LAW}:`,
        ...kept.map((l) => item(l, l.basisText)),
      ].join('\n'),
    );
  }
  if (continued.length > 0) {
    paragraphs.push(
      [
        'Обработка в целях, не названных в Вашем обращении, продолжается:',
        ...continued.map((l) => item(l, l.basisText)),
      ].join('\n'),
    );
  }
  paragraphs.push(
    'Вы вправе обжаловать действия оператора в Управление Роскомнадзора или в суд (ст. 17 Федерального закона № 152-ФЗ).',
  );
  return { title: 'Ответ на отзыв согласия на обработку персональных данных', body: paragraphs.join('\n\n') };
}
