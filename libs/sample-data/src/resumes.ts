import { FIELDS } from './fields';
import { capitalise, titleFor } from './jobs';
import { Random } from './random';
import type { Field, Occupation, SampleResume, Seniority } from './types';

export const RESUME_COUNT = 36;
/** Resumes written as .docx and as .pdf (by position); the rest are plain text. */
const DOCX_AT = new Set([5, 17, 29]);
const PDF_AT = new Set([11, 23, 35]);

/** The year the sample is written in: date ranges count back from it, so the data set does not change with the clock. */
export const SAMPLE_YEAR = 2026;

const FIRST_NAMES = [
  'Avery',
  'Jordan',
  'Priya',
  'Mateo',
  'Aisha',
  'Chen',
  'Olivia',
  'Kwame',
  'Sofia',
  'Liam',
  'Noor',
  'Hiroshi',
  'Elena',
  'Tomasz',
  'Fatima',
  'Diego',
  'Ingrid',
  'Samuel',
  'Mei',
  'Rafael',
  'Zara',
  'Oskar',
  'Amara',
  'Luca',
  'Yusuf',
  'Hannah',
  'Arjun',
  'Chloe',
  'Femi',
  'Greta',
  'Jamal',
  'Leila',
  'Marcus',
  'Nadia',
  'Pablo',
  'Rosa',
  'Tariq',
  'Wren',
];
/** Surnames that are plainly made up, so no resume can be mistaken for a real person's. */
const LAST_NAMES = [
  'Sampleton',
  'Testwell',
  'Mockford',
  'Exampleby',
  'Placewood',
  'Fictorio',
  'Demoreaux',
  'Dummington',
  'Specimenko',
  'Protoyama',
  'Madeupson',
  'Notarealova',
  'Pretendez',
  'Imaginero',
  'Fablewright',
  'Storybrook',
  'Fauxley',
  'Hypothetica',
];
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

type Region = 'us' | 'uk' | 'eu' | 'ca';
const UNIVERSITIES: Record<Region, string[]> = {
  us: ['Lakeview State University', 'University of Eastbrook', 'Granite Hills University'],
  uk: ['University of Kingsbridge', 'Northfield Metropolitan University'],
  eu: ['Technical University of Altmark', 'University of Nordhavn'],
  ca: ['University of Lakehead Bay'],
};
const COLLEGES: Record<Region, string[]> = {
  us: ['Northern Plains Technical College', 'Riverside Community College'],
  uk: ['Westmoor College'],
  eu: ['Hanzeveld University of Applied Sciences'],
  ca: ['Pacific Coast Polytechnic'],
};

const monthYear = (date: { month: number; year: number }) => `${String(date.month + 1).padStart(2, '0')}/${date.year}`;

const YEARS_RANGE: Record<Seniority, [number, number]> = {
  intern: [0, 1],
  junior: [1, 2],
  mid: [3, 6],
  senior: [6, 10],
  lead: [9, 14],
  principal: [13, 20],
};

function region(location: string): Region {
  if (/UK$/.test(location)) return 'uk';
  if (/(Germany|Netherlands|Ireland|Denmark)/.test(location)) return 'eu';
  if (/, (ON|BC|AB|NS)$/.test(location)) return 'ca';
  return 'us';
}

/** Numbers from ranges set aside for fiction: 555-0100…0199 in North America, 07700 900xxx in the UK; none elsewhere. */
function fictionalPhone(location: string, random: Random): string | null {
  const where = region(location);
  if (where === 'uk') return `07700 900${String(random.int(0, 999)).padStart(3, '0')}`;
  if (where === 'eu') return null;
  const area = random.pick(['212', '312', '415', '503', '617', '702', '720', '904', '416', '604']);
  return `(${area}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;
}

function yearsText(years: number, experience: string): string {
  const count = `${years} year${years === 1 ? '' : 's'}`;
  return experience.startsWith('of ') ? `${count} ${experience}` : `${count} of experience ${experience}`;
}

const isUniversityDegree = (credential: string) =>
  /^(B\.|M\.|Ph\.D|Bachelor|Master|Doctor|Juris|MBA|PGCE)/.test(credential);
const isDegree = (credential: string) =>
  /^(B\.|M\.|Ph\.D|Bachelor|Master|Doctor|Associate|Juris|MBA|PGCE|Diploma|.*(diploma|degree))/i.test(credential);

interface Role {
  title: string;
  employer: string;
  city: string;
  start: { month: number; year: number };
  end: { month: number; year: number } | null;
  bullets: string[];
}

function history(
  field: Field,
  occupation: Occupation,
  seniority: Seniority,
  years: number,
  city: string,
  random: Random,
): Role[] {
  const order: Seniority[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal'];
  const count =
    seniority === 'intern' || seniority === 'junior'
      ? 1
      : seniority === 'mid'
        ? 2
        : seniority === 'senior'
          ? random.int(2, 3)
          : random.int(3, 4);
  const hiring = field.companies.filter((company) => !company.for || company.for.includes(occupation.id));
  const employers = random.sample(
    hiring.map((company) => company.name),
    count,
  );
  // Duties written to the reader of a posting ("your own work") do not belong in a resume.
  const duties = random.sample(
    occupation.duties.filter((duty) => !/\byou(r)?\b/i.test(duty)),
    occupation.duties.length,
  );
  const achievements = random.sample(occupation.achievements, occupation.achievements.length);
  const roles: Role[] = [];
  let endYear = SAMPLE_YEAR;
  let endMonth: number | null = null;
  let level = order.indexOf(seniority);
  let left = Math.max(years, 1);
  for (let index = 0; index < count; index++) {
    const span = index === count - 1 ? left : Math.max(1, Math.min(left - (count - index - 1), random.int(2, 4)));
    left -= span;
    const startYear = endYear - span;
    const startMonth = random.int(0, 11);
    const levelSeniority = order[Math.max(1, level)]!;
    const done = duties.splice(0, index === 0 ? 3 : random.int(1, 2));
    // An older role once the duties run out: still one line about it.
    if (done.length === 0) done.push(random.pick(occupation.duties.filter((duty) => !/\byou(r)?\b/i.test(duty))));
    const won = achievements.splice(0, index === 0 ? random.int(1, 2) : 1);
    roles.push({
      title: titleFor(field, occupation, levelSeniority, random),
      employer: employers[index] ?? random.pick(hiring).name,
      city: random.chance(0.75)
        ? city
        : random.pick(hiring[index % hiring.length]!.cities.filter((c) => !c.startsWith('Remote')).concat(city)),
      start: { month: startMonth, year: startYear },
      end: index === 0 ? null : { month: endMonth ?? random.int(0, 11), year: endYear },
      bullets: [...won, ...done],
    });
    endYear = startYear;
    endMonth = startMonth;
    level -= random.chance(0.6) ? 1 : 0;
  }
  return roles;
}

interface Person {
  name: string;
  email: string;
  phone: string | null;
  headline: string;
  location: string;
  years: number;
  summary: string;
  skills: string[];
  roles: Role[];
  degrees: string[];
  certificates: string[];
  graduated: number;
}

function layoutClassic(person: Person): string {
  const contact = [`Email: ${person.email}`, person.phone ? `Phone: ${person.phone}` : null]
    .filter(Boolean)
    .join(' | ');
  const lines = [
    person.name,
    person.headline,
    `Location: ${person.location}`,
    contact,
    '',
    'SUMMARY',
    person.summary,
    '',
    'SKILLS',
    person.skills.join(', '),
    '',
    'EXPERIENCE',
  ];
  for (const role of person.roles) {
    lines.push(
      `${role.title}, ${role.employer}, ${role.city} - ${role.start.year} to ${role.end ? role.end.year : 'present'}`,
    );
    lines.push(...role.bullets.map((bullet) => `- ${bullet}`), '');
  }
  lines.push('EDUCATION', ...person.degrees.map((degree) => `${degree}, ${person.graduated}`));
  if (person.certificates.length > 0)
    lines.push('', 'CERTIFICATIONS', ...person.certificates.map((certificate) => `- ${certificate}`));
  return lines.join('\n');
}

function layoutModern(person: Person): string {
  const lines = [
    person.name.toUpperCase(),
    person.headline,
    `Based in ${person.location} | ${person.email}${person.phone ? ` | ${person.phone}` : ''}`,
    '',
    'Profile',
    person.summary,
    '',
    'Core skills',
    person.skills.map((skill) => `• ${skill}`).join('  '),
    '',
    'Work history',
  ];
  for (const role of person.roles) {
    lines.push(
      `${role.employer} | ${role.title} | ${monthYear(role.start)} - ${role.end ? monthYear(role.end) : 'present'}`,
    );
    lines.push(...role.bullets.map((bullet) => `• ${bullet}`), '');
  }
  lines.push(
    'Education and training',
    ...person.degrees.map((degree) => `${degree} (${person.graduated})`),
    ...person.certificates,
  );
  return lines.join('\n');
}

function layoutHourly(person: Person): string {
  const lines = [
    person.name,
    person.headline,
    `Location: ${person.location}`,
    [person.phone, person.email].filter(Boolean).join(' / '),
    '',
    'Objective',
    person.summary,
    '',
    'Work Experience',
  ];
  for (const role of person.roles) {
    lines.push(
      `${role.title} - ${role.employer}, ${role.city} | ${role.start.year}-${role.end ? role.end.year : 'present'}`,
    );
    lines.push(...role.bullets.map((bullet) => `  * ${bullet}`), '');
  }
  lines.push(
    'Licences and certifications',
    ...[...person.certificates, ...person.degrees].map((item) => `- ${item}`),
    '',
    'Skills',
    ...person.skills.map((skill) => `- ${skill}`),
    '',
    'References available on request.',
  );
  return lines.join('\n');
}

const HOURLY_FIELDS = new Set(['trades', 'logistics', 'hospitality', 'manufacturing']);

function resumeFor(index: number, random: Random): SampleResume {
  const field = FIELDS[index % FIELDS.length]!;
  const occupation = field.occupations[Math.floor(index / FIELDS.length + index) % field.occupations.length]!;
  const seniority = occupation.seniorities[(index * 7 + random.int(0, 3)) % occupation.seniorities.length]!;
  const [minYears, maxYears] = YEARS_RANGE[seniority];
  const years = random.int(Math.max(1, minYears), maxYears);
  const cities = field.companies.flatMap((company) => company.cities).filter((city) => !city.startsWith('Remote'));
  const location = random.pick(cities);
  const first = FIRST_NAMES[(index * 11) % FIRST_NAMES.length]!;
  const last = LAST_NAMES[(index * 5 + 3) % LAST_NAMES.length]!;
  const name = `${first} ${last}`;
  const email = `${first}.${last}`.toLowerCase() + `@${random.pick(EMAIL_DOMAINS)}`;
  const roles = history(field, occupation, seniority, years, location, random);
  const headline = roles[0]!.title;
  const opener = random.pick([
    `${capitalise(headline)} with ${yearsText(years, occupation.experience)}.`,
    `${capitalise(yearsText(years, occupation.experience))}, most recently as ${roles[0]!.title} at ${roles[0]!.employer}.`,
    `I am ${/^[AEIOU]/.test(headline) ? 'an' : 'a'} ${headline} with ${yearsText(years, occupation.experience)}.`,
  ]);
  const middle = random.pick([
    'Most at home when I get to',
    'What I do best is',
    'My strength is being trusted to',
    'In every role I have been hired to',
  ]);
  const wish = random.pick([
    `Looking for my next role in or around ${location}.`,
    `Open to ${occupation.remote ? 'remote or hybrid' : 'on-site'} roles with a team that takes its work seriously.`,
    `Seeking a ${seniority === 'lead' || seniority === 'principal' ? 'leadership' : 'permanent'} position where I can keep growing.`,
  ]);
  const summary = `${opener} ${middle} ${random.pick(occupation.summary)}. ${wish}`;
  const skills = random.sample(occupation.skills, random.int(6, Math.min(10, occupation.skills.length)));
  const credentials = random.sample(occupation.credentials, random.int(1, Math.min(2, occupation.credentials.length)));
  const degrees = credentials
    .filter(isDegree)
    .map((degree) =>
      /^High school/i.test(degree)
        ? degree
        : `${degree}, ${random.pick((isUniversityDegree(degree) ? UNIVERSITIES : COLLEGES)[region(location)])}`,
    );
  const certificates = credentials.filter((credential) => !isDegree(credential));
  const person: Person = {
    name,
    email,
    phone: fictionalPhone(location, random),
    headline,
    location,
    years,
    summary,
    skills,
    roles,
    degrees: degrees.length > 0 ? degrees : ['High school diploma'],
    certificates,
    graduated: SAMPLE_YEAR - years - random.int(0, 2),
  };
  const layout = HOURLY_FIELDS.has(field.id) ? layoutHourly : random.chance(0.5) ? layoutClassic : layoutModern;
  const extension = DOCX_AT.has(index) ? 'docx' : PDF_AT.has(index) ? 'pdf' : 'txt';
  const externalId = `sample-resume-${String(index + 1).padStart(3, '0')}`;
  return {
    externalId,
    fileName: `${externalId}-${occupation.id}.${extension}`,
    field: field.id,
    occupation: occupation.id,
    seniority,
    location,
    text: layout(person),
  };
}

/** The sample resumes: RESUME_COUNT of them across every field, seeded. */
export function generateResumes(seed: number): SampleResume[] {
  const random = new Random(seed ^ 0x5eed);
  return Array.from({ length: RESUME_COUNT }, (_, index) => resumeFor(index, random));
}
