import type { Lang, ParamNames, ParamValue } from './message-format';
import { decodeRef, ENCODED_REF, renderRef, type TemplateLookup } from './message-ref';
import { serverMessages } from './server-messages';

export type { Lang } from './message-format';
export { serverMessages };

/** Every key of the catalogue; a key that is not there is a type error where it is used. */
export type MessageKey = keyof typeof serverMessages;
/** A message as data: what the server sends next to its Russian text, so the client can show it in its language. */
export type MessageRef = { key: MessageKey; params?: Record<string, MessageParam> };
type MessageParam = ParamValue | MessageRef;
type ParamsOf<K extends MessageKey> = Record<ParamNames<(typeof serverMessages)[K]['ru']>, MessageParam>;

/** `msg('cases.notFound')`, `msg('cases.stale', { number })`: the params a text needs are checked by the compiler. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: [ParamNames<(typeof serverMessages)[K]['ru']>] extends [never] ? [] : [ParamsOf<K>]
): MessageRef {
  return params[0] === undefined ? { key } : { key, params: params[0] };
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.hasOwn(serverMessages, key);
}

const catalogueTemplate: TemplateLookup = (key, lang) => (isMessageKey(key) ? serverMessages[key][lang] : undefined);

export function renderMessage(ref: MessageRef, lang: Lang): string {
  return renderRef(ref, lang, catalogueTemplate) ?? ref.key;
}

/**
 * zod keeps an issue's message as a string, so schema messages carry their ref inside one:
 * `msgText('validation.tooLong', { max: 200 })`. The server renders it in Russian for REST and the CLI and
 * sends the ref to the web; forms validated in the browser render it in the current language.
 */

export function msgText<K extends MessageKey>(
  key: K,
  ...params: [ParamNames<(typeof serverMessages)[K]['ru']>] extends [never] ? [] : [ParamsOf<K>]
): string {
  const ref = msg(key, ...params);
  // The Russian text leads, so a raw zod message (tests, logs) still reads; the ref follows the marker.
  return renderMessage(ref, 'ru') + ENCODED_REF + JSON.stringify(ref);
}

/** The ref inside a schema message, or null for plain text. */
export function decodeMessage(text: string): MessageRef | null {
  const ref = decodeRef(text);
  return ref && isMessageKey(ref.key) ? (ref as MessageRef) : null;
}

/** A message that may be a catalogue ref or a plain string, in the given language (plain strings as they are). */
export function renderText(text: string, lang: Lang): string {
  const ref = decodeMessage(text);
  return ref ? renderMessage(ref, lang) : text;
}
