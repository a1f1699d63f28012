// Writes the sample data set into data/sample: jobs.jsonl (one posting per line, the fields of
// POST /api/v1/jobs plus externalId) and resumes/ (plain text, plus a few .docx and .pdf).
//   pnpm sample:generate [--seed <n>]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resumeDocx, resumePdf } from './documents';
import {
  SAMPLE_DATA_DIR,
  SAMPLE_JOBS_FILE,
  SAMPLE_MANIFEST_FILE,
  SAMPLE_RESUMES_DIR,
  SAMPLE_SEED,
  sampleFiles,
  type SampleManifest,
} from './sample-files';

async function main(): Promise<void> {
  const seedFlag = process.argv.indexOf('--seed');
  const seed = seedFlag >= 0 ? Number(process.argv[seedFlag + 1]) : SAMPLE_SEED;
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const { jobsJsonl, jobs, resumes, manifest } = sampleFiles(seed);
  // .docx files carry the time they were packed, so one whose text is unchanged is kept as it is.
  const previous = existsSync(SAMPLE_MANIFEST_FILE)
    ? (JSON.parse(readFileSync(SAMPLE_MANIFEST_FILE, 'utf8')) as SampleManifest)
    : null;
  const unchanged = new Set(
    manifest.resumes
      .filter((resume) =>
        previous?.resumes.some((old) => old.fileName === resume.fileName && old.textSha256 === resume.textSha256),
      )
      .map((resume) => resume.fileName),
  );
  mkdirSync(SAMPLE_RESUMES_DIR, { recursive: true });
  writeFileSync(SAMPLE_JOBS_FILE, jobsJsonl);
  // One record per line: readable, and diffs stay small when the generator changes.
  const rows = (items: object[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  writeFileSync(
    SAMPLE_MANIFEST_FILE,
    `{\n  "seed": ${manifest.seed},\n  "jobs": [\n${rows(manifest.jobs)}\n  ],\n  "resumes": [\n${rows(manifest.resumes)}\n  ]\n}\n`,
  );
  for (const file of readdirSync(SAMPLE_RESUMES_DIR))
    if (!(file.endsWith('.docx') && unchanged.has(file))) rmSync(join(SAMPLE_RESUMES_DIR, file));
  for (const resume of resumes) {
    const path = join(SAMPLE_RESUMES_DIR, resume.fileName);
    if (resume.fileName.endsWith('.docx')) {
      if (!existsSync(path)) writeFileSync(path, await resumeDocx(resume.text));
    } else if (resume.fileName.endsWith('.pdf')) writeFileSync(path, await resumePdf(resume.text));
    else writeFileSync(path, resume.text + '\n');
  }
  console.log(
    `seed ${seed}: ${jobs.length} postings -> ${SAMPLE_JOBS_FILE}; ${resumes.length} resumes -> ${SAMPLE_RESUMES_DIR} (under ${SAMPLE_DATA_DIR})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
