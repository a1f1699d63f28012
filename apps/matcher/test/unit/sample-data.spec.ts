import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EMAIL_PATTERN, redactContactDetails } from '@jobmatch/contracts';
import {
  SAMPLE_JOBS_FILE,
  SAMPLE_MANIFEST_FILE,
  SAMPLE_RESUMES_DIR,
  sampleFiles,
  type SampleManifest,
} from '@jobmatch/sample-data';
import { extractSkills } from '@jobmatch/skills';
import { CreateJobDto } from '../../src/jobs/dto/job.dto';
import { DocumentParserPool } from '../../src/resumes/parsing/document-parser-pool';
import { ZIP_LIMITS } from '../../src/resumes/parsing/document-text.extractor';
import { extractResumeProfile } from '../../src/resumes/resume-profile';

/**
 * The committed sample data set (data/sample, written by `pnpm sample:generate`): what
 * scripts/up.sh imports and the README's walkthrough runs on. Checked as the files are, against the
 * matcher's own job DTO, parsers and profile extraction.
 */
const jobLines = readFileSync(SAMPLE_JOBS_FILE, 'utf8').split('\n').filter(Boolean);
const jobs = jobLines.map((line) => JSON.parse(line) as Record<string, unknown>);
const manifest = JSON.parse(readFileSync(SAMPLE_MANIFEST_FILE, 'utf8')) as SampleManifest;
const resumeFiles = readdirSync(SAMPLE_RESUMES_DIR).sort();
const generated = sampleFiles(manifest.seed);
const textOf = (fileName: string) => generated.resumes.find((resume) => resume.fileName === fileName)!.text;

/** Ranges set aside for fiction: North America 555-0100…0199, UK mobile 07700 900000…900999. */
const FICTIONAL_PHONE = /^\(\d{3}\) 555-01\d{2}$|^07700 900\d{3}$/;
const PHONE_LIKE = /\(?\+?\d[\d ()./-]{6,}\d/g;
const RESERVED_EMAIL_DOMAIN = /@example\.(com|org|net)$/;

describe('sample data set (data/sample)', () => {
  it('holds at least 300 postings across at least 12 fields and 40 occupations', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(300);
    expect(manifest.jobs.map((job) => job.externalId)).toEqual(jobs.map((job) => job.externalId));
    const fields = new Set(manifest.jobs.map((job) => job.field));
    expect(fields.size).toBeGreaterThanOrEqual(12);
    for (const field of [
      'software',
      'data',
      'healthcare',
      'trades',
      'logistics',
      'finance',
      'hospitality',
      'education',
      'public-sector',
      'sales',
      'manufacturing',
      'design',
      'legal',
    ]) {
      expect(fields).toContain(field);
    }
    expect(new Set(manifest.jobs.map((job) => job.occupation)).size).toBeGreaterThanOrEqual(40);
  });

  it('is exactly what the seeded generator writes (no hand edits drift from it)', () => {
    expect(readFileSync(SAMPLE_JOBS_FILE, 'utf8')).toBe(generated.jobsJsonl);
    expect(resumeFiles).toEqual(generated.resumes.map((resume) => resume.fileName).sort());
    for (const fileName of resumeFiles.filter((file) => file.endsWith('.txt'))) {
      expect(readFileSync(join(SAMPLE_RESUMES_DIR, fileName), 'utf8')).toBe(textOf(fileName) + '\n');
    }
  });

  it('has every posting valid against the job create DTO, with all its fields and an external id', () => {
    const failures: string[] = [];
    for (const [index, job] of jobs.entries()) {
      const { externalId, ...body } = job;
      expect(typeof externalId).toBe('string');
      for (const key of [
        'title',
        'company',
        'location',
        'employmentType',
        'seniority',
        'description',
        'requirements',
      ]) {
        expect(typeof body[key] === 'string' && (body[key] as string).trim().length > 0).toBe(true);
      }
      // The same rules as the API's ValidationPipe: unknown fields rejected.
      const errors = validateSync(plainToInstance(CreateJobDto, body), { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) failures.push(`line ${index + 1}: ${errors.map((error) => error.toString()).join(' ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('has no duplicate external ids, and no two postings with the same text', () => {
    const ids = [...jobs.map((job) => job.externalId), ...manifest.resumes.map((resume) => resume.externalId)];
    expect(new Set(ids).size).toBe(ids.length);
    const texts = jobs.map((job) => `${job.title}\n${job.description}\n${job.requirements}`);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('reads like varied postings, not one template: titles, companies, locations, openings and requirement layouts differ', () => {
    const distinct = (values: unknown[]) => new Set(values).size;
    expect(distinct(jobs.map((job) => job.title))).toBeGreaterThanOrEqual(200);
    expect(distinct(jobs.map((job) => job.company))).toBeGreaterThanOrEqual(40);
    expect(distinct(jobs.map((job) => job.location))).toBeGreaterThanOrEqual(60);
    expect(distinct(jobs.map((job) => job.seniority))).toBe(6);
    expect(distinct(jobs.map((job) => job.employmentType))).toBe(5);
    // First words of the description and of the requirements: several shapes of posting.
    expect(distinct(jobs.map((job) => (job.description as string).split(/\s+/)[0]))).toBeGreaterThanOrEqual(5);
    expect(
      distinct(jobs.map((job) => (job.requirements as string).split(/\s+/).slice(0, 2).join(' '))),
    ).toBeGreaterThanOrEqual(6);
  });

  it('gives the skills extractor something to find in nearly every posting', () => {
    const withSkills = jobs.filter(
      (job) => extractSkills(`${job.title}\n${job.description}\n${job.requirements}`).length >= 2,
    );
    expect(withSkills.length / jobs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('holds at least 30 resumes across many fields, seniorities and locations, a few as .docx and .pdf', () => {
    expect(resumeFiles.length).toBeGreaterThanOrEqual(30);
    expect(manifest.resumes.map((resume) => resume.fileName).sort()).toEqual(resumeFiles);
    expect(new Set(manifest.resumes.map((resume) => resume.field)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(manifest.resumes.map((resume) => resume.seniority)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(manifest.resumes.map((resume) => resume.location)).size).toBeGreaterThanOrEqual(15);
    expect(resumeFiles.filter((file) => file.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
    expect(resumeFiles.filter((file) => file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(2);
  });

  it('has resumes whose profile (headline without the name, location, years) the matcher can read', () => {
    const profiles = generated.resumes.map((resume) => ({ resume, profile: extractResumeProfile(resume.text) }));
    for (const { resume, profile } of profiles) {
      expect({ file: resume.fileName, location: profile.location, years: profile.yearsOfExperience !== null }).toEqual({
        file: resume.fileName,
        location: resume.location,
        years: true,
      });
    }
    for (const { resume, profile } of profiles) {
      const name = resume.text.split('\n')[0]!.toLowerCase();
      expect({
        file: resume.fileName,
        headline: profile.headline !== null && !profile.headline.toLowerCase().includes(name),
      }).toEqual({ file: resume.fileName, headline: true });
    }
  });

  it('uses only made-up contact details: e-mail on reserved example domains, phone numbers from fiction ranges', () => {
    for (const resume of generated.resumes) {
      const emails = resume.text.match(EMAIL_PATTERN) ?? [];
      expect(emails.length).toBe(1);
      for (const email of emails) expect(email).toMatch(RESERVED_EMAIL_DOMAIN);
      // Every run the redactor would treat as a phone number is a fictional one.
      const phones = (resume.text.match(PHONE_LIKE) ?? []).filter((run) => redactContactDetails(run) === '[phone]');
      for (const phone of phones) expect(phone.trim()).toMatch(FICTIONAL_PHONE);
    }
    // Postings carry no contact details at all.
    for (const job of jobs)
      expect(redactContactDetails(`${job.description}\n${job.requirements}`)).toBe(
        `${job.description}\n${job.requirements}`,
      );
  });

  describe('.docx and .pdf resumes', () => {
    const pool = new DocumentParserPool({ concurrency: 1, memoryBudgetMb: 128, timeoutMs: 30_000 });
    afterAll(() => pool.close());
    // The limits the matcher reads uploads with (DocumentTextExtractor).
    const limits = { maxPages: 30, ...ZIP_LIMITS };

    it('hold the text the generator wrote, as the matcher’s own parsers read it', async () => {
      const documents = resumeFiles.filter((file) => /\.(docx|pdf)$/.test(file));
      for (const fileName of documents) {
        const bytes = new Uint8Array(readFileSync(join(SAMPLE_RESUMES_DIR, fileName)));
        const { text } = await pool.parse({ kind: fileName.endsWith('.pdf') ? 'pdf' : 'docx', bytes, limits });
        const words = (value: string) => value.split(/\s+/).filter(Boolean).join(' ');
        expect(words(text)).toBe(words(textOf(fileName)));
      }
    }, 60_000);
  });
});
