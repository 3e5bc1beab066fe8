/**
 * Template blanks: the drafts mark in square brackets what only a person can fill in («[перечень]»). A letter with
 * one left must not get an outgoing number, so the server refuses it and the letter form warns before that.
 * A lone bracket counts too: it is a blank half-deleted, and no answer to a subject needs square brackets.
 */
export function letterPlaceholders(text: string): string[] {
  const found = text.match(/\[[^\]]*\]?|\]/g) ?? [];
  return [...new Set(found.map((blank) => (blank.length > 80 ? `${blank.slice(0, 77)}…` : blank)))];
}

/** «[перечень]», «[способ]» and 2 more: what a refusal or warning names, short enough to read at a glance. */
export function describePlaceholders(blanks: readonly string[], shown = 3): string {
  const named = blanks
    .slice(0, shown)
    .map((blank) => `«${blank}»`)
    .join(', ');
  return blanks.length > shown ? `${named} и ещё ${blanks.length - shown}` : named;
}
