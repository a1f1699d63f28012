import { UnrecoverableError } from 'bullmq';
import { EMBEDDING_JOB_OPTIONS, EmbeddingJobName, type EmbedEntityPayload } from '@jobmatch/contracts';
import type { EmbeddableTextRepository } from '@jobmatch/db';
import { EmbeddingJobProcessor, type EmbeddingJob } from '../src/queue/embedding-job.processor';
import { DeterministicProvider } from './support/deterministic-provider';
import { buildEmbeddingService } from './support/embedding-service';
import { InMemoryTextRepository } from './support/in-memory-text-repository';

const MODEL = 'test/deterministic';
const JOB_ID = '11111111-1111-4111-8111-111111111111';
const RESUME_ID = '22222222-2222-4222-8222-222222222222';

function job(data: Partial<EmbedEntityPayload> | null, overrides: Partial<EmbeddingJob> = {}): EmbeddingJob {
  return {
    id: 'x',
    name: EmbeddingJobName.EmbedJob,
    data,
    attemptsMade: 0,
    opts: { ...EMBEDDING_JOB_OPTIONS },
    timestamp: Date.now() - 50,
    processedOn: Date.now(),
    ...overrides,
  } as EmbeddingJob;
}

function setup() {
  const { provider, service, metrics } = buildEmbeddingService();
  const repository = new InMemoryTextRepository();
  const processor = new EmbeddingJobProcessor(service, repository as unknown as EmbeddableTextRepository, metrics);
  repository.put('job', JOB_ID, 'Backend engineer\n\nBuild APIs in Go', 'hash-1');
  repository.put('resume', RESUME_ID, 'Ten years of Kotlin and Postgres', 'hash-r');
  return { provider, repository, processor };
}

describe('EmbeddingJobProcessor', () => {
  it('has a handler for every job name of the contract, and refuses a missing one at start-up', () => {
    const { processor } = setup();
    expect(() => processor.onModuleInit()).not.toThrow();
    expect(() => processor.assertEveryJobNameHandled([...Object.values(EmbeddingJobName), 'embed-skill'])).toThrow(
      /no handler for job name\(s\): embed-skill/,
    );
  });

  it('embeds the stored text as a passage and writes it with the content hash it was asked for', async () => {
    const { processor, repository, provider } = setup();
    const outcome = await processor.process(job({ entity: 'job', id: JOB_ID, contentHash: 'hash-1', modelId: MODEL }));

    expect(outcome).toEqual({ status: 'written', modelId: MODEL });
    expect(provider.calls).toEqual([{ texts: ['Backend engineer\n\nBuild APIs in Go'], kind: 'passage' }]);
    const row = repository.row('job', JOB_ID)!;
    expect(row.status).toBe('READY');
    expect(row.modelId).toBe(MODEL);
    expect(Array.from(row.vector!)).toEqual(
      Array.from(DeterministicProvider.vectorFor('Backend engineer\n\nBuild APIs in Go')),
    );
  });

  it('handles resumes through their own job name', async () => {
    const { processor, repository } = setup();
    await processor.process(
      job(
        { entity: 'resume', id: RESUME_ID, contentHash: 'hash-r', modelId: MODEL },
        { name: EmbeddingJobName.EmbedResume },
      ),
    );
    expect(repository.row('resume', RESUME_ID)!.status).toBe('READY');
  });

  it('skips (completes without writing or embedding) when the content hash is stale', async () => {
    const { processor, repository, provider } = setup();
    const outcome = await processor.process(
      job({ entity: 'job', id: JOB_ID, contentHash: 'old-hash', modelId: MODEL }),
    );
    expect(outcome).toEqual({ status: 'skipped', reason: 'stale-content' });
    expect(provider.calls).toHaveLength(0);
    expect(repository.row('job', JOB_ID)!.status).toBe('PENDING');
  });

  it('skips when the content changes while the text is being embedded', async () => {
    const { processor, repository } = setup();
    repository.beforeWrite = () => {
      repository.row('job', JOB_ID)!.contentHash = 'hash-2';
    };
    const outcome = await processor.process(job({ entity: 'job', id: JOB_ID, contentHash: 'hash-1', modelId: MODEL }));
    expect(outcome).toEqual({ status: 'skipped', reason: 'stale-content' });
    expect(repository.row('job', JOB_ID)!.vector).toBeUndefined();
  });

  it('skips when the row is gone', async () => {
    const { processor } = setup();
    const outcome = await processor.process(
      job({ entity: 'job', id: '33333333-3333-4333-8333-333333333333', contentHash: 'h', modelId: MODEL }),
    );
    expect(outcome).toEqual({ status: 'skipped', reason: 'row-missing' });
  });

  it('refuses a job for another model by throwing (so BullMQ retries), without writing', async () => {
    const { processor, repository, provider } = setup();
    const payload = {
      entity: 'job' as const,
      id: JOB_ID,
      contentHash: 'hash-1',
      modelId: 'intfloat/multilingual-e5-small',
    };
    await expect(processor.process(job(payload))).rejects.toThrow(
      'Job asks for model "intfloat/multilingual-e5-small" but this embedder serves "test/deterministic"',
    );
    expect(provider.calls).toHaveLength(0);
    // Not the last attempt: the row stays PENDING, waiting for the retry.
    expect(repository.row('job', JOB_ID)!.status).toBe('PENDING');
  });

  it('throws model errors on every attempt and marks the row FAILED with the reason on the last one', async () => {
    const { processor, repository, provider } = setup();
    provider.failWith = new Error('session run failed');
    const payload = { entity: 'job' as const, id: JOB_ID, contentHash: 'hash-1', modelId: MODEL };

    await expect(processor.process(job(payload, { attemptsMade: 0 }))).rejects.toThrow('session run failed');
    expect(repository.row('job', JOB_ID)!.status).toBe('PENDING');

    const last = EMBEDDING_JOB_OPTIONS.attempts - 1;
    await expect(processor.process(job(payload, { attemptsMade: last }))).rejects.toThrow('session run failed');
    expect(repository.row('job', JOB_ID)).toMatchObject({
      status: 'FAILED',
      error: 'Embedding failed: session run failed',
    });
  });

  it('fails unrecoverably (no retries) on a malformed payload', async () => {
    const { processor } = setup();
    await expect(
      processor.process(job({ entity: 'job', id: 'not-a-uuid', contentHash: '', modelId: MODEL })),
    ).rejects.toThrow(UnrecoverableError);
    await expect(processor.process(job(null))).rejects.toThrow(/entity must be "job" or "resume"/);
    await expect(
      processor.process(
        job(
          { entity: 'resume', id: RESUME_ID, contentHash: 'hash-r', modelId: MODEL },
          { name: EmbeddingJobName.EmbedJob },
        ),
      ),
    ).rejects.toThrow(/does not match job name/);
    await expect(
      processor.process(
        job({ entity: 'job', id: JOB_ID, contentHash: 'hash-1', modelId: MODEL }, { name: 'embed-skill' }),
      ),
    ).rejects.toThrow(UnrecoverableError);
  });

  it('marks a row with no text FAILED at once (unrecoverable)', async () => {
    const { processor, repository } = setup();
    repository.put('resume', RESUME_ID, '   ', 'hash-empty');
    const payload = { entity: 'resume' as const, id: RESUME_ID, contentHash: 'hash-empty', modelId: MODEL };
    await expect(processor.process(job(payload, { name: EmbeddingJobName.EmbedResume }))).rejects.toThrow(
      UnrecoverableError,
    );
    expect(repository.row('resume', RESUME_ID)!.status).toBe('FAILED');
  });
});
