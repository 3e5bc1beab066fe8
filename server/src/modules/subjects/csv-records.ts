// RFC 4180 records from text arriving in chunks (a file stream or one uploaded string): quoted fields with "" and
// line breaks inside, CRLF or LF, a UTF-8 byte-order mark. Streaming keeps a million-row import in constant memory.

export type CsvRecord = {
  /** 1-based line of the file where the record starts: what a person looks for in their editor. */
  line: number;
  fields: string[];
};

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export async function* csvRecords(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

/** The parser itself, fed chunk by chunk; its records come synchronously (no promise per record). */
export class CsvParser {
  private buffer = '';
  private line = 1;
  private first = true;

  *push(chunk: string): Generator<CsvRecord> {
    this.buffer += this.first ? chunk.replace(/^\uFEFF/, '') : chunk;
    this.first = false;
    yield* this.drain(false);
  }

  *end(): Generator<CsvRecord> {
    yield* this.drain(true);
  }

  /** Emits every complete record in the buffer; at the end of input the last record needs no line break. */
  private *drain(final: boolean): Generator<CsvRecord> {
    const text = this.buffer;
    let pos = 0;
    while (pos < text.length) {
      const parsed = parseRecord(text, pos, final);
      if (parsed === null) break;
      const startLine = this.line;
      this.line += parsed.lineBreaks;
      pos = parsed.next;
      // Blank lines (a trailing newline, an empty line at the end) are not records.
      if (parsed.fields.length === 1 && parsed.fields[0] === '') continue;
      if (parsed.unterminatedQuote) throw new CsvFormatError(startLine, 'кавычка не закрыта до конца файла');
      yield { line: startLine, fields: parsed.fields };
    }
    this.buffer = text.slice(pos);
  }
}

type Parsed = { fields: string[]; next: number; lineBreaks: number; unterminatedQuote: boolean };

/** One record starting at `start`, or null when the buffer ends inside it and more input may come. */
function parseRecord(text: string, start: number, final: boolean): Parsed | null {
  return plainRecord(text, start) ?? quotedRecord(text, start, final);
}

/**
 * The common case, by the engine's own string search and split: a record on one line with no quote and no lone \r,
 * ended by \n or \r\n. Anything else (or a record the buffer does not hold whole) is left to quotedRecord.
 */
function plainRecord(text: string, start: number): Parsed | null {
  const newline = text.indexOf('\n', start);
  if (newline === -1) return null;
  const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  const record = text.slice(start, end);
  if (record.includes('"') || record.includes('\r')) return null;
  return { fields: record.split(','), next: newline + 1, lineBreaks: 1, unterminatedQuote: false };
}

function quotedRecord(text: string, start: number, final: boolean): Parsed | null {
  const fields: string[] = [];
  let pos = start;
  let lineBreaks = 0;
  for (;;) {
    if (text.charCodeAt(pos) === 34 /* " */) {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          if (!final) return null;
          value += text.slice(from);
          lineBreaks += countLineBreaks(text, from, text.length);
          fields.push(value);
          return { fields, next: text.length, lineBreaks, unterminatedQuote: true };
        }
        lineBreaks += countLineBreaks(text, from, quote);
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        if (quote + 1 === text.length && !final) return null;
        pos = quote + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      const end = fieldEnd(text, pos);
      if (end === -1 && !final) return null;
      value += text.slice(pos, end === -1 ? text.length : end);
      fields.push(value);
      pos = end === -1 ? text.length : end;
    } else {
      const end = fieldEnd(text, pos);
      if (end === -1 && !final) return null;
      fields.push(text.slice(pos, end === -1 ? text.length : end));
      pos = end === -1 ? text.length : end;
    }
    if (pos >= text.length) return { fields, next: pos, lineBreaks, unterminatedQuote: false };
    const c = text.charCodeAt(pos);
    if (c === 44 /* , */) {
      pos++;
      continue;
    }
    // \r\n, \n or a lone \r ends the record; a \r at the very end of a chunk may be half of \r\n.
    if (c === 13 && pos + 1 === text.length && !final) return null;
    const next = c === 13 && text.charCodeAt(pos + 1) === 10 ? pos + 2 : pos + 1;
    return { fields, next, lineBreaks: lineBreaks + 1, unterminatedQuote: false };
  }
}

function fieldEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) return i;
  }
  return -1;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
