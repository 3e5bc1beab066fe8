// E-mail addresses compared the way mail servers in practice treat them: case does not matter. Dots and +tags are
// kept: whether ivanova and i.vanova are one mailbox depends on the provider, and a false match is worse here.

const MAX_LENGTH = 254;
// Local part: letters (any script), digits and the usual specials, dots only between them. Domain: labels of
// letters, digits and inner hyphens (Cyrillic ones too: почта.рф), a top-level label of two or more letters.
const EMAIL =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** Trimmed, lower-cased address («<Ivanova@Mail.RU>», «mailto:…» unwrapped), or null when it is not one. */
export function normaliseEmail(s: string): string | null {
  let email = s.trim();
  // Only a text that starts with «<» or «m» can lose a wrapper: most addresses skip both replaces.
  if (email.startsWith('<')) email = email.replace(/^<(.*)>$/, '$1');
  if (email.charCodeAt(0) === 109 || email.charCodeAt(0) === 77) email = email.replace(/^mailto:/i, '');
  email = email.toLowerCase();
  return email.length <= MAX_LENGTH && EMAIL.test(email) ? email : null;
}

// Anything around an @ that is not a separator; normaliseEmail decides whether it is an address.
const CANDIDATE = /[^\s@<>()[\],;:"«»]+@[^\s@<>()[\],;:"«»]+/gu;

/** The addresses in a text and the text with each of them replaced by a space. */
export function extractEmails(text: string): { emails: string[]; rest: string } {
  const emails: string[] = [];
  const rest = text.replace(CANDIDATE, (match) => {
    const email = normaliseEmail(match.replace(/[.!?]+$/, ''));
    if (email !== null && !emails.includes(email)) emails.push(email);
    return email === null ? match : ' ';
  });
  return { emails, rest };
}
