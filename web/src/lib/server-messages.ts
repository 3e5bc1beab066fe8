import { type Lang, type MessageRef, renderMessage, renderText } from '@pd-desk/shared/messages/catalogue';
import i18n from './i18n';
import { isApiError } from './trpc';

/** The language server messages are shown in: the UI's. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'ru';
}

/** A schema message (a catalogue ref inside a string, see shared/src/messages) or plain text, in the UI's language. */
export function localText(text: string): string {
  return renderText(text, currentLang());
}

/** One refused input field: its catalogue ref when the server sent one, else its text. */
export function issueText(issue: { message: string; ref?: MessageRef | null }): string {
  return issue.ref ? renderMessage(issue.ref, currentLang()) : localText(issue.message);
}

/**
 * What a failed call says, in the UI's language: the server sends a catalogue ref (key + params) next to its
 * Russian text (ADR 0020); an error without one (a network failure, an older server) keeps its own text.
 */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    const ref = error.data?.messageRef;
    if (ref) return renderMessage(ref, currentLang());
    const issues = error.data?.zodIssues;
    if (issues && issues.length > 0) return [...new Set(issues.map(issueText))].join('; ');
    return localText(error.message);
  }
  return error instanceof Error ? localText(error.message) : String(error);
}
