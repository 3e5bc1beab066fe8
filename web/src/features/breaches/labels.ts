/** A shared vocabulary's label in the UI language. */
export const labelOf = (label: { ru: string; en: string }, language: string) =>
  language === 'en' ? label.en : label.ru;
