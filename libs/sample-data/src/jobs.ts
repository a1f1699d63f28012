import { FIELDS } from './fields';
import { Random } from './random';
import type { Company, EmploymentType, Field, GeneratedJob, Occupation, SampleJob, Seniority } from './types';

/** Postings per occupation: 55 occupations × 6 = 330 postings. */
export const JOBS_PER_OCCUPATION = 6;

/** Fields whose titles take "Junior", "Associate", "Staff" (hourly trades and service jobs rarely do). */
const DESK_FIELDS = new Set([
  'software',
  'data',
  'design',
  'finance',
  'legal',
  'marketing',
  'human-resources',
  'public-sector',
]);

const MANAGERS: Record<string, string[]> = {
  software: ['Engineering Manager', 'Head of Platform', 'VP of Engineering'],
  data: ['Head of Data', 'Analytics Manager', 'Director of Data Science'],
  design: ['Design Director', 'Head of Product Design', 'Creative Director'],
  'it-support': ['IT Operations Manager', 'Support Team Lead', 'Head of Customer Experience'],
  healthcare: ['Nurse Manager', 'Clinic Manager', 'Director of Rehabilitation Services', 'Pharmacy Manager'],
  education: ['School Principal', 'Department Head', 'Director of Learning'],
  'public-sector': ['Deputy Director', 'Division Manager', 'Communications Centre Manager'],
  trades: ['Field Superintendent', 'Service Manager', 'Project Manager', 'Operations Manager'],
  manufacturing: ['Plant Manager', 'Operations Manager', 'Quality Manager', 'Maintenance Manager'],
  logistics: ['Site Manager', 'Fleet Manager', 'Head of Supply Chain', 'Operations Supervisor'],
  finance: ['Financial Controller', 'Head of FP&A', 'CFO', 'Audit Manager'],
  sales: ['Regional Sales Director', 'Store Manager', 'Head of Sales'],
  marketing: ['Head of Marketing', 'Marketing Director', 'Content Lead'],
  'human-resources': ['HR Director', 'Head of Talent', 'VP People'],
  legal: ['General Counsel', 'Managing Partner', 'Chief Compliance Officer'],
  hospitality: ['General Manager', 'Executive Chef', 'Hotel Manager', 'Area Manager'],
};

/** Managers of occupations whose field's list does not fit them. */
const OCCUPATION_MANAGERS: Record<string, string[]> = {
  'registered-nurse': ['Nurse Manager', 'Director of Nursing'],
  'medical-assistant': ['Clinic Manager', 'Practice Manager'],
  'physical-therapist': ['Director of Rehabilitation Services', 'Clinic Director'],
  'pharmacy-technician': ['Pharmacy Manager', 'Pharmacist in Charge'],
  'dental-hygienist': ['Practice Manager', 'Lead Dentist'],
  'cnc-machinist': ['Machine Shop Supervisor', 'Production Manager'],
  'quality-technician': ['Quality Manager'],
  'maintenance-technician': ['Maintenance Manager', 'Reliability Engineer'],
  'production-supervisor': ['Plant Manager', 'Operations Manager'],
  'emergency-dispatcher': ['Communications Centre Manager'],
  'urban-planner': ['Planning Director', 'Principal Planner'],
  'truck-driver': ['Fleet Manager', 'Transport Manager'],
  'warehouse-associate': ['Site Manager', 'Warehouse Operations Manager'],
  'retail-associate': ['Store Manager', 'District Manager'],
  'teaching-assistant': ['Class Teacher', 'Special Education Coordinator'],
  'line-cook': ['Executive Chef', 'Head Chef'],
  housekeeping: ['Executive Housekeeper', 'Hotel Manager'],
  'front-desk-agent': ['Front Office Manager', 'Hotel Manager'],
};

/** Mid-level pay in US dollars: yearly salaries, or hourly rates below 200. */
const MID_PAY: Record<string, number> = {
  'backend-engineer': 145_000,
  'frontend-engineer': 130_000,
  'mobile-developer': 135_000,
  'devops-engineer': 150_000,
  'qa-engineer': 100_000,
  'data-engineer': 140_000,
  'data-analyst': 90_000,
  'data-scientist': 150_000,
  'ux-designer': 115_000,
  'graphic-designer': 65_000,
  'help-desk-technician': 25,
  'customer-support-specialist': 22,
  'registered-nurse': 48,
  'medical-assistant': 21,
  'physical-therapist': 105_000,
  'pharmacy-technician': 20,
  'dental-hygienist': 45,
  'elementary-teacher': 58_000,
  'high-school-teacher': 62_000,
  'teaching-assistant': 18,
  'instructional-designer': 85_000,
  'policy-analyst': 75_000,
  'urban-planner': 80_000,
  'emergency-dispatcher': 26,
  'grants-administrator': 70_000,
  electrician: 38,
  'hvac-technician': 32,
  plumber: 36,
  welder: 27,
  'construction-project-manager': 110_000,
  'cnc-machinist': 27,
  'production-supervisor': 75_000,
  'quality-technician': 28,
  'maintenance-technician': 33,
  'warehouse-associate': 19,
  'truck-driver': 28,
  'logistics-coordinator': 55_000,
  'supply-chain-planner': 78_000,
  accountant: 72_000,
  'financial-analyst': 85_000,
  'payroll-specialist': 60_000,
  'account-executive': 80_000,
  'sales-development-rep': 55_000,
  'retail-associate': 16,
  'digital-marketing-specialist': 75_000,
  'content-writer': 65_000,
  'hr-generalist': 70_000,
  recruiter: 80_000,
  paralegal: 62_000,
  'corporate-counsel': 170_000,
  'compliance-analyst': 75_000,
  'line-cook': 19,
  'front-desk-agent': 18,
  'restaurant-manager': 65_000,
  housekeeping: 17,
};

const PAY_FACTOR: Record<Seniority, number> = {
  intern: 0.45,
  junior: 0.78,
  mid: 1,
  senior: 1.25,
  lead: 1.4,
  principal: 1.7,
};

const YEARS: Record<Seniority, string[]> = {
  intern: [],
  junior: ['0-2 years', '1+ year', 'up to 2 years'],
  mid: ['3+ years', '2-4 years', '3-5 years'],
  senior: ['5+ years', '6+ years', '5-8 years'],
  lead: ['7+ years', '8+ years'],
  principal: ['10+ years', '12+ years'],
};

/** Fields where a seniority word rarely goes into the title ("Senior Kindergarten Teacher" reads wrong). */
const UNPREFIXED_FIELDS = new Set(['healthcare', 'education']);

const SENIORITY_PREFIX = /^(Senior|Junior|Lead|Head|Assistant|Principal|Chief|Apprentice|Journeyman|Master)\b/;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const isRemote = (city: string) => city.startsWith('Remote');

/** "a", "b" and "c". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${items.length > 2 ? ',' : ''} and ${items[items.length - 1]}`;
}

export function article(word: string): string {
  return /^(?:[aeio]|u(?!ni|s))/i.test(word) || /^(?:RN|HR|HVAC|SDET|FP&A|IT|ICU|UX|SEO|AML|E-)/.test(word)
    ? 'an'
    : 'a';
}

export function titleFor(field: Field, occupation: Occupation, seniority: Seniority, random: Random): string {
  const special = occupation.titleFor?.[seniority];
  if (special && random.chance(0.8)) return random.pick(special);
  const base = random.pick(occupation.titles);
  if (SENIORITY_PREFIX.test(base)) return base;
  if (UNPREFIXED_FIELDS.has(field.id) && seniority !== 'intern' && seniority !== 'lead') return base;
  const desk = occupation.remote || DESK_FIELDS.has(field.id);
  const publicStyle = field.style === 'public';
  // "Software Engineer, Backend II" reads wrong: numbered levels only on plain titles.
  const plain = !/[,(]/.test(base);
  switch (seniority) {
    case 'intern':
      return plain ? random.pick([`${base} Intern`, `${base} (Summer Internship)`]) : `Intern - ${base}`;
    case 'junior':
      if (publicStyle && plain) return `${base} I`;
      return desk
        ? random.pick([
            `Junior ${base}`,
            `Associate ${base}`,
            plain ? `${base} I` : `Junior ${base}`,
            `Entry-Level ${base}`,
          ])
        : random.pick([base, `Entry-Level ${base}`, `Trainee ${base}`]);
    case 'mid':
      return publicStyle && plain ? `${base} II` : random.pick([base, base, desk && plain ? `${base} II` : base]);
    case 'senior':
      return publicStyle
        ? `Senior ${base}`
        : random.pick(
            desk
              ? [`Senior ${base}`, `Senior ${base}`, plain ? `${base} III` : `Senior ${base}`]
              : [`Senior ${base}`, base, `Experienced ${base}`],
          );
    case 'lead':
      return random.pick([`Lead ${base}`, `${base} Team Lead`, `Lead ${base}`]);
    case 'principal':
      return random.pick([`Principal ${base}`, `Staff ${base}`]);
  }
}

function locationFor(occupation: Occupation, company: Company, random: Random): string {
  const onSite = company.cities.filter((city) => !isRemote(city));
  const remote = company.cities.filter(isRemote);
  if (occupation.remote && remote.length > 0 && random.chance(0.35)) return random.pick(remote);
  const city = onSite.length > 0 ? random.pick(onSite) : 'Denver, CO';
  if (occupation.remote && random.chance(0.3)) return `${city} (hybrid)`;
  return city;
}

function employmentTypeFor(occupation: Occupation, seniority: Seniority, random: Random): EmploymentType {
  if (seniority === 'intern') return 'internship';
  if (occupation.employmentTypes) return random.pick(occupation.employmentTypes);
  const roll = random.next();
  return roll < 0.86 ? 'full-time' : roll < 0.96 ? 'contract' : 'part-time';
}

function payLine(
  occupation: Occupation,
  seniority: Seniority,
  employmentType: EmploymentType,
  location: string,
  random: Random,
): string | null {
  const mid = MID_PAY[occupation.id];
  if (mid === undefined) return null;
  const [currency, rate] = /UK$/.test(location)
    ? ['£', 0.62]
    : /(Germany|Netherlands|Ireland|Denmark|EU\))/.test(location)
      ? ['€', 0.7]
      : /(, (ON|BC|AB|NS)|Canada)/.test(location)
        ? ['CA$', 1.05]
        : ['$', 1];
  const centre = mid * PAY_FACTOR[seniority] * rate * (0.92 + random.next() * 0.16);
  if (mid < 200) {
    const low = Math.round(centre * 0.92 * 2) / 2;
    const high = Math.round(centre * 1.1 * 2) / 2;
    return random.pick([
      `Pay: ${currency}${low.toFixed(2)}-${currency}${high.toFixed(2)} per hour.`,
      `${currency}${low.toFixed(2)} to ${currency}${high.toFixed(2)} an hour, depending on experience.`,
    ]);
  }
  const round = (value: number) => Math.round(value / 1000) * 1000;
  const low = round(centre * 0.88).toLocaleString('en-US');
  const high = round(centre * 1.12).toLocaleString('en-US');
  if (employmentType === 'contract')
    return `Contract rate equivalent to ${currency}${low}-${currency}${high} a year; initial term 6 months with a view to extend.`;
  return random.pick([
    `Salary range: ${currency}${low}-${currency}${high}.`,
    `The base salary for this position is ${currency}${low} to ${currency}${high} per year.`,
    `Compensation: ${currency}${low}-${currency}${high} plus benefits.`,
  ]);
}

interface PostingParts {
  field: Field;
  occupation: Occupation;
  company: Company;
  title: string;
  seniority: Seniority;
  location: string;
  pay: string | null;
}

const bullets = (items: string[], mark = '-') => items.map((item) => `${mark} ${capitalise(item)}`).join('\n');

function companyIntro(company: Company): string {
  return `${company.name} ${company.blurb}.`;
}

function description(parts: PostingParts, random: Random): string {
  const { field, occupation, company, title, location, pay } = parts;
  const duties = random.sample(occupation.duties, random.int(3, Math.min(6, occupation.duties.length)));
  const summary = random.pick(occupation.summary);
  const manager = random.pick(OCCUPATION_MANAGERS[occupation.id] ?? MANAGERS[field.id] ?? ['Operations Manager']);
  const condition = occupation.conditions && random.chance(0.75) ? random.pick(occupation.conditions) : null;
  const perk = random.pick(occupation.perks ?? field.perks);
  const city = location.replace(' (hybrid)', '');
  const based = isRemote(location) ? 'working remotely' : `based in ${city}`;
  const workPlace = isRemote(location)
    ? ' and work remotely, with a team get-together twice a year'
    : location.endsWith('(hybrid)')
      ? ` and split your week between home and our ${city} office`
      : '';
  const closing = random.chance(0.35)
    ? random.pick([
        `${company.name} is an equal opportunity employer; we welcome applicants of every background.`,
        'We review applications as they arrive and aim to reply to everyone within two weeks.',
        'Reasonable accommodations are available throughout the hiring process; just ask.',
      ])
    : null;

  if (field.style === 'public') {
    const grade = random.int(11, 24);
    return [
      'Position summary',
      `The ${company.name} ${company.blurb}. The ${capitalise(title)} will ${summary}, reporting to the ${manager}.`,
      '',
      'Examples of duties',
      bullets(duties),
      '',
      `Classification: ${title}, pay grade ${grade}, ${random.pick(['FLSA exempt', 'FLSA non-exempt', 'represented position'])}.${pay ? ` ${pay}` : ''}`,
      condition,
      perk,
      'This posting remains open until filled; the first review of applications is two weeks after posting.',
    ]
      .filter((line) => line !== null)
      .join('\n');
  }

  const layout = random.int(1, 5);
  const lines: Array<string | null> = [];
  switch (layout) {
    case 1:
      lines.push(
        `${companyIntro(company)} We're looking for ${article(title)} ${title} to ${summary}.`,
        '',
        "What you'll do:",
        bullets(duties),
        '',
        condition,
        pay,
        perk,
      );
      break;
    case 2:
      lines.push(
        `About ${company.name}`,
        companyIntro(company),
        '',
        'The role',
        `As our ${title}, you will ${summary}. You will report to the ${manager}${workPlace}.`,
        '',
        'Responsibilities',
        bullets(duties, '•'),
        '',
        'What we offer',
        [pay, perk].filter(Boolean).join(' '),
        condition,
      );
      break;
    case 3: {
      const [first, ...rest] = duties.map(lowerFirst);
      lines.push(
        `${companyIntro(company)} We need ${article(title)} ${title}, ${based}, to ${summary}.`,
        '',
        `Day to day you will ${first}${rest.length > 0 ? `; you will also ${listOf(rest)}` : ''}. You'll report to our ${manager}.${condition ? ` ${condition}` : ''}`,
        '',
        [perk, pay].filter(Boolean).join(' '),
      );
      break;
    }
    case 4:
      lines.push(
        `Now hiring: ${title} at ${company.name}${isRemote(location) ? '' : ` in ${location.replace(' (hybrid)', '')}`}.`,
        `${capitalise(summary)}.`,
        '',
        'Duties include:',
        bullets(duties),
        '',
        condition,
        pay,
        perk,
        random.pick([
          'Apply today - interviews are held every week.',
          'Apply online in five minutes; no cover letter needed.',
          'Walk-in interviews on Tuesdays and Thursdays, 9:00-12:00.',
        ]),
      );
      break;
    default:
      lines.push(
        `Why this role exists: ${company.name} ${company.blurb}, and we need someone to ${summary}.`,
        '',
        `In your first months you will ${lowerFirst(duties[0]!)} and get to know the people and tools you'll work with. After that you will:`,
        bullets(duties.slice(1)),
        '',
        `You'll work closely with the ${manager}${condition ? `. ${condition}` : '.'}`,
        [pay, perk].filter(Boolean).join(' '),
      );
  }
  if (closing) lines.push('', closing);
  return lines
    .filter((line): line is string => line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function requirements(parts: PostingParts, random: Random): string {
  const { field, occupation, seniority } = parts;
  const yearsOptions = YEARS[seniority];
  const years = yearsOptions.length > 0 ? `${random.pick(yearsOptions)} ${occupation.experience}` : null;
  const must = [
    ...(years
      ? [years]
      : seniority === 'intern'
        ? ['current enrolment in a relevant degree or certificate programme']
        : []),
    ...random.sample(occupation.must, random.int(Math.min(3, occupation.must.length), occupation.must.length)),
  ];
  if (['healthcare', 'education', 'public-sector'].includes(field.id) && random.chance(0.6)) {
    must.push(
      random.pick([
        'the ability to pass a background check',
        'eligibility to work in the country without sponsorship',
        'proof of required immunisations',
      ]),
    );
  }
  if ((seniority === 'lead' || seniority === 'principal') && random.chance(0.8)) {
    must.push(
      random.pick([
        'experience leading and developing a team',
        'a track record of mentoring others and setting direction',
        'experience planning work for a group and owning its results',
      ]),
    );
  }
  const nice = random.sample(occupation.nice, random.int(1, occupation.nice.length));
  if (field.style === 'public') {
    return ['Minimum qualifications', bullets(must), '', 'Preferred qualifications', bullets(nice)].join('\n');
  }
  switch (random.int(1, 6)) {
    case 1:
      return `Requirements:\n${bullets(must)}\nNice to have: ${nice.join('; ')}`;
    case 2:
      return `What you bring\n${bullets(must)}\n\nBonus points\n${bullets(nice)}`;
    case 3:
      return `Minimum qualifications:\n${bullets(must)}\n\nPreferred qualifications:\n${bullets(nice)}`;
    case 4: {
      const [first, ...rest] = must;
      return `You have ${first}${rest.length > 0 ? `, along with ${listOf(rest)}` : ''}. ${capitalise(listOf(nice))} would be a plus.`;
    }
    case 5:
      return `Must have: ${must.join('; ')}.\nGood to have: ${nice.join('; ')}.`;
    default:
      return `To be considered you'll need:\n${bullets(must, '•')}\n\nIt helps if you also have:\n${bullets(nice, '•')}`;
  }
}

function seniorityFor(field: Field, occupation: Occupation, random: Random): Seniority {
  const desk = occupation.remote || DESK_FIELDS.has(field.id);
  if (desk && occupation.seniorities.includes('junior') && random.chance(0.06)) return 'intern';
  return random.pick(occupation.seniorities);
}

/** The sample postings: every occupation of every field, JOBS_PER_OCCUPATION times, seeded. */
export function generateJobs(seed: number): GeneratedJob[] {
  const random = new Random(seed);
  const jobs: Array<{ record: SampleJob; field: string; occupation: string }> = [];
  for (let round = 0; round < JOBS_PER_OCCUPATION; round++) {
    for (const field of FIELDS) {
      for (const occupation of field.occupations) {
        const employers = field.companies.filter(
          (candidate) => !candidate.for || candidate.for.includes(occupation.id),
        );
        if (employers.length === 0) throw new Error(`no employer in ${field.id} hires ${occupation.id}`);
        const company = employers[(round + random.int(0, employers.length - 1)) % employers.length]!;
        const seniority = seniorityFor(field, occupation, random);
        const title = titleFor(field, occupation, seniority, random);
        const location = locationFor(occupation, company, random);
        const employmentType = employmentTypeFor(occupation, seniority, random);
        const pay = random.chance(0.7) ? payLine(occupation, seniority, employmentType, location, random) : null;
        const parts: PostingParts = { field, occupation, company, title, seniority, location, pay };
        const record: SampleJob = {
          externalId: '',
          title,
          company: company.name,
          location,
          employmentType,
          seniority,
          description: description(parts, random),
          requirements: requirements(parts, random),
        };
        jobs.push({ record, field: field.id, occupation: occupation.id });
      }
    }
  }
  // Shuffled so an import interleaves fields, then numbered in file order.
  return random.sample(jobs, jobs.length).map((job, index) => ({
    ...job,
    record: { ...job.record, externalId: `sample-job-${String(index + 1).padStart(4, '0')}` },
  }));
}
