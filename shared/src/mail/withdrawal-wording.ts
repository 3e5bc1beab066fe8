import { repairMarker } from './marker-repair';
import { normaliseWording, type Sentence, splitSentences } from './wording-normalise';

/**
 * Finds a consent withdrawal in a letter's text (an e-mail's subject + body, or an OCR'd scan).
 *
 * The clinic's policy (3.6) asks for the marker «Отзыв согласия на обработку персональных данных», but the law
 * does not require it: a withdrawal in plain words («отзываю своё согласие», «прошу удалить мои данные») counts
 * too. What does not count: a message that gives consent, quotes the policy («с пометкой „Отзыв согласия…“»),
 * or asks how to withdraw. Pass the subject as the first line of the text: a line is a heading.
 *
 * scope: the purpose codes (processing_purposes.code) the withdrawal names, 'all' when it names none or
 * asks for everything to stop, null when the text is not a withdrawal.
 */
export interface WithdrawalDetection {
  withdrawal: boolean;
  marker: boolean;
  scope: 'all' | string[] | null;
}

/** The consent-based purposes of the seeded catalogue (migration 0005), in the order scopes are reported. */
export const WITHDRAWABLE_PURPOSES = [
  'online_booking',
  'feedback',
  'newsletter',
  'advertising',
  'recruitment',
] as const;
export type WithdrawablePurpose = (typeof WITHDRAWABLE_PURPOSES)[number];

// Word edges: JS `\b` does not know Cyrillic letters.
const B = '(?<![а-яa-z0-9])';
const E = '(?![а-яa-z0-9])';
const NOT_NEGATED = '(?<!не )';
/** Up to n words in between («прекратить рекламные sms-рассылки»). */
const gap = (n: number) => `(?:[^\\s.!?;]+[\\s-]+){0,${n}}?`;

const MARKER = new RegExp(`${B}отзыв\\s+согласия\\s+на\\s+обработку\\s+персональных\\s+данных${E}`, 'g');

// Words before the marker that show it is being quoted or talked about, not used: «с пометкой», «в теме»,
// «согласно политике», the clinic's own «ваш отзыв согласия получен».
const QUOTING_CONTEXT =
  /(пометк|темой|в теме|тема письма|указа|указыва|надпис|политик|формулировк|словами|заголовк|фраз|ваш |вашего |ваше )/;

// Words right after «Отзыв согласия…» that make it a sentence about withdrawal (a pasted consent form, the
// policy), not a heading: «Отзыв согласия осуществляется письменным заявлением».
const DESCRIBING =
  /^(?:\s+[^\s.!?;]+){0,8}?\s+(?:осуществля|производит|возможен|возможно|может\s+быть|направля[ею]тся|оформля|принимает|допуска|должен|должно|следует|подает|влечет)/;

// A withdrawal said as a heading: «Отзыв согласия…» opening a line, «Заявление об отзыве согласия».
const HEADING = new RegExp(
  [
    `(?:^|\\n)\\s*(?:тема:\\s*|re:\\s*|fwd?:\\s*)*отзыв\\s+согласия${E}`,
    `${B}(?:заявление|уведомление)\\s+(?:об|о)\\s+отзыве\\s+(?:мо[её]го\\s+|сво[её]го\\s+)?согласия${E}`,
    `${B}(?:уведомляю|сообщаю|заявляю)\\s+(?:вас\\s+)?об\\s+отзыве\\s+${gap(2)}согласия${E}`,
    `${B}(?:направляю|подаю|прошу\\s+принять|заявляю)\\s+(?:мой\\s+|свой\\s+|настоящий\\s+)?отзыв(?:е)?\\s+(?:мо[её]го\\s+|сво[её]го\\s+)?согласия${E}`,
  ].join('|'),
  'g',
);

// What a person writes to withdraw: performative first-person verbs and requests to stop, delete, unsubscribe.
const DATA_OBJECT =
  '(?=[^.!?;]{0,60}?(?:данны|персональн|меня|мо[йюе]\\s+(?:номер|телефон|адрес|почт|e-?mail|анкет|контакт)|номер|телефон|почт|e-?mail|адрес|контакт|анкет|сведени|информаци))';
const MAILING_OBJECT =
  '(?=[^.!?;]{0,50}?(?:рассыл|реклам|смс|sms|новост|предложени|акци|сообщени|письм|звон|уведомлени))';
const STATEMENTS = [
  // «отзываю своё согласие», «настоящим отзываю», «согласие … отзываю»
  `${NOT_NEGATED}${B}отзыва(?:ю|ем)${E}`,
  // «хочу отозвать согласие», «прошу отозвать моё согласие»
  `${NOT_NEGATED}${B}(?:хочу|желаю|прошу|намерен[а]?|решил[а]?)\\s+(?:бы\\s+)?отозвать\\s+${gap(2)}согласи`,
  // «прошу считать моё согласие … отозванным»
  `${B}считать\\s+${gap(8)}отозванн`,
  // «прошу прекратить обработку», «прекратите рассылку», «прошу остановить использование моих данных»
  `${NOT_NEGATED}${B}(?:прекратить|прекратите|остановить|остановите)\\s+${gap(2)}(?:обработк|использовани|рассылк|отправк|направлени|присылать|звонить|отправлять|направлять|писать|хранени)`,
  // «прошу удалить мои данные», «удалите мой номер», «уничтожьте мои персональные данные»
  `${NOT_NEGATED}${B}(?:удалить|удалите|уничтожить|уничтожьте|стереть|сотрите|исключить|исключите)${E}${DATA_OBJECT}`,
  // «отпишите меня», «прошу отписать», «исключите меня из рассылки»
  // («отпишитесь» is not here: it means «write back»)
  `${B}(?:отпишите|отписать|отписываюсь)${E}`,
  `${NOT_NEGATED}${B}(?:хочу|желаю|прошу|решил[а]?)\\s+(?:бы\\s+)?отписаться${E}`,
  `${B}(?:снять|снимите)\\s+(?:меня\\s+)?с\\s+${gap(1)}(?:рассыл|учет|баз)`,
  `${B}(?:исключить|исключите)\\s+(?:меня\\s+)?(?:из|от)\\s+${gap(1)}(?:рассыл|списк|баз)`,
  // «больше не присылайте рекламу», «прошу не присылать рассылку», «не хочу получать новости»
  `${B}(?:больше|прошу|просьба|пожалуйста)\\s+не\\s+(?:присылать|присылайте|отправлять|отправляйте|направлять|направляйте|звонить|звоните|писать|пишите|беспокоить|беспокойте|использовать|используйте|обрабатывать|обрабатывайте|хранить|храните)${E}`,
  `${B}не\\s+(?:присылайте|отправляйте|направляйте)${E}${MAILING_OBJECT}`,
  `${B}не\\s+(?:хочу|желаю)\\s+(?:больше\\s+)?(?:получать|чтобы)${MAILING_OBJECT}`,
  // «отказываюсь от рассылки / от обработки», «не даю согласия», «запрещаю обработку»
  `${B}отказываюсь\\s+от\\s+${gap(2)}(?:рассыл|обработк|согласи|получени|использовани|реклам|новост)`,
  `${B}не\\s+даю\\s+${gap(1)}согласи`,
  `${B}запрещаю\\s+${gap(2)}(?:обработк|использовани|рассыл|хранени|передач)`,
  `${B}не\\s+согла(?:сен|сна)\\s+(?:на|с)\\s+${gap(1)}(?:обработк|рассыл|использовани)`,
].map((source) => new RegExp(source, 'g'));

// A polite request phrased as a question is still a request: «не могли бы вы удалить мои данные?»
const POLITE_REQUEST =
  /(?:можете|могли бы|не могли бы)\s+(?:вы\s+)?(?:пожалуйста\s+)?(?:удалить|прекратить|отписать|исключить)/;
// Asking about withdrawal, not doing it: «как отозвать согласие?», «подскажите, можно ли…».
const ASKING =
  /(?:^|[^а-я])(?:как|каким образом|можно ли|нужно ли|где|куда|подскажите|что нужно|что будет|какие)(?:[^а-я]|$)/;

interface Finding {
  /** Where the withdrawal's own words continue: its purposes are named here. */
  tail: string;
  /** A heading (the marker, «Заявление об отзыве согласия») says THAT; the statements say WHAT. */
  heading: boolean;
}

export function detectWithdrawal(text: string): WithdrawalDetection {
  const normalised = repairMarker(normaliseWording(text));
  const sentences = splitSentences(normalised);
  const markers = sentences.flatMap((sentence) => headingFindings(sentence, MARKER));
  const headings = sentences.flatMap((sentence) => headingFindings(sentence, HEADING));
  const statements = sentences.flatMap(statementFindings);
  const asksOnly = statements.length === 0 && sentences.some((s) => s.question && ASKING.test(s.text));
  const findings = asksOnly ? [] : [...markers, ...headings, ...statements];
  const marker = markers.length > 0;
  if (findings.length === 0) return { withdrawal: false, marker, scope: null };
  return { withdrawal: true, marker, scope: scopeOf(findings) };
}

/** The marker or a heading, unless it is quoted, asked about, or told about. Its tail ends with its line. */
function headingFindings(sentence: Sentence, pattern: RegExp): Finding[] {
  if (sentence.question) return [];
  return [...sentence.text.matchAll(pattern)]
    .filter((match) => !QUOTING_CONTEXT.test(sentence.text.slice(Math.max(0, match.index - 60), match.index)))
    .filter((match) => !DESCRIBING.test(sentence.text.slice(match.index + match[0].length)))
    .map((match) => {
      const start = match.index + match[0].length;
      const lineEnd = sentence.text.indexOf('\n', start);
      return { tail: sentence.text.slice(start, lineEnd === -1 ? undefined : lineEnd), heading: true };
    });
}

function statementFindings(sentence: Sentence): Finding[] {
  if (sentence.question && !POLITE_REQUEST.test(sentence.text)) return [];
  return STATEMENTS.flatMap((pattern) =>
    [...sentence.text.matchAll(pattern)].map((match) => ({
      tail: clauseAround(sentence.text, match.index),
      heading: false,
    })),
  );
}

// «прошу удалить мои данные и больше не присылать рассылку»: the deletion is of everything, the mailing is a
// second request. A clause ends at these joints.
const CLAUSE_END =
  /\s(?:и|а)\s+(?:больше|также|прошу|еще|не\s)|,\s*(?:а\s+также|и\s+прошу|и\s+больше)|[,:]\s*(?=прошу|больше|не\s)/;
// Russian puts the object first as readily as last: «согласие на рассылку отзываю», «рассылку прошу не
// присылать». The clause reaches back to the previous comma, colon, dash, «но» or line break (the line
// before may be the subject: «Запись на приём» over «Прошу удалить мои данные» is not about booking).
const CLAUSE_START =
  /(?:[,:;\n\u2013\u2014]|\s-\s|\sно\s)(?![^,:;\n\u2013\u2014]*(?:[,:;\n\u2013\u2014]|\s-\s|\sно\s))/;

function clauseAround(sentence: string, start: number): string {
  const before = sentence.slice(0, start);
  const boundary = CLAUSE_START.exec(before);
  const head = boundary ? before.slice(boundary.index + boundary[0].length) : before;
  const rest = sentence.slice(start);
  // Skip the verb itself so a joint right after it does not end the clause empty.
  const after = rest.search(/\s/);
  if (after === -1) return head + rest;
  const end = rest.slice(after + 1).search(CLAUSE_END);
  return head + (end === -1 ? rest : rest.slice(0, after + 1 + end));
}

const PURPOSE_WORDS: Record<WithdrawablePurpose, RegExp> = {
  online_booking: /онлайн[- ]?запис|запис[ьиейю]\s+(?:на\s+при[её]м|на\s+сайте|через\s+сайт)|для\s+записи|booking/,
  feedback: /обратн[а-я]*\s+связ|(?<![а-я])отзыв(?:ы|ов|ам|ах|а\s+о|\s+о)(?![а-я])|заявок|заявк[аиу](?![а-я])/,
  // «рекламная (sms-)рассылка» is advertising, not the newsletter.
  newsletter:
    /(?<!реклам[а-я]{0,4}[\s-]+(?:[a-zа-я]{1,4}[\s-]+)?)рассыл|новост|newsletter|специальн[а-я]*\s+предложени|акци[яийю]/,
  advertising: /реклам|смс|sms/,
  recruitment: /резюме|ваканси|соискател|кандидат|трудоустройств/,
};

// «в том числе», «включая», «все мои данные»: the purposes named are examples, the withdrawal is of everything.
const EVERYTHING =
  /в том числе|включая|полностью|(?<![а-я])(?:все|всех|любые|любых|всем|любым)\s+(?:мои\s+|моих\s+|моим\s+)?(?:данн|цел|персональн|сведени)/;
// «от всех рассылок»: every mailing, the newsletter and the advertising alike.
const EVERY_MAILING = /(?<![а-я])(?:все|всех|любые|любых)\s+(?:ваших\s+|ваши\s+)?(?:рассыл|писем|сообщени)/;

/**
 * The statements say what stops when they name purposes («прошу прекратить рекламную рассылку» under the marker
 * withdraws the advertising only). A statement naming nothing beside one naming a purpose («прошу удалить мои
 * данные и больше не присылать рассылку») asks for everything; a bare «настоящим отзываю согласие» under
 * «Отзыв согласия на рассылку» means the heading's purposes.
 */
function scopeOf(findings: Finding[]): 'all' | string[] {
  if (findings.some(({ tail }) => EVERYTHING.test(tail))) return 'all';
  const statements = findings.filter((finding) => !finding.heading);
  const statementPurposes = purposesOf(statements);
  const someStatementGeneric = statements.some(({ tail }) => purposesNamed(tail).length === 0);
  if (statementPurposes.length > 0) return someStatementGeneric ? 'all' : statementPurposes;
  const headingPurposes = purposesOf(findings.filter((finding) => finding.heading));
  return headingPurposes.length > 0 ? headingPurposes : 'all';
}

function purposesOf(findings: Finding[]): WithdrawablePurpose[] {
  const named = new Set(findings.flatMap(({ tail }) => purposesNamed(tail)));
  return WITHDRAWABLE_PURPOSES.filter((code) => named.has(code));
}

function purposesNamed(tail: string): WithdrawablePurpose[] {
  if (EVERY_MAILING.test(tail)) return ['newsletter', 'advertising'];
  return WITHDRAWABLE_PURPOSES.filter((code) => PURPOSE_WORDS[code].test(tail));
}
