import { convert } from 'html-to-text';

/**
 * The words of an HTML-only letter, for reading and for the wording rules: paragraphs and <br> become line
 * breaks, table cells are kept apart, links and images give no noise (a link's address is not the sender's words).
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'table', format: 'dataTable' },
    ],
  }).trim();
}
