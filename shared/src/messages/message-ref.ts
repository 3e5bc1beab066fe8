import { fillTemplate, type Lang, type ParamValue } from './message-format';

/** A message as data whose key is not checked here: the catalogue (catalogue.ts) types it, the web looks it up. */
export type AnyMessageRef = { key: string; params?: Record<string, ParamValue | AnyMessageRef> };
/** Where a key's template comes from: the shared catalogue on the server, the loaded language's strings on the web. */
export type TemplateLookup = (key: string, lang: Lang) => string | undefined;

/** The text of a ref in a language, or null when the lookup has no template for its key (or for a nested one). */
export function renderRef(ref: AnyMessageRef, lang: Lang, lookup: TemplateLookup): string | null {
  const template = lookup(ref.key, lang);
  if (template === undefined) return null;
  const params: Record<string, ParamValue> = {};
  // A parameter may itself be a message (a bulk refusal wraps the refusal of one case).
  for (const [name, value] of Object.entries(ref.params ?? {})) {
    const text = typeof value === 'object' ? renderRef(value, lang, lookup) : value;
    if (text === null) return null;
    params[name] = text;
  }
  return fillTemplate(template, params, lang);
}

/**
 * zod keeps an issue's message as a string, so a schema message carries its ref after this marker, behind the
 * Russian text (catalogue.ts `msgText`).
 */
export const ENCODED_REF = '\u2063msg:';

/** The ref inside a schema message, or null for plain text. */
export function decodeRef(text: string): AnyMessageRef | null {
  const at = text.indexOf(ENCODED_REF);
  if (at < 0) return null;
  try {
    const ref = JSON.parse(text.slice(at + ENCODED_REF.length)) as AnyMessageRef;
    return typeof ref?.key === 'string' ? ref : null;
  } catch {
    return null;
  }
}
