import type { Lang } from '@pd-desk/shared/messages/message-format';
import { type AnyMessageRef, decodeRef, renderRef } from '@pd-desk/shared/messages/message-ref';
import i18n from './i18n';
import { isApiError } from './trpc';

/** The language server messages are shown in: the UI's. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'ru';
}

/**
 * The catalogue's templates come with the language's strings (namespace `server`, lib/i18n-namespaces.ts), not as a
 * module: the first screen does not carry every refusal in both languages. Keys hold dots, so no nesting.
 */
function template(key: string, lang: Lang): string | undefined {
  const text: unknown = i18n.getResource(lang, 'server', key, { keySeparator: false });
  return typeof text === 'string' ? text : undefined;
}

function render(ref: AnyMessageRef, fallback: string): string {
  return renderRef(ref, currentLang(), template) ?? fallback;
}

/** A schema message (a catalogue ref inside a string, see shared/src/messages) or plain text, in the UI's language. */
export function localText(text: string): string {
  const ref = decodeRef(text);
  // Without a template (an unknown key) the Russian text in front of the marker still reads.
  return ref ? render(ref, text.slice(0, text.indexOf('\u2063'))) : text;
}

/** One refused input field: its catalogue ref when the server sent one, else its text. */
export function issueText(issue: { message: string; ref?: AnyMessageRef | null }): string {
  return issue.ref ? render(issue.ref, localText(issue.message)) : localText(issue.message);
}

/**
 * What a failed call says, in the UI's language: the server sends a catalogue ref (key + params) next to its
 * Russian text (ADR 0020); an error without one (a network failure, an older server) keeps its own text.
 */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    const ref = error.data?.messageRef;
    if (ref) return render(ref, error.message);
    const issues = error.data?.zodIssues;
    if (issues && issues.length > 0) return [...new Set(issues.map(issueText))].join('; ');
    return localText(error.message);
  }
  return error instanceof Error ? localText(error.message) : String(error);
}
