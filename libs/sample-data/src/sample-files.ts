import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { generateJobs } from './jobs';
import { generateResumes } from './resumes';
import type { SampleJob, SampleResume } from './types';

/** The seed the committed data set was written with. */
export const SAMPLE_SEED = 20261202;

/** data/sample at the repository root (this file is libs/sample-data/{src,dist}/sample-files.*). */
export const SAMPLE_DATA_DIR = join(__dirname, '..', '..', '..', 'data', 'sample');
export const SAMPLE_JOBS_FILE = join(SAMPLE_DATA_DIR, 'jobs.jsonl');
export const SAMPLE_RESUMES_DIR = join(SAMPLE_DATA_DIR, 'resumes');
/** Field and occupation of every record: what the data set covers, for tests and readers (not imported). */
export const SAMPLE_MANIFEST_FILE = join(SAMPLE_DATA_DIR, 'manifest.json');

export interface SampleManifest {
  seed: number;
  jobs: Array<{ externalId: string; field: string; occupation: string }>;
  resumes: Array<{
    externalId: string;
    fileName: string;
    field: string;
    occupation: string;
    seniority: string;
    location: string;
    textSha256: string;
  }>;
}

export interface SampleFiles {
  jobs: SampleJob[];
  jobsJsonl: string;
  resumes: SampleResume[];
  manifest: SampleManifest;
}

/** What the generator writes for a seed. */
export function sampleFiles(seed: number = SAMPLE_SEED): SampleFiles {
  const generated = generateJobs(seed);
  const jobs = generated.map((job) => job.record);
  const resumes = generateResumes(seed);
  return {
    jobs,
    jobsJsonl: jobs.map((job) => JSON.stringify(job)).join('\n') + '\n',
    resumes,
    manifest: {
      seed,
      jobs: generated.map(({ record, field, occupation }) => ({ externalId: record.externalId, field, occupation })),
      resumes: resumes.map(({ externalId, fileName, field, occupation, seniority, location, text }) => ({
        externalId,
        fileName,
        field,
        occupation,
        seniority,
        location,
        textSha256: createHash('sha256').update(text).digest('hex'),
      })),
    },
  };
}
