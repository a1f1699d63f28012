import { SearchedModel, type Job, type JobRepository, type Resume, type ResumeRepository, type VectorStore } from '@jobmatch/db';

type ResumeSkillProfile = Pick<Resume, 'id' | 'skills' | 'embeddingStatus' | 'embeddingError' | 'embeddingModel'>;
type JobSkillProfile = Pick<Job, 'id' | 'title' | 'company' | 'skills' | 'requiredSkills' | 'niceToHaveSkills'>;
import { ApiException } from '@jobmatch/nest-common';
import { buildSkillGraph, type ExtractedSkill } from '@jobmatch/skills';
import type { SkillsEngine } from '../src/skills/skills-engine';
import { SkillGapService } from '../src/skill-gap/skill-gap.service';

const RESUME_ID = '11111111-1111-4111-8111-111111111111';
const JOB_ID = '22222222-2222-4222-8222-222222222222';
const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

const resumeRow = (overrides: Partial<ResumeSkillProfile> = {}): ResumeSkillProfile => ({
  id: RESUME_ID,
  skills: ['Python', 'Docker'],
  embeddingStatus: 'READY',
  embeddingError: null,
  embeddingModel: MODEL_ID,
  ...overrides,
});
const jobRow = (id: string, overrides: Partial<JobSkillProfile> = {}): JobSkillProfile => ({
  id,
  title: `Job ${id.slice(0, 4)}`,
  company: 'Acme',
  skills: [],
  requiredSkills: ['Python', 'Kubernetes'],
  niceToHaveSkills: ['Terraform'],
  ...overrides,
});
const extracted = (name: string, requirement: ExtractedSkill['requirement'] = 'unspecified'): ExtractedSkill => ({
  name,
  category: 'software',
  requirement,
  evidence: [{ text: name, start: 0, end: name.length }],
});

function setup() {
  const profiles = { findResume: jest.fn(), findJob: jest.fn() };
  const vectors = { nearestWithRows: jest.fn() };
  const engine = {
    graph: buildSkillGraph([
      { name: 'Kubernetes', parents: [], related: ['Docker'] },
      { name: 'Docker', parents: [], related: [] },
    ]),
    extract: jest.fn(),
  };
  const jobs = { findById: profiles.findJob };
  const resumes = { findById: profiles.findResume };
  const service = new SkillGapService(
    jobs as unknown as JobRepository,
    resumes as unknown as ResumeRepository,
    vectors as unknown as VectorStore,
    engine as unknown as SkillsEngine,
    { HNSW_EF_SEARCH: 64 },
    new SearchedModel({ activeModelId: async () => MODEL_ID }, 'configured/model', 5_000),
  );
  return { service, profiles, vectors, engine };
}

async function apiError(promise: Promise<unknown>): Promise<ApiException> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiException);
  return error as ApiException;
}

describe('SkillGapService.compare', () => {
  it('uses stored skills for ids and reports coverage with its method', async () => {
    const { service, profiles } = setup();
    profiles.findResume.mockResolvedValue(resumeRow());
    profiles.findJob.mockResolvedValue(jobRow(JOB_ID));
    const result = await service.compare({ id: RESUME_ID }, { id: JOB_ID });
    expect(result.resume).toEqual({ source: 'id', id: RESUME_ID, skills: ['Python', 'Docker'] });
    expect(result.job).toMatchObject({ source: 'id', id: JOB_ID, requiredSkills: ['Python', 'Kubernetes'], niceToHaveSkills: ['Terraform'] });
    expect(result.matched).toEqual([{ name: 'Python', requirement: 'required', via: null }]);
    expect(result.missingRequired).toEqual([{ name: 'Kubernetes', requirement: 'required', relatedOwned: ['Docker'] }]);
    // (2·1) / (2·2 + 1) = 40 %
    expect(result.coverage).toMatchObject({ percent: 40, required: { matched: 1, total: 2, percent: 50 }, niceToHave: { matched: 0, total: 1, percent: 0 } });
    expect(result.coverage.method).toMatch(/twice/);
  });

  it('extracts skills from texts, treating unqualified job skills as required', async () => {
    const { service, engine, profiles } = setup();
    engine.extract.mockImplementation((text: string) =>
      text.startsWith('resume') ? [extracted('Docker')] : [extracted('Kubernetes'), extracted('Terraform', 'nice-to-have')],
    );
    const result = await service.compare({ text: 'resume text' }, { text: 'job text' });
    expect(profiles.findResume).not.toHaveBeenCalled();
    expect(profiles.findJob).not.toHaveBeenCalled();
    expect(result.job).toEqual({ source: 'text', id: null, title: null, requiredSkills: ['Kubernetes'], niceToHaveSkills: ['Terraform'] });
    expect(result.missingRequired[0]).toEqual({ name: 'Kubernetes', requirement: 'required', relatedOwned: ['Docker'] });
  });

  it('answers 404 for an unknown resume or job id', async () => {
    const { service, profiles } = setup();
    profiles.findResume.mockResolvedValue(null);
    profiles.findJob.mockResolvedValue(jobRow(JOB_ID));
    expect((await apiError(service.compare({ id: RESUME_ID }, { id: JOB_ID }))).getStatus()).toBe(404);
    profiles.findResume.mockResolvedValue(resumeRow());
    profiles.findJob.mockResolvedValue(null);
    const error = await apiError(service.compare({ id: RESUME_ID }, { id: JOB_ID }));
    expect(error.getStatus()).toBe(404);
    expect(error.details).toEqual({ entity: 'Job', id: JOB_ID });
  });

  it('answers 422 NO_JOB_SKILLS when the job has no skills to compare against', async () => {
    const { service, engine } = setup();
    engine.extract.mockReturnValue([]);
    const error = await apiError(service.compare({ text: 'anything' }, { text: 'We are a friendly team.' }));
    expect(error.getStatus()).toBe(422);
    expect(error.code).toBe('NO_JOB_SKILLS');
  });
});

describe('SkillGapService.forRecommendedJobs', () => {
  it('searches by the stored resume vector with the configured model and aggregates the nearest jobs in order', async () => {
    const { service, profiles, vectors } = setup();
    const [a, b] = ['aaaaaaaa-0000-4000-8000-000000000000', 'bbbbbbbb-0000-4000-8000-000000000000'];
    // The resume row and its nearest jobs with their skills come from one read.
    vectors.nearestWithRows.mockResolvedValue({
      source: resumeRow(),
      candidates: [
        { ...jobRow(a), distance: 0.1, similarity: 0.9 },
        { ...jobRow(b, { requiredSkills: ['Go'], niceToHaveSkills: [] }), distance: 0.4, similarity: 0.6 },
      ],
    });
    const result = await service.forRecommendedJobs(RESUME_ID, 3);
    expect(vectors.nearestWithRows).toHaveBeenCalledWith('job', { entity: 'resume', id: RESUME_ID }, 'candidate', { modelId: MODEL_ID, limit: 3, efSearch: 64 });
    expect(profiles.findResume).not.toHaveBeenCalled();
    expect(result.jobs.map((job) => [job.id, job.matchScore])).toEqual([[a, 0.9], [b, 0.6]]);
    expect(result.jobsConsidered).toBe(2);
    expect(result.learningPriorities.map((p) => p.skill)).toEqual(['Kubernetes', 'Go', 'Terraform']);
    expect(result.priorityMethod).toMatch(/matchScore/);
  });

  it('answers 404 for an unknown resume', async () => {
    const { service, vectors } = setup();
    vectors.nearestWithRows.mockResolvedValue({ source: null, candidates: null });
    expect((await apiError(service.forRecommendedJobs(RESUME_ID))).getStatus()).toBe(404);
  });

  it.each(['PENDING', 'FAILED'] as const)('answers 409 with the embedding status while it is %s', async (status) => {
    const { service, vectors } = setup();
    // A row re-queued after an edit keeps its old vector: the status, not the vector, decides.
    const stillHasOldVector = [{ ...jobRow('aaaaaaaa-0000-4000-8000-000000000000'), distance: 0.1, similarity: 0.9 }];
    vectors.nearestWithRows.mockResolvedValue({ source: resumeRow({ embeddingStatus: status, embeddingError: status === 'FAILED' ? 'boom' : null }), candidates: stillHasOldVector });
    const error = await apiError(service.forRecommendedJobs(RESUME_ID));
    expect(error.getStatus()).toBe(409);
    expect(error.code).toBe('EMBEDDING_NOT_READY');
    expect(error.details).toMatchObject({ embeddingStatus: status, id: RESUME_ID });
  });

  it('answers 409 when the stored vector belongs to another model', async () => {
    const { service, vectors } = setup();
    vectors.nearestWithRows.mockResolvedValue({ source: resumeRow({ embeddingModel: 'other/model' }), candidates: null });
    const error = await apiError(service.forRecommendedJobs(RESUME_ID));
    expect(error.getStatus()).toBe(409);
    expect(error.message).toContain('other/model');
  });
});
