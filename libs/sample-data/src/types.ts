/** The seniority levels and employment types of the matcher's job DTO (apps/matcher/src/common/seniority.ts). */
export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'principal';
export type EmploymentType = 'full-time' | 'part-time' | 'contract' | 'internship' | 'temporary';

/** One kind of job, with the sentences a posting or a resume for it is written from. */
export interface Occupation {
  id: string;
  /** Base titles, without a seniority word ("Backend Engineer"). */
  titles: string[];
  /** Titles that replace "<Senior> <title>" for a level ("Journeyman Electrician"). */
  titleFor?: Partial<Record<Seniority, string[]>>;
  seniorities: Seniority[];
  employmentTypes?: EmploymentType[];
  /** Whether the work can be done remotely (desk jobs); on-site otherwise. */
  remote?: boolean;
  /** "You will …" sentences: what the role is for (lower-case start, no final period). */
  summary: string[];
  /** Duties, written as bullets (capitalised, no final period). */
  duties: string[];
  /** What the years of experience are in: "5+ years <experience>". */
  experience: string;
  /** Required qualifications as fragments that read after "You have" and as bullets. */
  must: string[];
  /** Nice-to-haves, same form. */
  nice: string[];
  /** Perks of this job, instead of the field's. */
  perks?: string[];
  /** Schedule or working-conditions sentences, for jobs where that matters. */
  conditions?: string[];
  /** Skills a person in this job lists on a resume. */
  skills: string[];
  /** Past-tense resume bullets with numbers. */
  achievements: string[];
  /** Degrees, licences or certificates people in this job hold. */
  credentials: string[];
}

export interface Company {
  name: string;
  /** What the company does, as a sentence that follows the name ("runs 14 clinics in …"). */
  blurb: string;
  cities: string[];
  /** The occupations this employer hires for (all of its field's when absent). */
  for?: string[];
}

export interface Field {
  id: string;
  name: string;
  companies: Company[];
  perks: string[];
  occupations: Occupation[];
  /** Public employers write postings in their own shape (position summary, duties, minimum qualifications). */
  style?: 'public';
}

/** A job posting as `pnpm cli import jobs` and POST /api/v1/jobs take it, plus the external id. */
export interface SampleJob {
  externalId: string;
  title: string;
  company: string;
  location: string;
  employmentType: EmploymentType;
  seniority: Seniority;
  description: string;
  requirements: string;
}

/** A posting with where it came from (kept out of jobs.jsonl, written to manifest.json). */
export interface GeneratedJob {
  record: SampleJob;
  field: string;
  occupation: string;
}

export interface SampleResume {
  externalId: string;
  /** File name under data/sample/resumes (.txt, .docx or .pdf). */
  fileName: string;
  field: string;
  occupation: string;
  seniority: Seniority;
  location: string;
  text: string;
}
