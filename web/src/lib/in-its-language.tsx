import type { ReactNode } from 'react';

const CYRILLIC = /[а-яё]/i;

/**
 * Text people typed (a name, an address, a source, a system's name), marked Russian when it is: it stays Russian in
 * English mode, and a screen reader should read it with a Russian voice (WCAG 3.1.2, language of parts).
 */
export function inItsLanguage(text: string): ReactNode {
  return CYRILLIC.test(text) ? <span lang="ru">{text}</span> : text;
}
