import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from './calendar.schemas';
import ru2024 from './data/ru-2024.json';
import { parseXmlCalendar, XmlCalendarParseError } from './xmlcalendar';

// The <days> of xmlcalendar's ru/2024/calendar.xml. Its working Saturdays 27.04 and 28.12 appear only
// as `f` of the days that took their day off; 02.11 is a shortened working Saturday (t=2).
const XML_2024 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2024" lang="ru" date="2023.09.02">
  <holidays>
    <holiday id="1" title="Новогодние каникулы"/>
    <holiday id="8" title="День народного единства"/>
  </holidays>
  <days>
    <day d="01.01" t="1" h="1"/> <day d="01.02" t="1" h="1"/> <day d="01.03" t="1" h="1"/>
    <day d="01.04" t="1" h="1"/> <day d="01.05" t="1" h="1"/> <day d="01.06" t="1" h="1"/>
    <day d="01.07" t="1" h="2"/> <day d="01.08" t="1" h="1"/>
    <day d="02.22" t="2"/> <day d="02.23" t="1" h="3"/>
    <day d="03.07" t="2"/> <day d="03.08" t="1" h="4"/>
    <day d="04.29" t="1" f="04.27"/> <day d="04.30" t="1" f="11.02"/>
    <day d="05.01" t="1" h="5"/> <day d="05.08" t="2"/> <day d="05.09" t="1" h="6"/>
    <day d="05.10" t="1" f="01.06"/>
    <day d="06.11" t="2"/> <day d="06.12" t="1" h="7"/>
    <day d="11.02" t="2"/> <day d="11.04" t="1" h="8"/>
    <day d="12.30" t="1" f="12.28"/> <day d="12.31" t="1" f="01.07"/>
  </days>
</calendar>`;

describe('parseXmlCalendar', () => {
  it('reproduces the bundled, verified 2024 calendar', () => {
    const year = parseXmlCalendar(XML_2024);
    expect(year).toMatchObject({
      year: 2024,
      holidays: ru2024.holidays,
      workingWeekends: ru2024.workingWeekends,
      shortened: ru2024.shortened,
      stats: ru2024.stats,
      source: 'xmlcalendar.ru calendar.xml от 2023.09.02',
    });
    expect(calendarYearSchema.parse(year).verified).toBe(false);
    expect(parseXmlCalendar(XML_2024, { verified: true, source: 'decree' })).toMatchObject({
      status: 'verified',
      source: 'decree',
    });
  });

  it('tolerates attribute order, quotes, whitespace, comments and explicit t=3', () => {
    // 2025: 1 Nov (Sat) is a working day (t=3), 3 Nov (Mon) takes its day off, 4 Nov (Tue) is the holiday;
    // 2 Nov (Sun) listed as t=1 is dropped, weekends are off anyway.
    const xml = `<calendar  country='ru'
        date="2024.09.27" year = "2025" >
      <!-- <day d="12.31" t="1"/> commented out -->
      <days>
        <day t="3" d="11.01" />
        <day  f='11.01'   t='1'  d='11.03'></day>
        <day h="8" t="1" d="11.04"/>
        <day d="11.02" t="1"/>
      </days>
    </calendar>`;
    expect(parseXmlCalendar(xml)).toMatchObject({
      year: 2025,
      holidays: ['2025-11-03', '2025-11-04'],
      workingWeekends: ['2025-11-01'],
      shortened: [],
      // 261 weekdays − 2 + 1.
      stats: { workingDays: 260, nonWorkingDays: 105 },
    });
  });

  it.each([
    ['<days></days>', 'нет тега <calendar>'],
    ['<calendar year="2026"><days><day d="01.01" t="1"/>', 'нет закрывающего </calendar>'],
    ['<calendar year="26"><day d="01.01" t="1"/></calendar>', 'атрибут year тега <calendar> должен быть годом'],
    ['<calendar year="2026" country="by"><day d="01.01" t="1"/></calendar>', 'календарь страны «by»'],
    ['<calendar year="2026"><days></days></calendar>', 'нет ни одного тега <day>'],
    ['<calendar year="2026"><day d="02.30" t="1"/></calendar>', '«02.30» — не дата ММ.ДД 2026 года'],
    ['<calendar year="2026"><day d="2026-01-01" t="1"/></calendar>', 'не дата ММ.ДД'],
    ['<calendar year="2026"><day d="01.01" t="4"/></calendar>', 'тип дня t="4", ожидается 1, 2 или 3'],
    ['<calendar year="2026"><day d="01.01" t="1"/><day d="01.01" t="1"/></calendar>', 'день 2026-01-01 указан дважды'],
    ['<calendar year="2026"><day d="01.09" t="1" f="13.01"/></calendar>', '<day d="01.09" f>'],
    ['<calendar year="1812"><day d="01.01" t="1"/></calendar>', 'год вне диапазона 1900–2100'],
  ])('rejects malformed input: %s', (xml, message) => {
    const attempt = () => parseXmlCalendar(xml);
    expect(attempt).toThrow(XmlCalendarParseError);
    expect(attempt).toThrow(message);
  });
});
