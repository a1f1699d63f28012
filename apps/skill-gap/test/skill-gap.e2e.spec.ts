import { JobRepository, ModelRegistry, ResumeRepository, VectorStore, type Job, type Resume } from '@jobmatch/db';
import request from 'supertest';
import { MODEL_ID, startTestApp, vectorWithSimilarity, type TestApp } from './test-app';

/**
 * Every skill-gap endpoint against the real Postgres: jobs and resumes are stored through the
 * real repositories and given hand-made vectors, so the nearest-job order is known exactly.
 */
describe('skill-gap endpoints', () => {
  let testApp: TestApp;
  let http: ReturnType<typeof request>;
  let resume: Resume;
  let pendingResume: Resume;
  let failedResume: Resume;
  let otherModelResume: Resume;
  const jobs: Record<string, Job> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    http = request(testApp.app.getHttpServer());
    const jobRepository = testApp.app.get(JobRepository);
    const resumeRepository = testApp.app.get(ResumeRepository);
    const vectors = testApp.app.get(VectorStore);
    // A second model being built beside the active one (its vectors are never searched).
    await testApp.app.get(ModelRegistry).register('other/model', 384);

    const addJob = async (key: string, title: string, requiredSkills: string[], niceToHaveSkills: string[], vector?: { similarity: number; axis: number; model?: string }) => {
      const job = await jobRepository.create({
        title,
        company: 'Acme',
        description: `${title} at Acme`,
        requirements: '',
        skills: [...requiredSkills, ...niceToHaveSkills],
        requiredSkills,
        niceToHaveSkills,
        contentHash: `hash-${key}`,
      });
      if (vector) {
        expect(await vectors.writeEmbedding('job', job.id, vectorWithSimilarity(vector.similarity, vector.axis), vector.model ?? MODEL_ID, `hash-${key}`)).toBe(true);
      }
      jobs[key] = job;
    };
    // Similarities to the resume vector (axis 0): backend 0.95 > platform 0.8 > data 0.6 > frontend 0.3.
    await addJob('backend', 'Backend Engineer', ['Python', 'Kubernetes', 'PostgreSQL'], ['Terraform'], { similarity: 0.95, axis: 1 });
    await addJob('platform', 'Platform Engineer', ['Kubernetes', 'Go'], ['Terraform'], { similarity: 0.8, axis: 2 });
    await addJob('data', 'Data Engineer', ['Python', 'Apache Spark'], ['Go'], { similarity: 0.6, axis: 3 });
    await addJob('frontend', 'Frontend Engineer', ['React', 'TypeScript'], [], { similarity: 0.3, axis: 4 });
    // Not candidates: no vector yet, and a vector from another model (even though identical).
    await addJob('pending', 'Pending Job', ['COBOL'], []);
    await addJob('otherModel', 'Other Model Job', ['Fortran'], [], { similarity: 1, axis: 5, model: 'other/model' });
    await addJob('noSkills', 'Vague Job', [], []);

    const addResume = async (key: string, skills: string[]) =>
      resumeRepository.create({ text: `Resume ${key}: ${skills.join(', ')}`, skills, profile: {}, contentHash: `resume-${key}` });
    resume = await addResume('main', ['Django', 'Docker', 'PostgreSQL']);
    expect(await vectors.writeEmbedding('resume', resume.id, vectorWithSimilarity(1, 1), MODEL_ID, 'resume-main')).toBe(true);
    pendingResume = await addResume('pending', ['Python']);
    failedResume = await addResume('failed', ['Python']);
    expect(await vectors.markEmbeddingFailed('resume', failedResume.id, 'resume-failed', 'model crashed', MODEL_ID)).toBe(true);
    otherModelResume = await addResume('other', ['Python']);
    expect(await vectors.writeEmbedding('resume', otherModelResume.id, vectorWithSimilarity(1, 1), 'other/model', 'resume-other')).toBe(true);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const UNKNOWN_ID = '99999999-9999-4999-8999-999999999999';

  describe('POST /api/v1/skill-gap', () => {
    it('compares a stored resume with a stored job: matched, missing, related skills owned, weighted coverage', async () => {
      const response = await http.post('/api/v1/skill-gap').send({ resume: { id: resume.id }, job: { id: jobs.backend!.id } }).expect(200);
      const body = response.body;
      expect(body.resume).toEqual({ source: 'id', id: resume.id, skills: ['Django', 'Docker', 'PostgreSQL'] });
      expect(body.job).toEqual({
        source: 'id',
        id: jobs.backend!.id,
        title: 'Backend Engineer',
        requiredSkills: ['Python', 'Kubernetes', 'PostgreSQL'],
        niceToHaveSkills: ['Terraform'],
      });
      // Django implies Python (taxonomy parent), so Python is matched via Django.
      expect(body.matched).toEqual([
        { name: 'Python', requirement: 'required', via: 'Django' },
        { name: 'PostgreSQL', requirement: 'required', via: null },
      ]);
      expect(body.missingRequired).toEqual([{ name: 'Kubernetes', requirement: 'required', relatedOwned: expect.arrayContaining(['Docker']) }]);
      expect(body.missingNiceToHave).toEqual([{ name: 'Terraform', requirement: 'nice-to-have', relatedOwned: expect.any(Array) }]);
      // (2·2 + 1·0) / (2·3 + 1·1) = 4/7
      expect(body.coverage).toEqual({
        percent: 57.1,
        required: { matched: 2, total: 3, percent: 66.7 },
        niceToHave: { matched: 0, total: 1, percent: 0 },
        method: expect.stringContaining('required skill counts twice'),
      });
    });

    it('extracts skills when the resume and the job are given as text', async () => {
      const response = await http
        .post('/api/v1/skill-gap')
        .send({
          resume: { text: 'Backend developer with 5 years of Python and PostgreSQL. I use Docker every day.' },
          job: { text: 'Requirements: Python, PostgreSQL and Kubernetes are required. Nice to have: Terraform.' },
        })
        .expect(200);
      const body = response.body;
      expect(body.resume.source).toBe('text');
      expect(body.resume.skills).toEqual(expect.arrayContaining(['Python', 'PostgreSQL', 'Docker']));
      expect(body.job).toMatchObject({ source: 'text', id: null, title: null });
      expect(body.job.requiredSkills).toEqual(expect.arrayContaining(['Python', 'PostgreSQL', 'Kubernetes']));
      expect(body.job.niceToHaveSkills).toEqual(['Terraform']);
      expect(body.matched.map((skill: { name: string }) => skill.name).sort()).toEqual(['PostgreSQL', 'Python']);
      expect(body.missingRequired.map((skill: { name: string }) => skill.name)).toEqual(['Kubernetes']);
      expect(body.coverage.required).toEqual({ matched: 2, total: 3, percent: 66.7 });
    });

    it('mixes a stored resume with job text, and resume text with a stored job', async () => {
      const byResumeId = await http.post('/api/v1/skill-gap').send({ resume: { id: resume.id }, job: { text: 'Must have Golang and Docker.' } }).expect(200);
      expect(byResumeId.body.matched).toEqual([{ name: 'Docker', requirement: 'required', via: null }]);
      expect(byResumeId.body.missingRequired.map((skill: { name: string }) => skill.name)).toEqual(['Go']);

      const byJobId = await http.post('/api/v1/skill-gap').send({ resume: { text: 'I know Golang and Kubernetes.' }, job: { id: jobs.platform!.id } }).expect(200);
      expect(byJobId.body.coverage).toMatchObject({ percent: 80, required: { matched: 2, total: 2, percent: 100 } });
    });

    it('answers 404 for an unknown resume or job id', async () => {
      const noResume = await http.post('/api/v1/skill-gap').send({ resume: { id: UNKNOWN_ID }, job: { id: jobs.backend!.id } }).expect(404);
      expect(noResume.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: { entity: 'Resume', id: UNKNOWN_ID } });
      const noJob = await http.post('/api/v1/skill-gap').send({ resume: { id: resume.id }, job: { id: UNKNOWN_ID } }).expect(404);
      expect(noJob.body).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'Job', id: UNKNOWN_ID } });
    });

    it('answers 422 when the job has no skills to compare against', async () => {
      const stored = await http.post('/api/v1/skill-gap').send({ resume: { id: resume.id }, job: { id: jobs.noSkills!.id } }).expect(422);
      expect(stored.body).toMatchObject({ statusCode: 422, code: 'NO_JOB_SKILLS' });
      const text = await http.post('/api/v1/skill-gap').send({ resume: { id: resume.id }, job: { text: 'We are a friendly team that loves lunch.' } }).expect(422);
      expect(text.body.code).toBe('NO_JOB_SKILLS');
    });

    it.each([
      ['both id and text', { resume: { id: UNKNOWN_ID, text: 'Python' }, job: { text: 'Go' } }, 'resume must set exactly one of: id, text'],
      ['neither id nor text', { resume: {}, job: { text: 'Go' } }, 'resume must set exactly one of: id, text'],
      ['a missing job', { resume: { text: 'Python' } }, 'job'],
      ['a malformed UUID', { resume: { id: 'not-a-uuid' }, job: { text: 'Go' } }, 'resume.id'],
      ['an unknown nested field', { resume: { text: 'Python', extra: 1 }, job: { text: 'Go' } }, 'extra'],
      ['an unknown top-level field', { resume: { text: 'Python' }, job: { text: 'Go' }, weights: {} }, 'weights'],
      ['blank text', { resume: { text: '   ' }, job: { text: 'Go' } }, 'resume.text'],
      ['a non-string text', { resume: { text: 42 }, job: { text: 'Go' } }, 'resume.text'],
      ['a resume text over 100 000 characters', { resume: { text: 'a'.repeat(100_001) }, job: { text: 'Go' } }, 'resume.text'],
      ['a job text over 50 000 characters', { resume: { text: 'Python' }, job: { text: 'a'.repeat(50_001) } }, 'job.text'],
      ['a resume that is not an object', { resume: 'Python', job: { text: 'Go' } }, 'resume'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_case, body, field) => {
      const response = await http.post('/api/v1/skill-gap').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(field);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const response = await http.post('/api/v1/skill-gap').set('Content-Type', 'application/json').send('{"resume": ').expect(400);
      // Rejected by the JSON body parser before validation, still in the stable error shape.
      expect(response.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: expect.any(String) });
    });
  });

  describe('GET /api/v1/resumes/:id/skill-gap', () => {
    it('aggregates the gap over the nearest jobs by stored vectors into a learning priority list', async () => {
      const response = await http.get(`/api/v1/resumes/${resume.id}/skill-gap`).expect(200);
      const body = response.body;
      expect(body).toMatchObject({ resumeId: resume.id, modelId: MODEL_ID, resumeSkills: ['Django', 'Docker', 'PostgreSQL'], jobsConsidered: 4 });
      // Nearest first; the pending job (no vector) and the other model's job are not candidates.
      expect(body.jobs.map((job: { title: string }) => job.title)).toEqual(['Backend Engineer', 'Platform Engineer', 'Data Engineer', 'Frontend Engineer']);
      expect(body.jobs.map((job: { matchScore: number }) => job.matchScore)).toEqual([0.95, 0.8, 0.6, 0.3].map((value) => expect.closeTo(value, 3)));
      expect(body.jobs[0]).toMatchObject({ id: jobs.backend!.id, coveragePercent: 57.1, missingRequired: ['Kubernetes'], missingNiceToHave: ['Terraform'] });

      // Total weight 2.65. Kubernetes: 0.95 + 0.8; Go: 0.8 + 0.5·0.6; Terraform: 0.5·(0.95 + 0.8); Apache Spark: 0.6; React, TypeScript: 0.3.
      const priorities = body.learningPriorities;
      expect(priorities.slice(0, 4).map((p: { skill: string }) => p.skill)).toEqual(['Kubernetes', 'Go', 'Terraform', 'Apache Spark']);
      expect(priorities.slice(4).map((p: { skill: string }) => p.skill).sort()).toEqual(['React', 'TypeScript']);
      expect(priorities[0]).toMatchObject({
        rank: 1,
        skill: 'Kubernetes',
        requiredBy: 2,
        preferredBy: 0,
        priority: expect.closeTo(1.75 / 2.65, 3),
        demand: expect.closeTo(1.75, 3),
        relatedOwned: expect.arrayContaining(['Docker']),
        jobIds: [jobs.backend!.id, jobs.platform!.id],
      });
      expect(priorities[1]).toMatchObject({ skill: 'Go', requiredBy: 1, preferredBy: 1, priority: expect.closeTo(1.1 / 2.65, 3) });
      expect(priorities[2]).toMatchObject({ skill: 'Terraform', requiredBy: 0, preferredBy: 2, priority: expect.closeTo(0.875 / 2.65, 3) });
      expect(body.priorityMethod).toContain('matchScore');
      // Python (implied by Django) and PostgreSQL are owned, so they are not learning priorities.
      expect(priorities.map((p: { skill: string }) => p.skill)).not.toEqual(expect.arrayContaining(['Python']));
    });

    it('limits the aggregation to the top-N jobs', async () => {
      const response = await http.get(`/api/v1/resumes/${resume.id}/skill-gap?jobs=2`).expect(200);
      expect(response.body.jobsConsidered).toBe(2);
      expect(response.body.jobs.map((job: { title: string }) => job.title)).toEqual(['Backend Engineer', 'Platform Engineer']);
      expect(response.body.learningPriorities.map((p: { skill: string }) => p.skill)).toEqual(['Kubernetes', 'Terraform', 'Go']);
    });

    it('answers 404 for an unknown resume', async () => {
      const response = await http.get(`/api/v1/resumes/${UNKNOWN_ID}/skill-gap`).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: { entity: 'Resume', id: UNKNOWN_ID } });
    });

    it('answers 409 with the embedding status while the resume embedding is pending or failed', async () => {
      const pending = await http.get(`/api/v1/resumes/${pendingResume.id}/skill-gap`).expect(409);
      expect(pending.body).toMatchObject({ statusCode: 409, code: 'EMBEDDING_NOT_READY', details: { id: pendingResume.id, embeddingStatus: 'PENDING' } });
      const failed = await http.get(`/api/v1/resumes/${failedResume.id}/skill-gap`).expect(409);
      expect(failed.body).toMatchObject({ code: 'EMBEDDING_NOT_READY', details: { embeddingStatus: 'FAILED', embeddingError: 'model crashed' } });
    });

    it('answers 409 when the resume has a vector only of another model than the searched one', async () => {
      // The row reports the active model's state: still PENDING for it.
      const response = await http.get(`/api/v1/resumes/${otherModelResume.id}/skill-gap`).expect(409);
      expect(response.body).toMatchObject({ code: 'EMBEDDING_NOT_READY', details: { embeddingStatus: 'PENDING', modelId: MODEL_ID } });
    });

    it.each([
      ['a malformed id', 'not-a-uuid/skill-gap', 'id'],
      ['jobs=0', 'RESUME/skill-gap?jobs=0', 'jobs'],
      ['jobs=101', 'RESUME/skill-gap?jobs=101', 'jobs'],
      ['jobs=abc', 'RESUME/skill-gap?jobs=abc', 'jobs'],
      ['jobs=2.5', 'RESUME/skill-gap?jobs=2.5', 'jobs'],
      ['an unknown parameter', 'RESUME/skill-gap?limit=3', 'limit'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_case, path, field) => {
      const response = await http.get(`/api/v1/resumes/${path.replace('RESUME', resume.id)}`).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(field);
    });
  });
});
