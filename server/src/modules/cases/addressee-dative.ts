import { getGender, getMiddlenameGender, incline } from 'lvovich';

/** Initials («М.», «М.П.») stay as written: they have no case endings. */
const isInitial = (word: string) => word.includes('.');

/**
 * «Леонтьева Елена Денисовна» → «Леонтьевой Елене Денисовне»: the addressee of a Russian letter is in the dative.
 * The name is read as the register form asks for it, surname first. Gender comes from the patronymic, which is
 * reliable, else from lvovich's guess by first name and surname; when it stays unknown («Ким Саша»), or the name
 * does not look like a person's, the name is left in the nominative — the officer reads and edits the addressee
 * before the letter is numbered, and a nominative is plainer than a wrong ending (ADR 0018).
 */
export function personDative(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const [last, first, middle, ...rest] = words;
  if (!last || !first || rest.length > 0 || !/^[А-ЯЁа-яё.-]+$/.test(words.join(''))) return fullName.trim();
  const named = (word: string | undefined) => (word && !isInitial(word) ? word : undefined);
  const gender =
    (named(middle) && getMiddlenameGender(middle as string)) ||
    getGender({ last, first: named(first), middle: named(middle) });
  if (gender !== 'male' && gender !== 'female') return fullName.trim();
  const declined = incline({ last, first: named(first), middle: named(middle), gender }, 'dative');
  return [
    declined.last ?? last,
    named(first) ? declined.first : first,
    middle && (named(middle) ? declined.middle : middle),
  ]
    .filter(Boolean)
    .join(' ');
}
