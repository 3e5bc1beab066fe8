import { buffer, text } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, EXPORT_PAGE_SIZE, type ExportColumn, neutraliseFormula, pagedRows, tableBody } from './table-export';

type Row = { name: string; on: string | null; n: number };
const columns: ExportColumn<Row>[] = [
  { header: 'Имя', cell: (r) => r.name },
  { header: 'Дата', cell: (r) => ({ date: r.on }) },
  { header: 'Число', cell: (r) => r.n },
];
const rows: Row[] = [
  { name: 'Иванова "Мария"; врач', on: '2026-11-25', n: 1 },
  { name: 'две\nстроки', on: null, n: 2 },
  { name: '=HYPERLINK("http://evil","x")', on: '2026-01-02', n: 3 },
  { name: '+79025503689', on: null, n: 4 },
  { name: '-1+1', on: null, n: 5 },
  { name: '@SUM(A1)', on: null, n: 6 },
];
async function* pages() {
  yield rows.slice(0, 2);
  yield rows.slice(2);
}
const table = () => ({ title: 'Проверка', sheet: 'Лист', columns, pages: pages() });

describe('table export', () => {
  it('neutralises what a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    expect(['=1+1', '+7 900', '-2', '@x', '\t=1', '\r=1', 'Иванова', '7-900'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+7 900",
      "'-2",
      "'@x",
      "'\t=1",
      "'\r=1",
      'Иванова',
      '7-900',
    ]);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell({ date: '2026-03-08' })).toBe('08.03.2026');
    expect(csvCell(null)).toBe('');
  });

  it('CSV: BOM, «;», CRLF, quoted quotes and newlines, dates as dd.mm.yyyy, formulas defused', async () => {
    const csv = await text(tableBody(table(), 'csv'));
    expect(csv).toBe(
      '\uFEFFИмя;Дата;Число\r\n' +
        '"Иванова ""Мария""; врач";25.11.2026;1\r\n' +
        '"две\nстроки";;2\r\n' +
        `"'=HYPERLINK(""http://evil"",""x"")";02.01.2026;3\r\n` +
        "'+79025503689;;4\r\n" +
        "'-1+1;;5\r\n" +
        "'@SUM(A1);;6\r\n",
    );
  });

  it('XLSX (streamed) reads back: sheet, title, header, text as text, dates as real dates', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await buffer(tableBody(table(), 'xlsx'))).buffer);
    const sheet = workbook.getWorksheet('Лист');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Проверка');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Имя', 'Дата', 'Число']);
    expect(sheet?.getRow(3).getCell(1).value).toBe('Иванова "Мария"; врач');
    expect(sheet?.getRow(3).getCell(2).value).toEqual(new Date('2026-11-25T00:00:00Z'));
    expect(sheet?.getRow(3).getCell(2).numFmt).toBe('dd.mm.yyyy');
    // A string cell is never evaluated by a spreadsheet: the text stays as typed.
    expect(sheet?.getRow(5).getCell(1).value).toBe('=HYPERLINK("http://evil","x")');
    expect(sheet?.getRow(8).getCell(3).value).toBe(6);
    expect(sheet?.rowCount).toBe(8);
  });

  it('pages a list query until a short page, counting from the first', async () => {
    const asked: number[] = [];
    const all = Array.from({ length: EXPORT_PAGE_SIZE * 2 + 3 }, (_, i) => i);
    const { total, pages: paged } = await pagedRows(async ({ limit, offset }) => {
      asked.push(offset);
      return { rows: all.slice(offset, offset + limit), total: all.length };
    });
    const seen: number[] = [];
    for await (const page of paged) seen.push(...page);
    expect(total).toBe(all.length);
    expect(seen).toEqual(all);
    expect(asked).toEqual([0, EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE * 2]);
  });
});
