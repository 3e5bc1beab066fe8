import type { Contact } from './contact';

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The list as text chunks, one per page of contacts: JSON `{purpose, version, contacts: […]}` or CSV `kind,value`. */
export async function* suppressionBody(
  format: 'json' | 'csv',
  purpose: string,
  version: string,
  pages: AsyncIterable<Contact[]>,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield 'kind,value\r\n';
    for await (const page of pages) yield page.map((c) => `${c.kind},${csvField(c.value)}\r\n`).join('');
    return;
  }
  yield `{"purpose":${JSON.stringify(purpose)},"version":${JSON.stringify(version)},"contacts":[`;
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield (first ? '' : ',') + page.map((c) => JSON.stringify({ kind: c.kind, value: c.value })).join(',');
    first = false;
  }
  yield ']}';
}
