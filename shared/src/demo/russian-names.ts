// Name lists for demo people, most frequent first. Weights are Zipf-like (1 / (rank + offset)), which is how real
// name frequencies fall off: a few names are very common, so namesakes appear naturally in a large population.
// Names with ё are written with ё; the generator decides whether a record keeps it.

import { type WeightedTable, weightedTable } from './prng';

export type Gender = 'male' | 'female';

/** Given names follow fashion: a Галина is rarely under 40, an Артём rarely over 45. */
export type NameEra = 'old' | 'mid' | 'young';

export function eraOf(birthYear: number): NameEra {
  if (birthYear < 1966) return 'old';
  return birthYear < 1991 ? 'mid' : 'young';
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** Masculine surnames; feminine forms are derived by `feminineSurname`. */
export const MASCULINE_SURNAMES: readonly string[] = words(`
  Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев
  Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов
  Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин
  Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
  Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов
  Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
  Шевченко Хабибуллин Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов
  Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников
  Галиев Седых Покровский Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов
  Ткаченко Шарипов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев
  Толстой Бирюков Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров
  Ковальчук Сафин Черных Никольский Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронцов
  Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Дёмин
  Кравченко Гарипов Вишневский Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин
  Белых Полевой Калашников Леонтьев Лобанов Кузин Корнеев Евдокимов Бородин Платонов Некрасов Балашов
  Бобров Ахметов Жданов Блинов Игнатьев Коротков Муравьёв Крюков Беляков Богомолов Дроздов Лавров Зуев
  Бондаренко Полищук Троицкий Петухов Ларин Никулин Серов Терентьев Зотов Устинов Фокин Самойлов Константинов
  Сахаров Валиев Шишкин Самсонов Черкасов Чистяков Носов Спиридонов Карасёв Авдеев Воронов Зверев Миллер
  Долгих Луговой Владимиров Селезнёв Нечаев Кудряшов Седов Фирсов Андрианов Панин Головин Терехов Ульянов
  Зарипов Успенский Шестаков Агеев Никонов Селиванов Баженов Гордеев Кожевников Пахомов Зимин Костин Широков
  Коваленко Филимонов Ларионов Овсянников Сазонов Суворов Нефёдов Корнилов Любимов Львов Горбачёв Копылов
  Нуриев Шмидт Лукин Токарев Кулешов Шилов Большаков Панкратов Родин Шаповалов Бочаров Маркин Горелов
  Высоцкий Береговой Агафонов Березин Ермолаев Зубков Куприянов Трифонов Масленников Круглов Третьяков
  Савченко Хасанов Колосов Рожков Артамонов Шмелёв Лаптев Лапшин Синицын Птицын Соколовский Глухих Кравчук
  Гильманов Рублёв Жуковский Боровой Петренко Шульц Мухаметшин Юсупов Островский Лановой Руденко Мельничук
  Исмагилов Ёлкин Левицкий Садовский Кох Файзуллин Берёзкин Сосновский Яворский Мищенко Гартман Щёголев
`);

interface FirstName {
  readonly name: string;
  /** Fashion profile: o = older generations, m = born 1966–1990, y = young, a = all ages alike. */
  readonly era: 'o' | 'm' | 'y' | 'a';
}

// Tag after the slash; untagged names are popular across all generations.
const firstNames = (text: string): FirstName[] =>
  words(text).map((entry) => {
    const [name = '', tag = 'a'] = entry.split('/');
    if (tag !== 'o' && tag !== 'm' && tag !== 'y' && tag !== 'a') throw new Error(`bad era tag in ${entry}`);
    return { name, era: tag };
  });

const MALE = firstNames(`
  Александр Сергей/m Дмитрий Андрей/m Алексей Владимир/o Максим/y Евгений Иван Михаил Николай/o Артём/y Денис/m
  Павел Юрий/o Игорь/m Роман/m Олег/m Виктор/o Никита/y Антон/m Илья/y Кирилл/y Константин Вадим/m Анатолий/o
  Владислав/m Егор/y Василий/o Валерий/o Вячеслав/m Даниил/y Станислав/m Матвей/y Тимофей/y Руслан/m Георгий
  Геннадий/o Ярослав/y Марк/y Лев/y Фёдор Виталий/m Григорий/o Леонид/o Борис/o Пётр/o Тимур/m Артур/m Степан/y
  Семён Эдуард/m Валентин/o Арсений/y Глеб/y Богдан/y Аркадий/o Ринат/m Рустам/m Марат/m Платон/y Захар/y
  Мирон/y Савелий/y Давид/y Ростислав Всеволод/y Святослав/y Филипп Родион Данил/y Елисей/y Тихон/y Макар/y
  Демид/y Герман Ефим/o Яков/o Вениамин/o Ильдар/m Альберт/m Айдар/m Рамиль/m Ренат/m Дамир/y Эрик/y Лука/y
  Прохор/y Гордей/y Серафим/y Адам/y Назар/y Игнат/y Артемий/y Ян Стефан/y Эльдар/m Феликс Марсель/m Радик/m
  Владлен/o Тарас Савва/y Кузьма/o Арсен/m Азат/m Айрат/m Ильяс/m Рафаил/m Булат/m Роберт/m Клим/y Климент/y
  Иннокентий/o Афанасий/o Герасим/o Трофим/o Мирослав/y Мстислав/y Рудольф/o Самир/y Эмиль/y
`);

const FEMALE = firstNames(`
  Елена Ольга Наталья/m Татьяна/o Ирина/m Светлана/m Анна Екатерина Юлия/m Мария Анастасия/y Марина/m Людмила/o
  Галина/o Валентина/o Надежда/o Любовь/o Нина/o Лариса/o Евгения Оксана/m Дарья/y Александра Виктория/y Алёна/m
  Ксения/y Полина/y Елизавета/y Софья/y Алина/y Кристина/m Валерия/y Вера/o Тамара/o Лидия/o Зинаида/o Раиса/o
  Анжелика/m Маргарита Алла/o Инна/m Жанна/m Яна/m Вероника/y Диана/y Ангелина/y Варвара/y Милана/y Арина/y
  Алиса/y Ева/y Василиса/y Ульяна/y Таисия/y Злата/y Есения/y Кира/y Мирослава/y Стефания/y Амелия/y Агата/y
  Антонина/o Клавдия/o Зоя/o Римма/o Эльвира/m Гульнара/m Альфия/o Лилия/m Динара/m Айгуль/m Регина/m
  Наталия/m София/y Майя/o Снежана/m Эвелина/y Карина/m Камилла/y Элина/y Анфиса/y Ярослава/y Олеся/m
  Станислава/y Владислава/y Серафима/y Эмилия/y Виолетта/m Евдокия/o Элеонора Фаина/o Инга/m Дина/m Роза/o
  Аида Лада/m Илона/m Гузель/m Эльмира/m Рената/m Алсу/m Ника/y Мила/y Лиана/y Нонна/o Эмма/y Агния/y
  Аделина/y Аглая/y Марьяна/m Анжела/m Виталина/y Адель/y Лея/y Василина/y Галия/o Любава/y
  Фатима/m Элла/o Эльза/m Ариана/y
`);

export const MALE_FIRST_NAMES: readonly string[] = MALE.map((n) => n.name);
export const FEMALE_FIRST_NAMES: readonly string[] = FEMALE.map((n) => n.name);

/** Zipf-like: 1 / (rank + offset). A larger offset flattens the head of the list. */
const zipf = (rank: number, offset: number): number => 1 / (rank + offset);

const SURNAME_WEIGHTS = MASCULINE_SURNAMES.map((s, rank) => [s, zipf(rank, 30)] as const);

/** Surnames weighted for a random pick; the masculine form is the item. */
export const SURNAME_TABLE: WeightedTable<string> = weightedTable(SURNAME_WEIGHTS);

// How much a fashion profile boosts or damps a name in each era.
const ERA_FACTOR: Record<FirstName['era'], Record<NameEra, number>> = {
  a: { old: 1, mid: 1, young: 1 },
  o: { old: 3, mid: 0.8, young: 0.05 },
  m: { old: 0.3, mid: 2, young: 0.3 },
  y: { old: 0.03, mid: 0.4, young: 4 },
};

const eraTables = (names: readonly FirstName[]): Record<NameEra, WeightedTable<string>> => {
  const table = (era: NameEra) =>
    weightedTable(names.map((n, rank) => [n.name, zipf(rank, 5) * ERA_FACTOR[n.era][era]] as const));
  return { old: table('old'), mid: table('mid'), young: table('young') };
};

export const FIRST_NAME_TABLES: Record<Gender, Record<NameEra, WeightedTable<string>>> = {
  male: eraTables(MALE),
  female: eraTables(FEMALE),
};

/** Фёдоров → Федоров: how names look in the many records typed without ё. */
export function withoutYo(text: string): string {
  return /[ёЁ]/.test(text) ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text;
}

/** Иванов → Иванова, Покровский → Покровская, Толстой → Толстая; Седых, Шевченко, Ковальчук, Миллер stay. */
export function feminineSurname(masculine: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(masculine)) return `${masculine}а`;
  if (/(ский|цкий)$/.test(masculine)) return `${masculine.slice(0, -2)}ая`;
  if (masculine.endsWith('ой')) return `${masculine.slice(0, -2)}ая`;
  return masculine;
}

// Patronymics whose stem is not the plain given name.
const IRREGULAR_PATRONYMICS: Record<string, readonly [male: string, female: string]> = {
  Пётр: ['Петрович', 'Петровна'],
  Лев: ['Львович', 'Львовна'],
  Павел: ['Павлович', 'Павловна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Лука: ['Лукич', 'Лукинична'],
  Савва: ['Саввич', 'Саввична'],
  Кузьма: ['Кузьмич', 'Кузьминична'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
  // Эмиль → Эмильевич is the usual official spelling, unlike Игорь → Игоревич.
  Эмиль: ['Эмильевич', 'Эмильевна'],
};

/** The patronymic a child of a man named `fatherName` gets: Сергей → Сергеевич / Сергеевна. */
export function patronymicOf(fatherName: string, gender: Gender): string {
  const forms = IRREGULAR_PATRONYMICS[fatherName] ?? regularPatronymic(fatherName);
  return gender === 'male' ? forms[0] : forms[1];
}

function regularPatronymic(name: string): readonly [string, string] {
  const stem = (suffixLength: number, male: string, female: string) =>
    [name.slice(0, name.length - suffixLength) + male, name.slice(0, name.length - suffixLength) + female] as const;
  if (name.endsWith('ий')) return stem(2, 'ьевич', 'ьевна'); // Юрий → Юрьевич
  if (name.endsWith('й')) return stem(1, 'евич', 'евна'); // Сергей → Сергеевич, Николай → Николаевич
  if (name.endsWith('ь')) return stem(1, 'евич', 'евна'); // Игорь → Игоревич
  if (/[аяоеиуыэю]$/.test(name)) throw new Error(`no patronymic rule for ${name}`);
  return stem(0, 'ович', 'овна'); // Иван → Иванович
}
