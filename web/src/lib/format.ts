import i18n from './i18n';

/** The operator's zone (Asia/Yekaterinburg by default); set from the server once signed in. */
let operatorTimeZone = 'Asia/Yekaterinburg';

export function setOperatorTimeZone(zone: string): void {
  operatorTimeZone = zone;
}

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'ru-RU';
}

/** dd.mm.yyyy for a calendar date stored as YYYY-MM-DD: no time zone shift, it is a date, not an instant. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** dd.mm.yyyy HH:mm for an instant, in the operator's zone whatever the browser's zone is. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (!instant) return '—';
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone: operatorTimeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/**
 * A citation of 152-FZ as the rules store it («ст. 14 ч. 3, 7; ст. 20 ч. 1–2 152-ФЗ»), in the UI's language:
 * «art. 14 p. 3, 7; art. 20 p. 1–2 152-FZ» in English, as the mail plan cites it.
 */
export function formatArticle(article: string): string {
  if (i18n.language !== 'en') return article;
  return article.replaceAll('ст. ', 'art. ').replaceAll('ч. ', 'p. ').replaceAll('152-ФЗ', '152-FZ');
}

/** The instant at which a calendar day starts in the operator's zone (for "from/to date" filters). */
export function dayStartInstant(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: operatorTimeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMidnight));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const zoneAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utcMidnight - (zoneAsUtc - utcMidnight)).toISOString();
}
