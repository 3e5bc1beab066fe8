/**
 * People a test makes for itself. The database lives for the whole run and tests may run in any order, so each
 * person gets a surname and a phone nobody else in the run (or in the demo data) has: a test finds only its own.
 */

// Letters whose Latin spelling has one reading back, so a test can also search for the person in Latin script.
const CONSONANTS = [
  ['б', 'b'],
  ['в', 'v'],
  ['д', 'd'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
] as const;
const VOWELS = [
  ['а', 'a'],
  ['о', 'o'],
  ['у', 'u'],
  ['и', 'i'],
] as const;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A made-up feminine surname such as «Бакуминова», with its Latin spelling «Bakuminova». */
export function uniqueSurname(): { cyrillic: string; latin: string } {
  let cyrillic = '';
  let latin = '';
  for (let i = 0; i < 3; i++) {
    const [c, cl] = pick(CONSONANTS);
    const [v, vl] = pick(VOWELS);
    cyrillic += c + v;
    latin += cl + vl;
  }
  return {
    cyrillic: `${cyrillic[0]?.toUpperCase()}${cyrillic.slice(1)}ова`,
    latin: `${latin[0]?.toUpperCase()}${latin.slice(1)}ova`,
  };
}

export type Person = {
  lastName: string;
  /** The surname in Latin letters, as an e-mail would sign it. */
  lastNameLatin: string;
  firstName: string;
  middleName: string;
  /** dd.mm.yyyy, as typed into the form. */
  birthDate: string;
  /** As written on the form: «+7 (912) 604-33-21». */
  phone: string;
  email: string;
  address: string;
};

/** A patient of the test's own; `overrides` pin what the test is about (a namesake, a shared phone). */
export function newPerson(overrides: Partial<Person> = {}): Person {
  const surname = uniqueSurname();
  const phone = digits(7);
  return {
    lastName: surname.cyrillic,
    lastNameLatin: surname.latin,
    firstName: 'Ульяна',
    middleName: 'Ростиславовна',
    birthDate: '14.07.1988',
    phone: `+7 (912) ${phone.slice(0, 3)}-${phone.slice(3, 5)}-${phone.slice(5)}`,
    email: `${surname.latin.toLowerCase()}@mail.ru`,
    address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
    ...overrides,
  };
}

/** «Бакуминова Ульяна Ростиславовна» as a list shows it before «Показать»: «Б••••••••а У. Р.». */
export function maskedName(person: Person): string {
  const surname = [...person.lastName];
  const hidden = '•'.repeat(surname.length - 2);
  return `${surname[0]}${hidden}${surname[surname.length - 1]} ${person.firstName[0]}. ${person.middleName[0]}.`;
}

/** The last four digits stay readable in a masked phone: «+7 ••• •••-33-21». */
export function maskedPhone(person: Person): string {
  return `+7 ••• •••-${person.phone.slice(-5)}`;
}

/**
 * A calendar day counted from today in the operator's zone (Asia/Yekaterinburg), as the API takes it (YYYY-MM-DD)
 * and as the forms show it (dd.mm.yyyy). Received dates are never after today, so tests count from the real today.
 */
export function operatorDay(offsetDays = 0): { iso: string; dotted: string } {
  const iso = new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Yekaterinburg',
  });
  const [year, month, day] = iso.split('-');
  return { iso, dotted: `${day}.${month}.${year}` };
}

/** dd.mm.yyyy → yyyy-mm-dd, as the API takes dates. */
export function isoDate(dotted: string): string {
  const [day, month, year] = dotted.split('.');
  return `${year}-${month}-${day}`;
}
