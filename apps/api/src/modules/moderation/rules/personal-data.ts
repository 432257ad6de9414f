// Personal data in a post: e-mail addresses, phone numbers (French and international formats) and
// IBANs (only those whose checksum is valid, so a long reference number is not taken for one).

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// 06 12 34 56 78, 06.12.34.56.78, 0612345678, 01-23-45-67-89.
const FRENCH_PHONE = /(?<![\p{N}+])0[1-9](?:[ .-]?\d{2}){4}(?!\p{N})/u;
// +33 6 12 34 56 78, +33 (0)6 12 34 56 78, 0033 612345678, +1 415-555-0132, +44 20 7946 0958.
const INTERNATIONAL_PHONE =
  /(?<![\p{N}\p{L}])(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ .-]?)?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,5}(?!\p{N})/gu;

// Two letters, two check digits, then 11 to 30 letters or digits, optionally grouped by spaces.
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/giu;

function isInternationalPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15;
}

/** ISO 13616: move the first four characters to the end, letters to numbers, mod 97 must be 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export type PersonalDataKind = 'email' | 'phone' | 'iban';

/** Which kinds of personal data the text contains, among those asked for. */
export function findPersonalData(
  text: string,
  detect: readonly PersonalDataKind[],
): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  if (detect.includes('email') && EMAIL.test(text)) found.push('email');
  if (detect.includes('phone') && hasPhone(text)) found.push('phone');
  if (detect.includes('iban') && hasIban(text)) found.push('iban');
  return found;
}

function hasPhone(text: string): boolean {
  if (FRENCH_PHONE.test(text)) return true;
  for (const match of text.matchAll(INTERNATIONAL_PHONE)) {
    if (isInternationalPhone(match[0])) return true;
  }
  return false;
}

function hasIban(text: string): boolean {
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    // The candidate may run into a following word group; try the longest valid prefix too.
    const compact = match[0].replace(/ /g, '');
    for (let length = compact.length; length >= 15; length--) {
      if (isValidIban(compact.slice(0, length))) return true;
    }
  }
  return false;
}
