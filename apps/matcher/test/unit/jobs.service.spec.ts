import { jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import { SearchedModel, type Job, type JobRepository } from '@jobmatch/db';
import type { EmbeddingQueueProducer } from '../../src/queue/embedding-queue.producer';
import { JobsService } from '../../src/jobs/jobs.service';
import type { SkillsProvider } from '../../src/skills/skills.provider';

const MODEL = 'sentence-transformers/all-MiniLM-L6-v2';

function row(data: Partial<Job>): Job {
  const now = new Date();
  return {
    id: '5b0f3c3e-7f6c-4f43-9f86-0a9c1d7e2b11',
    title: 'T',
    company: 'C',
    location: null,
    employmentType: null,
    seniority: null,
    description: 'D',
    requirements: '',
    skills: [],
    requiredSkills: [],
    niceToHaveSkills: [],
    occupationCode: null,
    occupationTitle: null,
    contentHash: 'h',
    embeddingModel: null,
    embeddingStatus: 'PENDING',
    embeddingError: null,
    embeddedAt: null,
    createdAt: now,
    updatedAt: now,
    ...data,
  } as Job;
}

function setup(existing: Job) {
  const repository = {
    create: jest.fn(async (data: Partial<Job>) => row({ ...data })),
    findById: jest.fn(async () => existing),
    update: jest.fn(async (_id: string, data: Partial<Job>) => row({ ...existing, ...data })),
  };
  const queue = { tryEnqueue: jest.fn().mockResolvedValue(true) };
  const skills = {
    extractJobSkills: jest.fn(() => ({ all: ['Python', 'Docker'], required: ['Python'], niceToHave: ['Docker'] })),
    occupationOf: jest.fn((title: string): { code: string; title: string } | null => (title === 'Python Engineer' ? { code: '15-1252.00', title: 'Software Developers' } : null)),
  };
  const service = new JobsService(
    repository as unknown as JobRepository,
    queue as unknown as EmbeddingQueueProducer,
    skills as unknown as SkillsProvider,
    new SearchedModel({ activeModelId: async () => MODEL }, 'configured/model', 5_000),
  );
  return { service, repository, queue, skills };
}

describe('JobsService', () => {
  it('stores the occupation the skills provider finds for the title, with the extracted skills as context', async () => {
    const { service, repository, skills } = setup(row({}));
    await service.create({ title: 'Python Engineer', company: 'Acme', description: 'APIs', requirements: 'Python; Docker is a plus' });
    expect(skills.occupationOf).toHaveBeenCalledWith('Python Engineer', ['Python', 'Docker']);
    expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ occupationCode: '15-1252.00', occupationTitle: 'Software Developers' }));
  });

  const input = { title: 'Python Engineer', company: 'Acme', description: 'APIs', requirements: 'Python; Docker is a plus' };
  const hash = sha256Hex(jobEmbeddingText(input));

  it('stores the content hash and skills, and enqueues one embedding job on create', async () => {
    const { service, repository, queue } = setup(row({}));
    const created = await service.create(input);
    expect(repository.create).toHaveBeenCalledWith(
      expect.objectContaining({ contentHash: hash, skills: ['Python', 'Docker'], requiredSkills: ['Python'], niceToHaveSkills: ['Docker'] }),
    );
    expect(queue.tryEnqueue).toHaveBeenCalledWith([{ entity: 'job', id: created.id, contentHash: hash, modelId: MODEL }]);
    expect(created.embedding).toMatchObject({ status: 'PENDING', queued: true });
  });

  it('does not re-enqueue or re-extract when the embedded text is unchanged', async () => {
    const existing = row({ ...input, contentHash: hash, embeddingStatus: 'READY', embeddingModel: MODEL });
    const { service, repository, queue, skills } = setup(existing);
    const updated = await service.update(existing.id, { company: 'Acme GmbH', title: input.title });
    expect(repository.update).toHaveBeenCalledWith(existing.id, { company: 'Acme GmbH' }, false);
    expect(queue.tryEnqueue).not.toHaveBeenCalled();
    expect(skills.extractJobSkills).not.toHaveBeenCalled();
    expect(updated.embedding).toMatchObject({ status: 'READY', queued: false });
  });

  it('re-enqueues with the new hash when the text changes', async () => {
    const existing = row({ ...input, contentHash: hash, embeddingStatus: 'READY' });
    const { service, repository, queue } = setup(existing);
    await service.update(existing.id, { requirements: 'Go and Kubernetes' });
    const newHash = sha256Hex(jobEmbeddingText({ ...input, requirements: 'Go and Kubernetes' }));
    expect(repository.update).toHaveBeenCalledWith(existing.id, expect.objectContaining({ contentHash: newHash }), true);
    expect(queue.tryEnqueue).toHaveBeenCalledWith([expect.objectContaining({ contentHash: newHash })]);
  });
});
