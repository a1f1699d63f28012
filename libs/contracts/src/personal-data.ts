/**
 * Contact details in resume text: found here, once, for everything that must not carry them —
 * the text that is embedded, the text returned by default, the derived profile.
 */

export const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/g;
/** A run that could be a phone number; `isPhoneNumber` decides (8–15 digits, not a date or a year range). */
const PHONE_CANDIDATE = /(?<![\w+])\+?\(?\d[\d\s()./-]{6,}\d(?!\w)/g;
const STREET_ADDRESS =
  /\b\d{1,5}[a-z]?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy)\b\.?(?:,?\s+(?:Apt|Suite|Unit)\.?\s*\w+)?/g;
const STREET_ADDRESS_EUROPEAN =
  /\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d{1,4}[a-z]?\b/g;
export const CONTACT_LABEL_PATTERN = /\b(e-?mail|phone|tel|mobile|cell|address|linkedin|github)\b/i;

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  // A range in parentheses is still a range: "(2019-2022)" (the closing one is outside the match).
  const trimmed = candidate.trim().replace(/^\(/, '');
  // Dates and year ranges are not phone numbers: 2019-01-15, 01.02.2020, 2015 - 2020, 2015–2020,
  // 02/2022 - 05/2023, 2019-2022.
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(trimmed)) return false;
  if (/^(?:\d{1,2}[/.])?(?:19|20)\d{2}\s*[-/–]\s*(?:\d{1,2}[/.])?(?:19|20)\d{2}$/.test(trimmed)) return false;
  return true;
}

/** Whether a line holds anything that looks like contact details. */
export function containsContactDetails(text: string): boolean {
  return redactContactDetails(text) !== text || CONTACT_LABEL_PATTERN.test(text);
}

/** The text with e-mail addresses, phone numbers and street addresses replaced by placeholders. */
export function redactContactDetails(text: string): string {
  return text
    .replace(EMAIL_PATTERN, '[email]')
    .replace(STREET_ADDRESS, '[address]')
    .replace(STREET_ADDRESS_EUROPEAN, '[address]')
    .replace(PHONE_CANDIDATE, (candidate) => (isPhoneNumber(candidate) ? '[phone]' : candidate));
}
