/** Subject categories of policy clause 1.6, in the order the policy lists them. */
export const SUBJECT_CATEGORIES = [
  'site_user',
  'employee',
  'former_employee',
  'employee_relative',
  'applicant',
  'patient',
  'claimant',
] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

export const SUBJECT_CATEGORY_LABELS: Record<SubjectCategory, { ru: string; en: string }> = {
  site_user: { ru: 'Пользователь сайта', en: 'Website user' },
  employee: { ru: 'Работник', en: 'Employee' },
  former_employee: { ru: 'Бывший работник', en: 'Former employee' },
  employee_relative: { ru: 'Родственник работника', en: "Employee's relative" },
  applicant: { ru: 'Соискатель', en: 'Job applicant' },
  patient: { ru: 'Пациент', en: 'Patient' },
  claimant: { ru: 'Заявитель', en: 'Claimant' },
};

/** Accepts the code or its Russian name in any case (import files are written by people). */
export function parseSubjectCategory(value: string): SubjectCategory | null {
  // A code or name written as the map holds it is found as it is (its trimmed, lower-cased form is itself).
  return CATEGORY_BY_NAME.get(value) ?? CATEGORY_BY_NAME.get(value.trim().toLowerCase().replaceAll('ё', 'е')) ?? null;
}

/** Each code and Russian name, lower case with ё as е; built once (an import asks per row). */
const CATEGORY_BY_NAME = new Map<string, SubjectCategory>(
  SUBJECT_CATEGORIES.flatMap((category) => [
    [category, category],
    [SUBJECT_CATEGORY_LABELS[category].ru.toLowerCase().replaceAll('ё', 'е'), category],
  ]),
);
