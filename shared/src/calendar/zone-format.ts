/**
 * Building an Intl.DateTimeFormat costs about a millisecond, and "today" or a running clock is
 * asked for on every queue row, so each formatter is built once per zone.
 */
export function formatPerZone(
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): (timeZone: string) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      try {
        format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      } catch {
        throw new RangeError(`Неизвестный часовой пояс «${timeZone}»`);
      }
      formats.set(timeZone, format);
    }
    return format;
  };
}
