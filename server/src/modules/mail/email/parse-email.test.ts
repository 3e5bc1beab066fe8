import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../errors';
import { EMAIL_CORPUS_DIR } from './email-corpus';
import { encodedWord, encodeText, message, multipart, textPart } from './fixtures/mime-encode';
import { detectEmailWithdrawal, parseEmail } from './parse-email';

const bytesOf = (raw: string) => Buffer.from(raw, 'latin1');
const HEADERS = { From: 'a@b.ru', Subject: 'test', Date: 'Tue, 01 Dec 2026 09:00:00 +0500' };

describe('parseEmail: encodings', () => {
  it.each([
    ['windows-1251', 'Q'],
    ['windows-1251', 'B'],
    ['koi8-r', 'Q'],
    ['koi8-r', 'B'],
    ['utf-8', 'Q'],
  ] as const)('decodes a %s %s-encoded subject and sender name', async (charset, encoding) => {
    const raw = message(
      {
        ...HEADERS,
        From: `${encodedWord('Ёлкина Юлия', charset, encoding)} <yulia@ya.ru>`,
        Subject: encodedWord('Отзыв согласия "ПД"', charset, encoding),
      },
      textPart('text/plain', 'Текст', 'utf-8', '8bit'),
    );
    const email = await parseEmail(bytesOf(raw));
    expect(email.subject).toBe('Отзыв согласия "ПД"');
    expect(email.from).toEqual({ name: 'Ёлкина Юлия', address: 'yulia@ya.ru' });
  });

  it.each([
    ['windows-1251', 'quoted-printable'],
    ['windows-1251', 'base64'],
    ['koi8-r', 'quoted-printable'],
    ['koi8-r', 'base64'],
    ['windows-1251', '8bit'],
  ] as const)('decodes a %s %s body', async (charset, encoding) => {
    const raw = message(HEADERS, textPart('text/plain', 'Отзываю своё согласие. Ёж, щука, ъ.', charset, encoding));
    expect((await parseEmail(bytesOf(raw))).text).toBe('Отзываю своё согласие. Ёж, щука, ъ.');
  });
});

describe('parseEmail: bodies', () => {
  it('takes the plain part of multipart/alternative', async () => {
    const raw = message(
      HEADERS,
      multipart('alternative', 'b1', [
        textPart('text/plain', 'Простой текст', 'utf-8', 'base64'),
        textPart('text/html', '<p>HTML-версия</p>', 'utf-8', 'base64'),
      ]),
    );
    expect((await parseEmail(bytesOf(raw))).text).toBe('Простой текст');
  });

  it('converts an HTML-only body: line breaks kept, markup, styles and link addresses gone', async () => {
    const html =
      '<html><head><style>.x{color:red}</style></head><body><p>Отзыв&nbsp;согласия<br>на обработку</p>' +
      '<p><a href="https://tracker.example/x">Отписаться</a></p><img src="cid:logo" alt="логотип"></body></html>';
    const email = await parseEmail(bytesOf(message(HEADERS, textPart('text/html', html, 'utf-8', 'quoted-printable'))));
    expect(email.text).toBe('Отзыв согласия\nна обработку\n\nОтписаться');
  });

  it('finds the marker in HTML even when the sender broke it with tags and hyphenation', async () => {
    const html = '<div>ОТЗЫВ <b>СОГЛАСИЯ</b><br>НА ОБРАБОТКУ ПЕРСО-<br>НАЛЬНЫХ ДАННЫХ</div>';
    const email = await parseEmail(bytesOf(message(HEADERS, textPart('text/html', html, 'utf-8', 'base64'))));
    expect(detectEmailWithdrawal(email)).toEqual({ withdrawal: true, marker: true, scope: 'all' });
  });

  it('reads the marker from the subject as a heading', async () => {
    const raw = message(
      { ...HEADERS, Subject: encodedWord('Отзыв согласия на обработку персональных данных', 'utf-8', 'B') },
      textPart('text/plain', 'Иванова Мария Петровна, 12.03.1985', 'utf-8', '8bit'),
    );
    expect(detectEmailWithdrawal(await parseEmail(bytesOf(raw))).marker).toBe(true);
  });

  it('gives an unnamed attachment a name by its type', async () => {
    const raw = message(
      HEADERS,
      multipart('mixed', 'b2', [
        textPart('text/plain', 'Скан во вложении', 'utf-8', '8bit'),
        {
          headers: { 'Content-Type': 'image/jpeg', 'Content-Transfer-Encoding': 'base64' },
          body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'),
        },
      ]),
    );
    const [attachment] = (await parseEmail(bytesOf(raw))).attachments;
    expect(attachment?.fileName).toBe('вложение-1.jpg');
    expect(attachment?.mimeType).toBe('image/jpeg');
    expect([...(attachment?.bytes ?? [])]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
  });
});

describe('parseEmail: identity', () => {
  it('strips the angle brackets of the Message-ID and returns null without one', async () => {
    const withId = await parseEmail(
      bytesOf(message({ ...HEADERS, 'Message-ID': '<x1@y.ru>' }, textPart('text/plain', 'a', 'utf-8', '8bit'))),
    );
    const without = await parseEmail(bytesOf(message(HEADERS, textPart('text/plain', 'a', 'utf-8', '8bit'))));
    expect(withId.messageId).toBe('x1@y.ru');
    expect(without.messageId).toBeNull();
  });

  it('hashes the same words the same, and different words, senders or dates differently', async () => {
    const hash = async (headers: Record<string, string>, text: string) =>
      (await parseEmail(bytesOf(message(headers, textPart('text/plain', text, 'utf-8', 'quoted-printable')))))
        .contentHash;
    const base = await hash(HEADERS, 'Прошу удалить мои данные.\nИванов');
    expect(await hash(HEADERS, 'Прошу удалить мои\r\n  данные. Иванов')).toBe(base);
    expect(await hash(HEADERS, 'Прошу удалить мои данные.\nПетров')).not.toBe(base);
    expect(await hash({ ...HEADERS, From: 'c@d.ru' }, 'Прошу удалить мои данные.\nИванов')).not.toBe(base);
    expect(
      await hash({ ...HEADERS, Date: 'Wed, 02 Dec 2026 09:00:00 +0500' }, 'Прошу удалить мои данные.\nИванов'),
    ).not.toBe(base);
  });

  it('returns a null date when the Date header is missing or unreadable', async () => {
    const raw = message(
      { From: 'a@b.ru', Subject: 's', Date: 'вчера вечером' },
      textPart('text/plain', 'a', 'utf-8', '8bit'),
    );
    expect((await parseEmail(bytesOf(raw))).date).toBeNull();
  });
});

describe('parseEmail: broken input is a DomainError with a Russian message, never a crash', () => {
  const rejects = async (bytes: Uint8Array, reason: string) => {
    const error = await parseEmail(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason });
    expect((error as Error).message).toMatch(/[а-я]/);
  };

  it('an empty file', () => rejects(new Uint8Array(), 'email_empty'));
  it('a PDF renamed to .eml', () => rejects(bytesOf('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'), 'email_not_a_message'));
  it('random bytes', () =>
    rejects(
      Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256),
      'email_not_a_message',
    ));
  it('MIME nested deeper than any mail', () => {
    const depth = 300;
    const open = Array.from(
      { length: depth },
      (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`,
    );
    return rejects(
      bytesOf(`From: a@b.ru\r\n${open.join('')}Content-Type: text/plain\r\n\r\nx\r\n`),
      'email_unparseable',
    );
  });

  it('survives a truncated multipart and a charset nobody knows', async () => {
    const raw =
      'From: a@b.ru\r\nSubject: =?x-unknown?B?0J/RgNC40LLQtdGC?=\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n' +
      '--z\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nПрошу удалить мои данные';
    const email = await parseEmail(bytesOf(Buffer.from(raw).toString('latin1')));
    expect(email.from.address).toBe('a@b.ru');
    expect(typeof email.text).toBe('string');
  });
});

describe('parseEmail: what old Russian clients write', () => {
  it.each([
    ['koi8r', 'koi8-r'],
    ['win-1251', 'windows-1251'],
    ['windows1251', 'windows-1251'],
    ['cp-1251', 'windows-1251'],
  ])('reads the charset label «%s»', async (label, charset) => {
    const word = Buffer.from(encodeText('Привет', charset)).toString('base64');
    const raw = Buffer.concat([
      Buffer.from(
        `From: a@b.ru\r\nSubject: =?${label}?B?${word}?=\r\nContent-Type: text/plain; charset="${label}"\r\n\r\n`,
      ),
      encodeText('Прошу удалить мои данные', charset),
    ]);
    const email = await parseEmail(raw);
    expect(email.subject).toBe('Привет');
    expect(email.text).toBe('Прошу удалить мои данные');
  });

  it.each(['windows-1251', 'koi8-r'])('reads raw 8-bit %s headers with no RFC 2047 encoding', async (charset) => {
    const raw = Buffer.concat([
      Buffer.from('From: '),
      encodeText('Иванова Мария', charset),
      Buffer.from(' <m@x.ru>\r\nSubject: '),
      encodeText('Отзыв согласия', charset),
      Buffer.from(`\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`),
      encodeText('Отзываю согласие', charset),
    ]);
    const email = await parseEmail(raw);
    expect(email.subject).toBe('Отзыв согласия');
    expect(email.from).toEqual({ name: 'Иванова Мария', address: 'm@x.ru' });
    expect(email.text).toBe('Отзываю согласие');
  });

  it('takes raw 8-bit headers for windows-1251 when the message declares no charset', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@b.ru\r\nSubject: '),
      encodeText('Отзыв', 'windows-1251'),
      Buffer.from('\r\n\r\nx'),
    ]);
    expect((await parseEmail(raw)).subject).toBe('Отзыв');
  });
});

describe('parseEmail: fuzzed input', () => {
  const corpus = readdirSync(EMAIL_CORPUS_DIR)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => new Uint8Array(readFileSync(path.join(EMAIL_CORPUS_DIR, file))));
  const settles = async (bytes: Uint8Array) => {
    const outcome = await parseEmail(bytes).catch((caught: unknown) => caught);
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(DomainError);
    else expect(typeof (outcome as { text: unknown }).text).toBe('string');
  };

  it('a corpus letter cut short or with bytes overwritten parses or is rejected, nothing else', async () => {
    const damaged = fc.record({
      letter: fc.constantFrom(...corpus),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      noise: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 20,
      }),
    });
    await fc.assert(
      fc.asyncProperty(damaged, async ({ letter, cut, noise }) => {
        const bytes = letter.slice(0, Math.floor(letter.length * cut));
        for (const [at, byte] of noise) if (bytes.length > 0) bytes[Math.floor(at * (bytes.length - 1))] = byte;
        await settles(bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary bytes parse or are rejected, nothing else', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), settles), { numRuns: 150 });
  });
});
