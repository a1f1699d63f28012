export { FIELDS } from './fields';
export { generateJobs, JOBS_PER_OCCUPATION } from './jobs';
export { generateResumes, RESUME_COUNT, SAMPLE_YEAR } from './resumes';
export { resumeDocx, resumePdf } from './documents';
export {
  SAMPLE_DATA_DIR,
  SAMPLE_JOBS_FILE,
  SAMPLE_MANIFEST_FILE,
  SAMPLE_RESUMES_DIR,
  SAMPLE_SEED,
  sampleFiles,
} from './sample-files';
export type { SampleFiles, SampleManifest } from './sample-files';
export type { EmploymentType, Field, GeneratedJob, Occupation, SampleJob, SampleResume, Seniority } from './types';
