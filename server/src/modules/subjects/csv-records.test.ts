import { describe, expect, it } from 'vitest';
import { CsvFormatError, csvRecords } from './csv-records';

async function parse(...chunks: string[]) {
  const out: Array<[number, string[]]> = [];
  for await (const r of csvRecords(chunks)) out.push([r.line, r.fields]);
  return out;
}

describe('csvRecords', () => {
  it('reads LF and CRLF records, skips a BOM and blank lines, counts lines', async () => {
    expect(await parse('\uFEFFa,b\r\n1,2\n\n3,\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [4, ['3', '']],
    ]);
  });

  it('unquotes fields with commas, doubled quotes and line breaks, and keeps line numbers true', async () => {
    expect(await parse('"Иванова, М.","say ""hi""","two\r\nlines"\n"x",y\n')).toEqual([
      [1, ['Иванова, М.', 'say "hi"', 'two\r\nlines']],
      [3, ['x', 'y']],
    ]);
  });

  it('gives the same records however the text is cut into chunks', async () => {
    const text = 'id,name\r\n1,"Петров, ""Пётр"""\r\n2,Сидорова\r\n3,"a\nb"';
    const whole = await parse(text);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await parse(text.slice(0, cut), text.slice(cut))).toEqual(whole);
    }
    expect(whole).toHaveLength(4);
  });

  it('reads a last record without a line break and refuses an unclosed quote', async () => {
    expect(await parse('a,b')).toEqual([[1, ['a', 'b']]]);
    await expect(parse('a\n"b,c\n')).rejects.toBeInstanceOf(CsvFormatError);
  });

  it('reads a line with a lone CR, a quote inside a field or a CR at a chunk edge as the general parser does', async () => {
    // The plain-line fast path (indexOf + split) hands these to the general parser.
    expect(await parse('a,b\rc,d\n', 'e\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e']],
    ]);
    expect(await parse('a,x"y,b\n', '1,2')).toEqual([
      [1, ['a', 'x"y', 'b']],
      [2, ['1', '2']],
    ]);
    expect(await parse('p,q\r', '\nr,s\r\n', ',\n')).toEqual([
      [1, ['p', 'q']],
      [2, ['r', 's']],
      [3, ['', '']],
    ]);
  });
});
