import { describe, expect, it } from 'vitest';
import { detectWithdrawal } from './withdrawal-wording';

const MARKER = 'Отзыв согласия на обработку персональных данных';

describe('detectWithdrawal: the policy marker', () => {
  it.each([
    ['as written', MARKER],
    ['upper case', MARKER.toUpperCase()],
    ['in «» quotes', `«${MARKER}»`],
    ['in "" quotes', `"${MARKER}"`],
    ['in „“ quotes', `„${MARKER}“`],
    ['with extra spaces and tabs', 'Отзыв   согласия \t на  обработку   персональных\u00a0данных'],
    ['broken across lines', 'Отзыв согласия\nна обработку\r\nперсональных данных'],
    ['hyphenated at a line end', 'Отзыв согла-\nсия на обработку персо-\n  нальных данных'],
    ['with a soft hyphen', 'Отзыв согла\u00adсия на обработку персональных данных'],
    ['with Latin look-alike letters (OCR)', 'Oтзыв сoгласия на oбрабoтку персональных данных'],
    ['as the subject over a body', `${MARKER}\nЯ, Иванова Мария Петровна, 12.03.1985 г.р.`],
    ['after Fwd: in a subject', `Fwd: ${MARKER}`],
  ])('is found %s', (_label, text) => {
    expect(detectWithdrawal(text)).toEqual({ withdrawal: true, marker: true, scope: 'all' });
  });

  it('tolerates ё written for е and е for ё in the body', () => {
    expect(detectWithdrawal('Отзываю своё согласие').withdrawal).toBe(true);
    expect(detectWithdrawal('ОТЗЫВАЮ СВОЕ СОГЛАСИЕ').withdrawal).toBe(true);
  });
});

describe('detectWithdrawal: plain words without the marker', () => {
  it.each([
    'Настоящим отзываю своё согласие на обработку моих персональных данных.',
    'Я, Петров Иван Сергеевич, отзываю согласие, данное клинике.',
    'Согласие на обработку персональных данных отзываю.',
    'Прошу прекратить обработку моих персональных данных.',
    'Прошу удалить мои персональные данные из вашей базы.',
    'Удалите, пожалуйста, мой номер телефона и все сведения обо мне.',
    'Прошу уничтожить мои персональные данные.',
    'Хочу отозвать своё согласие на обработку персональных данных.',
    'Прошу считать моё согласие на обработку персональных данных отозванным с 01.12.2026.',
    'Заявление об отзыве согласия на обработку персональных данных',
    'Направляю отзыв согласия на обработку персональных данных.',
    'Не даю согласия на дальнейшую обработку моих данных.',
    'Запрещаю обработку моих персональных данных.',
    'Здравствуйте! Не могли бы вы удалить мои данные?',
  ])('«%s» is a withdrawal of everything', (text) => {
    expect(detectWithdrawal(text)).toMatchObject({ withdrawal: true, scope: 'all' });
  });

  it.each([
    ['Прошу исключить меня из рассылки.', ['newsletter']],
    ['Отпишите меня от новостной рассылки, пожалуйста.', ['newsletter']],
    ['Больше не присылайте мне рекламу.', ['advertising']],
    ['Прошу прекратить рекламные SMS-рассылки.', ['advertising']],
    ['Не хочу получать ваши новости и акции.', ['newsletter']],
    ['Отказываюсь от получения рекламной рассылки и новостей.', ['newsletter', 'advertising']],
    ['Отзываю согласие на рассылку и рекламу.', ['newsletter', 'advertising']],
    ['Отзываю согласие на обработку данных для онлайн-записи на приём.', ['online_booking']],
    ['Отзываю согласие на обработку моих данных через форму обратной связи.', ['feedback']],
    [`${MARKER}\nПрошу прекратить присылать мне рекламные сообщения.`, ['advertising']],
    ['Отзыв согласия на рассылку\nНастоящим отзываю своё согласие.', ['newsletter']],
  ])('«%s» withdraws only %j', (text, scope) => {
    expect(detectWithdrawal(text)).toMatchObject({ withdrawal: true, scope });
  });

  it('a deletion of my data next to an unsubscribe asks for everything', () => {
    const text = 'Прошу удалить мои данные и больше не присылать рассылку.';
    expect(detectWithdrawal(text)).toEqual({ withdrawal: true, marker: false, scope: 'all' });
  });

  it('«в том числе» names examples, not a limit', () => {
    const text = 'Прошу прекратить обработку моих персональных данных, в том числе для рассылки.';
    expect(detectWithdrawal(text).scope).toBe('all');
  });
});

describe('detectWithdrawal: not a withdrawal', () => {
  it.each([
    ['giving consent', 'Даю согласие на обработку моих персональных данных.'],
    ['agreeing', 'Я согласна на обработку персональных данных и на получение рассылки.'],
    [
      'a consent form listing the operations',
      'Даю согласие на сбор, запись, хранение, уточнение, удаление и уничтожение персональных данных. ' +
        'Согласие может быть отозвано мной путём направления письменного заявления.',
    ],
    [
      'the policy quoted',
      `Согласно п. 3.6 политики, субъект вправе отозвать согласие, направив письмо с пометкой «${MARKER}».`,
    ],
    ['asking how', 'Подскажите, как мне отозвать согласие на обработку персональных данных?'],
    ['asking if it can be done', 'Можно ли отозвать согласие только на рассылку?'],
    ['asking under the marker as subject', `${MARKER}\nПодскажите, как правильно оформить такое письмо?`],
    ['a newsletter question', 'Здравствуйте! Почему мне перестала приходить ваша рассылка?'],
    ['subscribing', 'Подпишите меня, пожалуйста, на новостную рассылку.'],
    ['refusing to withdraw', 'Я не отзываю своё согласие, просто уточняю адрес.'],
    ['the clinic answering', `Ваш отзыв согласия на обработку персональных данных получен и зарегистрирован.`],
    ['a cancelled appointment', 'Прошу удалить мою запись на приём на пятницу, я заболела.'],
    ['sending documents later', 'Не присылайте мне документы по почте, я заберу их сам.'],
    ['a review of the clinic', 'Оставила отзыв о враче на сайте, спасибо за лечение!'],
    ['empty text', ''],
    ['whitespace only', ' \n\t '],
  ])('%s', (_label, text) => {
    expect(detectWithdrawal(text)).toMatchObject({ withdrawal: false, scope: null });
  });

  it('reports the quoted marker as no marker', () => {
    const text = `Какую тему писать? В политике сказано — с пометкой «${MARKER}».`;
    expect(detectWithdrawal(text)).toEqual({ withdrawal: false, marker: false, scope: null });
  });
});
