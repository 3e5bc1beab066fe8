import type { PdField } from './pd-records';

/** Data categories in documents (the RKN notice) and in screens outside the subject page. */
export const PD_FIELD_LABELS: Record<PdField, { ru: string; en: string }> = {
  full_name: { ru: 'ФИО', en: 'name' },
  phone: { ru: 'телефон', en: 'phone' },
  birth_date: { ru: 'дата рождения', en: 'birth date' },
  email: { ru: 'e-mail', en: 'e-mail' },
  address: { ru: 'адрес', en: 'address' },
  health: { ru: 'сведения о здоровье', en: 'health' },
  passport: { ru: 'паспортные данные', en: 'passport' },
  snils: { ru: 'СНИЛС', en: 'SNILS' },
  inn: { ru: 'ИНН', en: 'tax number' },
  bank_details: { ru: 'банковские реквизиты', en: 'bank details' },
  employment: { ru: 'сведения о трудовой деятельности', en: 'employment' },
};
