import { jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import type { Rng } from './search-vectors';
import type { JobWrite } from '@jobmatch/db';

/**
 * Plausible row content for the benchmark's jobs and resumes. Each vector topic maps to a job
 * family (domain → role + core skills), so the text, skills and filters of a row agree with its
 * vector: the match scorer that re-ranks recommendations sees realistic skill overlaps.
 */

interface Domain {
  roles: string[];
  skills: string[];
}

// Twelve domains, mirroring the skill taxonomy's categories; skill names are canonical names.
const DOMAINS: Domain[] = [
  { roles: ['Backend Engineer', 'Software Engineer', 'Full-Stack Developer', 'Frontend Engineer', 'Mobile Developer'], skills: ['Python', 'Django', 'FastAPI', 'Java', 'Spring Boot', 'TypeScript', 'JavaScript', 'Node.js', 'NestJS', 'React', 'Vue.js', 'Angular', 'Go', 'Rust', 'C#', '.NET', 'PostgreSQL', 'MySQL', 'Redis', 'GraphQL', 'REST APIs', 'Kotlin', 'Swift', 'Git'] },
  { roles: ['Data Scientist', 'Machine Learning Engineer', 'Data Engineer', 'Data Analyst', 'MLOps Engineer'], skills: ['Python', 'SQL', 'pandas', 'NumPy', 'scikit-learn', 'PyTorch', 'TensorFlow', 'Spark', 'Airflow', 'dbt', 'Snowflake', 'BigQuery', 'Tableau', 'Power BI', 'Statistics', 'Machine Learning', 'Deep Learning', 'NLP', 'Kafka', 'R'] },
  { roles: ['DevOps Engineer', 'Site Reliability Engineer', 'Cloud Engineer', 'Platform Engineer'], skills: ['Kubernetes', 'Docker', 'Terraform', 'AWS', 'Azure', 'Google Cloud', 'Linux', 'Ansible', 'Prometheus', 'Grafana', 'CI/CD', 'GitHub Actions', 'Jenkins', 'Helm', 'Bash', 'Python', 'Networking'] },
  { roles: ['Security Engineer', 'Security Analyst', 'Penetration Tester', 'SOC Analyst'], skills: ['Penetration Testing', 'SIEM', 'Splunk', 'Incident Response', 'Threat Modeling', 'ISO 27001', 'OWASP', 'Network Security', 'Cloud Security', 'Identity and Access Management', 'Vulnerability Management', 'Python', 'Linux'] },
  { roles: ['Product Designer', 'UX Designer', 'UI Designer', 'UX Researcher'], skills: ['Figma', 'Sketch', 'Adobe XD', 'User Research', 'Prototyping', 'Wireframing', 'Design Systems', 'Usability Testing', 'Interaction Design', 'Adobe Photoshop', 'Adobe Illustrator', 'Accessibility'] },
  { roles: ['Product Manager', 'Product Owner', 'Technical Product Manager'], skills: ['Product Management', 'Roadmapping', 'Agile', 'Scrum', 'Jira', 'User Stories', 'A/B Testing', 'Stakeholder Management', 'Product Analytics', 'SQL', 'OKRs'] },
  { roles: ['Marketing Manager', 'Account Executive', 'SEO Specialist', 'Sales Development Representative', 'Content Marketer'], skills: ['SEO', 'Google Analytics', 'Content Marketing', 'Salesforce', 'HubSpot', 'Email Marketing', 'Social Media Marketing', 'Lead Generation', 'Negotiation', 'CRM', 'Copywriting', 'Google Ads'] },
  { roles: ['Financial Analyst', 'Accountant', 'Controller', 'Auditor'], skills: ['Financial Modeling', 'Excel', 'IFRS', 'US GAAP', 'Budgeting', 'Forecasting', 'SAP', 'Accounting', 'Auditing', 'Tax', 'Power BI', 'Financial Reporting'] },
  { roles: ['Registered Nurse', 'Nurse Practitioner', 'Medical Assistant', 'Pharmacist', 'Physiotherapist'], skills: ['Patient Care', 'Nursing', 'Medication Administration', 'Electronic Health Records', 'Basic Life Support', 'Phlebotomy', 'Wound Care', 'Triage', 'Infection Control', 'Pharmacology', 'Rehabilitation'] },
  { roles: ['Electrician', 'Plumber', 'HVAC Technician', 'Welder', 'Maintenance Technician'], skills: ['Electrical Wiring', 'Plumbing', 'HVAC', 'Welding', 'Blueprint Reading', 'Preventive Maintenance', 'PLC Programming', 'Troubleshooting', 'OSHA Safety', 'Forklift Operation'] },
  { roles: ['Operations Manager', 'Project Manager', 'Business Analyst', 'Supply Chain Analyst', 'HR Business Partner'], skills: ['Project Management', 'Business Analysis', 'Process Improvement', 'Lean', 'Six Sigma', 'Supply Chain Management', 'Excel', 'Stakeholder Management', 'Recruiting', 'PMP', 'Budgeting'] },
  { roles: ['Customer Success Manager', 'Support Specialist', 'Team Lead', 'Office Manager'], skills: ['Communication', 'Leadership', 'Teamwork', 'Problem Solving', 'Time Management', 'Customer Service', 'Conflict Resolution', 'Mentoring', 'Presentation Skills', 'Zendesk'] },
];

export const SENIORITIES = ['junior', 'mid', 'senior', 'lead', 'principal'] as const;
const SENIORITY_WEIGHTS = [0.2, 0.35, 0.3, 0.1, 0.05];
const SENIORITY_TITLE: Record<string, string> = { junior: 'Junior', mid: '', senior: 'Senior', lead: 'Lead', principal: 'Principal' };
export const EMPLOYMENT_TYPES = ['full-time', 'part-time', 'contract', 'internship'] as const;
const EMPLOYMENT_WEIGHTS = [0.75, 0.1, 0.12, 0.03];

export const LOCATIONS = [
  'Berlin, Germany', 'Munich, Germany', 'Hamburg, Germany', 'London, United Kingdom', 'Manchester, United Kingdom',
  'Paris, France', 'Lyon, France', 'Amsterdam, Netherlands', 'Rotterdam, Netherlands', 'Madrid, Spain',
  'Barcelona, Spain', 'Lisbon, Portugal', 'Milan, Italy', 'Rome, Italy', 'Vienna, Austria', 'Zurich, Switzerland',
  'Stockholm, Sweden', 'Copenhagen, Denmark', 'Oslo, Norway', 'Helsinki, Finland', 'Warsaw, Poland', 'Prague, Czechia',
  'Dublin, Ireland', 'Brussels, Belgium', 'New York, USA', 'San Francisco, USA', 'Austin, USA', 'Seattle, USA',
  'Chicago, USA', 'Boston, USA', 'Toronto, Canada', 'Vancouver, Canada', 'Sydney, Australia', 'Melbourne, Australia',
  'Singapore', 'Tokyo, Japan', 'Bangalore, India', 'São Paulo, Brazil', 'Mexico City, Mexico', 'Remote',
];

const COMPANY_FIRST = ['Blue', 'North', 'Bright', 'Silver', 'Urban', 'Green', 'Red', 'Quantum', 'Pioneer', 'Summit', 'Harbor', 'Cedar', 'Nimbus', 'Atlas', 'Vertex', 'Golden', 'Iron', 'Clear', 'Swift', 'Lumen', 'Oak', 'Polar', 'Coral', 'Nova', 'Echo'];
const COMPANY_SECOND = ['Labs', 'Systems', 'Health', 'Works', 'Analytics', 'Logistics', 'Energy', 'Foods', 'Capital', 'Media', 'Robotics', 'Care', 'Builders', 'Networks', 'Retail', 'Bank', 'Studios', 'Mobility', 'Insurance', 'Pharma'];
export const COMPANIES = COMPANY_FIRST.flatMap((first) => COMPANY_SECOND.map((second) => `${first} ${second}`));

function weighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let u = rng.next();
  for (let i = 0; i < items.length; i++) {
    u -= weights[i]!;
    if (u <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function pickDistinct(rng: Rng, items: readonly string[], count: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const chosen = new Set<string>();
  const available = items.filter((item) => !exclude.has(item));
  while (chosen.size < Math.min(count, available.length)) chosen.add(rng.pick(available));
  return [...chosen];
}

export interface Topic {
  domain: number;
  role: string;
  coreSkills: string[];
}

/** A stable role + core-skill set for every vector topic (seeded by the topic index). */
export function describeTopics(topicCount: number, topicsPerDomain: number, rngFor: (topic: number) => Rng): Topic[] {
  return Array.from({ length: topicCount }, (_, topic) => {
    const domain = Math.floor(topic / topicsPerDomain) % DOMAINS.length;
    const rng = rngFor(topic);
    const { roles, skills } = DOMAINS[domain]!;
    return { domain, role: rng.pick(roles), coreSkills: pickDistinct(rng, skills, 7) };
  });
}

/** A seeded job: the repository's write shape, with the optional fields always filled. */
// Occupations are left unset: the search bench measures search, not normalisation.
export type JobRow = Required<{ [K in keyof Omit<JobWrite, 'occupationCode' | 'occupationTitle' | 'externalId' | 'status' | 'expiresAt'>]: NonNullable<JobWrite[K]> }>;

export function jobRow(rng: Rng, topic: Topic): JobRow {
  const seniority = weighted(rng, SENIORITIES, SENIORITY_WEIGHTS);
  const title = [SENIORITY_TITLE[seniority], topic.role].filter(Boolean).join(' ');
  const company = rng.pick(COMPANIES);
  const location = rng.pick(LOCATIONS);
  const employmentType = weighted(rng, EMPLOYMENT_TYPES, EMPLOYMENT_WEIGHTS);
  const requiredSkills = pickDistinct(rng, topic.coreSkills, 3 + rng.int(3));
  const niceToHaveSkills = pickDistinct(rng, DOMAINS[topic.domain]!.skills, 2, new Set(requiredSkills));
  const years = { junior: 0, mid: 2, senior: 5, lead: 7, principal: 10 }[seniority] ?? 2;
  const description = `${company} is hiring a ${title} (${employmentType}) in ${location}. You will join a small team and own work end to end, using ${requiredSkills.slice(0, 2).join(' and ')} every day.`;
  const requirements = [
    ...requiredSkills.map((skill, i) => (i === 0 && years > 0 ? `- ${years}+ years of experience with ${skill}` : `- Solid experience with ${skill}`)),
    ...niceToHaveSkills.map((skill) => `- Nice to have: ${skill}`),
  ].join('\n');
  return {
    title,
    company,
    location,
    employmentType,
    seniority,
    description,
    requirements,
    skills: [...requiredSkills, ...niceToHaveSkills],
    requiredSkills,
    niceToHaveSkills,
    contentHash: sha256Hex(jobEmbeddingText({ title, description, requirements })),
  };
}

export interface ResumeRow {
  text: string;
  skills: string[];
  profile: Record<string, unknown>;
  contentHash: string;
}

export function resumeRow(rng: Rng, topic: Topic): ResumeRow {
  const seniority = weighted(rng, SENIORITIES, SENIORITY_WEIGHTS);
  const location = rng.pick(LOCATIONS);
  const years = { junior: 1, mid: 3, senior: 6, lead: 9, principal: 12 }[seniority] ?? 3;
  const skills = [
    ...pickDistinct(rng, topic.coreSkills, 4 + rng.int(3)),
  ];
  skills.push(...pickDistinct(rng, DOMAINS[topic.domain]!.skills, 2, new Set(skills)));
  const headline = [SENIORITY_TITLE[seniority], topic.role].filter(Boolean).join(' ');
  const text = [
    headline,
    `${years} years of experience. Based in ${location}.`,
    `Experience: worked as ${topic.role} at ${rng.pick(COMPANIES)} and ${rng.pick(COMPANIES)}.`,
    `Skills: ${skills.join(', ')}`,
  ].join('\n');
  return {
    text,
    skills,
    profile: { headline, seniority, location, yearsOfExperience: years },
    contentHash: sha256Hex(text),
  };
}
