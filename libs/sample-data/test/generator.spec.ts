import { FIELDS, generateJobs, generateResumes, JOBS_PER_OCCUPATION, RESUME_COUNT, sampleFiles } from '../src';

describe('sample data generator', () => {
  it('writes the same data set for the same seed, and another for another seed', () => {
    expect(sampleFiles(42).jobsJsonl).toBe(sampleFiles(42).jobsJsonl);
    expect(generateResumes(42)).toEqual(generateResumes(42));
    expect(sampleFiles(43).jobsJsonl).not.toBe(sampleFiles(42).jobsJsonl);
  });

  it('writes every occupation of every field JOBS_PER_OCCUPATION times, each at an employer that hires for it', () => {
    const jobs = generateJobs(7);
    const occupations = FIELDS.flatMap((field) => field.occupations.map((occupation) => ({ field, occupation })));
    expect(jobs).toHaveLength(occupations.length * JOBS_PER_OCCUPATION);
    for (const { field, occupation } of occupations) {
      const mine = jobs.filter((job) => job.occupation === occupation.id);
      expect(mine).toHaveLength(JOBS_PER_OCCUPATION);
      for (const job of mine) {
        const employer = field.companies.find((company) => company.name === job.record.company);
        expect(employer && (!employer.for || employer.for.includes(occupation.id))).toBe(true);
      }
    }
  });

  it('keeps occupation ids unique and every occupation stocked for postings and resumes', () => {
    const ids = FIELDS.flatMap((field) => field.occupations.map((occupation) => occupation.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const occupation of FIELDS.flatMap((field) => field.occupations)) {
      expect({
        id: occupation.id,
        enough:
          occupation.titles.length >= 2 &&
          occupation.duties.length >= 4 &&
          occupation.must.length >= 3 &&
          occupation.skills.length >= 5 &&
          occupation.achievements.length >= 1,
      }).toEqual({
        id: occupation.id,
        enough: true,
      });
    }
  });

  it('writes RESUME_COUNT resumes with a name, a headline, a location line and experience dates', () => {
    const resumes = generateResumes(7);
    expect(resumes).toHaveLength(RESUME_COUNT);
    for (const resume of resumes) {
      expect(resume.text).toMatch(/(Location: |Based in )/);
      expect(resume.text).toMatch(/\b20\d{2}\b/);
      expect(resume.text.split('\n')[0]!.length).toBeGreaterThan(3);
    }
  });
});
