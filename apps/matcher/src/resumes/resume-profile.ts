import { CONTACT_LABEL_PATTERN, redactContactDetails } from '@jobmatch/contracts';
import type { Seniority } from '../common/seniority';

/**
 * Profile fields derived from a resume. Contact-free by construction: no name, e-mail, phone,
 * street address or links are ever stored here (they stay only in the original text).
 */
export interface ResumeProfile {
  headline: string | null;
  seniority: Seniority | null;
  yearsOfExperience: number | null;
  /** City/region level only, and only when the resume states it ("Location: Berlin, Germany"). */
  location: string | null;
}

const URL = /(https?:\/\/|www\.)|\b[\w-]+\.(com|org|net|io|dev|me|de|uk)\b/i;

// Job titles across trades, care, service and office work, not only software ("Paralegal",
// "Quality Inspector", "Regional Truck Driver", "Physiotherapist" are headlines too).
const ROLE_WORDS =
  /\b(engineer|developer|programmer|architect|scientist|analyst|designer|manager|nurse|physician|doctor|(?:physio)?therapist|pharmacist|consultant|specialist|technician|administrator|accountant|bookkeeper|auditor|teacher|director|officer|coordinator|assistant|intern|electrician|plumber|carpenter|welder|fabricator|machinist|mechanic|installer|marketer|recruiter|writer|editor|researcher|lead|head of|devops|sre|sdet|product owner|planner|inspector|paralegal|counsel|attorney|lawyer|hygienist|driver|dispatcher|telecommunicator|housekeeper|attendant|associate|representative|generalist|supervisor|superintendent|foreman|estimator|operator|cook|chef|agent|clerk|cashier|buyer|aide|paraprofessional|caregiver|apprentice|trainee|helper|partner|counselor|counsellor|librarian|paramedic|pilot|scheduler)\b/i;

// A contact label with its value ("Mobile: …", "Email -"), or a profile link: not a headline. A bare
// word is not enough: "Mobile Software Engineer" and "Cell Biologist" are job titles.
const CONTACT_LABEL_WITH_VALUE = new RegExp(`${CONTACT_LABEL_PATTERN.source}\\s*[:#–-]|\\b(linkedin|github)\\b`, 'i');

function containsContact(text: string): boolean {
  return redactContactDetails(text) !== text || URL.test(text) || CONTACT_LABEL_WITH_VALUE.test(text);
}

function headlineOf(lines: string[]): string | null {
  for (const line of lines.slice(0, 10)) {
    const cleaned = line.replace(/^(title|headline|position|role)\s*:\s*/i, '').trim();
    if (cleaned.length < 3 || cleaned.length > 120 || containsContact(cleaned)) continue;
    if (ROLE_WORDS.test(cleaned)) return cleaned;
  }
  return null;
}

const CURRENT_YEAR = new Date().getUTCFullYear();

function yearsOfExperienceOf(text: string): number | null {
  const stated = [
    ...text.matchAll(
      /\b(\d{1,2})\+?\s*(?:years?|yrs?)(?:\s+of)?\s+(?:professional\s+|industry\s+|work\s+)?experience\b/gi,
    ),
  ]
    .map((match) => Number(match[1]))
    .filter((years) => years > 0 && years <= 50);
  if (stated.length > 0) return Math.max(...stated);
  // Otherwise the span of employment date ranges ("2016 – 2020", "03/2019 - present").
  let earliest = Infinity;
  let latest = -Infinity;
  const range =
    /\b(?:\d{1,2}[/.])?((?:19|20)\d{2})\s*(?:-|–|—|to)\s*(?:\d{1,2}[/.])?((?:19|20)\d{2}|present|current|now|today)\b/gi;
  for (const match of text.matchAll(range)) {
    const start = Number(match[1]);
    const end = /^\d+$/.test(match[2]!) ? Number(match[2]) : CURRENT_YEAR;
    if (start > end || end > CURRENT_YEAR + 1) continue;
    earliest = Math.min(earliest, start);
    latest = Math.max(latest, end);
  }
  if (!Number.isFinite(earliest)) return null;
  const years = latest - earliest;
  return years > 0 && years <= 50 ? years : null;
}

function seniorityOf(headline: string | null, years: number | null): Seniority | null {
  if (headline) {
    if (/\bintern(ship)?\b/i.test(headline)) return 'intern';
    if (/\b(principal|staff|distinguished)\b/i.test(headline)) return 'principal';
    if (/\b(lead|head of|manager|director)\b/i.test(headline)) return 'lead';
    if (/\b(senior|sr\.?)\b/i.test(headline)) return 'senior';
    if (/\b(junior|jr\.?|graduate|entry[- ]level|apprentice|trainee)\b/i.test(headline)) return 'junior';
  }
  if (years === null) return null;
  if (years < 2) return 'junior';
  return years < 5 ? 'mid' : 'senior';
}

function locationOf(lines: string[]): string | null {
  for (const line of lines) {
    const match = /^(?:location|based in|located in|city)\s*[:\-–]?\s*(.+)$/i.exec(line);
    if (!match) continue;
    // Digits mean a street address or postcode: not stored.
    const value = match[1]!.split(/[|;]/)[0]!.trim();
    if (!value || /\d/.test(value) || containsContact(value) || value.length > 80) continue;
    return value
      .split(',')
      .slice(0, 2)
      .map((part) => part.trim())
      .filter(Boolean)
      .join(', ');
  }
  return null;
}

export function extractResumeProfile(text: string): ResumeProfile {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const headline = headlineOf(lines);
  const yearsOfExperience = yearsOfExperienceOf(text);
  return {
    headline,
    seniority: seniorityOf(headline, yearsOfExperience),
    yearsOfExperience,
    location: locationOf(lines),
  };
}

export function asResumeProfile(value: unknown): ResumeProfile {
  const profile = (typeof value === 'object' && value !== null ? value : {}) as Partial<ResumeProfile>;
  return {
    headline: profile.headline ?? null,
    seniority: profile.seniority ?? null,
    yearsOfExperience: profile.yearsOfExperience ?? null,
    location: profile.location ?? null,
  };
}

/** The parts of a stored resume the match scorer reads. */
export function scorableResume(resume: { text: string; skills: string[]; profile: unknown; occupationCode: string | null }) {
  return { text: resume.text, skills: resume.skills, profile: asResumeProfile(resume.profile), occupationCode: resume.occupationCode };
}
