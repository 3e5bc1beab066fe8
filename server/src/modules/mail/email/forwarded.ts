/**
 * Forwarded mail written into the body: the registrar (or a relative) forwards the subject's letter and the
 * client pastes the original's headers under a separator line. Each client spells it its own way:
 *
 *   Mail.ru / Yandex:  -------- Пересылаемое сообщение --------   then «От кого:» / «От:» or «01.12.2026, 10:15, "Имя" <a@b>:»
 *   Gmail:             ---------- Forwarded message ---------     then «From:»
 *   Thunderbird:       -------- Forwarded Message -------- / -------- Перенаправленное сообщение --------
 *   Outlook:           -----Original Message----- / -----Исходное сообщение-----   then «From:»/«От:»
 *   Apple Mail:        Begin forwarded message: / Начало переадресованного сообщения:
 */

export interface EmailAddress {
  name: string | null;
  address: string | null;
}

export interface InlineForward {
  from: EmailAddress;
  /** The original letter's body, below its header block. */
  text: string;
}

const SEPARATOR =
  /^[ \t>]*-*[ \t]*(?:пересылаемое сообщение|перенаправленное сообщение|пересланное сообщение|исходное сообщение|forwarded message|original message|begin forwarded message|начало переадресованного сообщения)[ \t]*-*:?[ \t]*$/im;
const END_SEPARATOR =
  /^[ \t>]*-+[ \t]*(?:конец пересылаемого сообщения|end (?:of )?forwarded message)[ \t]*-*[ \t]*$/im;
const FROM_LINE = /^[ \t>]*(?:from|от кого|от)[ \t]*:[ \t]*(.+)$/im;
// Yandex puts the sender on a «date, time, name <address>:» line instead of a From: header.
const YANDEX_LINE = /^[ \t>]*\d{1,2}\.\d{1,2}\.\d{2,4},?[ \t]+\d{1,2}:\d{2},?[ \t]+(.+?):[ \t]*$/m;
const HEADER_LINE = /^[ \t>]*(?:[a-zа-яё -]{2,20}:[ \t]*.*|\d{1,2}\.\d{1,2}\.\d{2,4},?[ \t]+\d{1,2}:\d{2}.*:)[ \t]*$/i;
const EMAIL = /[^\s<>"'[\]():;,]+@[^\s<>"'[\]():;,]+\.[a-z]{2,}/i;

export function findInlineForward(text: string): InlineForward | null {
  const separator = SEPARATOR.exec(text);
  if (!separator) return null;
  const after = text.slice(separator.index + separator[0].length).replace(/^\s*\n/, '');
  const lines = after.split('\n');
  // The header block: the lines that look like «Key: value» up to the first blank or other line.
  let headerCount = 0;
  while (headerCount < lines.length && headerCount < 12 && HEADER_LINE.test(lines[headerCount] ?? '')) headerCount++;
  const headerBlock = lines.slice(0, headerCount).join('\n');
  const fromValue = FROM_LINE.exec(headerBlock)?.[1] ?? YANDEX_LINE.exec(headerBlock)?.[1] ?? null;
  if (fromValue === null) return null;
  const body = lines.slice(headerCount).join('\n');
  const end = END_SEPARATOR.exec(body);
  return {
    from: parseAddress(fromValue),
    text: stripQuotePrefix(end ? body.slice(0, end.index) : body).trim(),
  };
}

/** «"Иванова Мария" <m@x.ru>», «Иванова Мария [mailto:m@x.ru]», «m@x.ru» → name and address. */
export function parseAddress(value: string): EmailAddress {
  const address = EMAIL.exec(value)?.[0]?.toLowerCase() ?? null;
  const name = value
    .replace(/\[mailto:[^\]]*\]|<[^>]*>/gi, ' ')
    .replace(EMAIL, ' ')
    .replace(/["'«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return { name: name === '' ? null : name, address };
}

/** Text clients quote forwarded bodies with «> »; the wording rules want the words. */
function stripQuotePrefix(text: string): string {
  return text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
}
