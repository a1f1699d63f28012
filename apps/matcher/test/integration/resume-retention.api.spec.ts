import { embeddingJobId } from '@jobmatch/contracts';
import { freePort } from '@jobmatch/testing';
import { ResumeRetentionSweeper } from '../../src/resumes/resume-retention.sweeper';
import { MODEL_ID, startMatcher, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/**
 * RESUME_RETENTION_DAYS: the sweep deletes old resumes of every tenant the way DELETE does (row,
 * vector, queued embedding job) and leaves younger ones alone.
 */
describe('resume retention', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    h = await startMatcher({ EMBEDDER_RPC_PORT: String(await freePort()), RESUME_RETENTION_DAYS: '30' });
  });
  afterAll(() => h?.close());

  it('deletes resumes past the period with their vector and queued job, in every tenant, and keeps the rest', async () => {
    const other = await h.as({ tenant: 'retention-other' });
    const create = async (http: typeof h.http, text: string) => (await http().post('/api/v1/resumes').send({ text }).expect(201)).body as { id: string };
    const old = await create(h.http, 'Nurse with ten years of ward experience');
    const oldElsewhere = await create(other.http, 'Welder, MIG and TIG');
    const fresh = await create(h.http, 'Junior Python developer');
    await h.embed('resume', old.id, [1, 0]);
    // Back-date two of them past the 30 days.
    await h.sql(`UPDATE resumes SET created_at = now() - interval '31 days' WHERE id = ANY($1::uuid[])`, [[old.id, oldElsewhere.id]]);
    const [row] = await h.sql<{ content_hash: string }>('SELECT content_hash FROM resumes WHERE id = $1', [oldElsewhere.id]);
    const queuedJobId = embeddingJobId({ entity: 'resume', id: oldElsewhere.id, contentHash: row!.content_hash, modelId: MODEL_ID });
    expect(await h.queue.getJob(queuedJobId)).toBeDefined();

    const deleted = await h.app.get(ResumeRetentionSweeper).sweep();

    expect(deleted).toBe(2);
    const left = await h.sql<{ id: string }>('SELECT id FROM resumes ORDER BY id');
    expect(left.map((r) => r.id)).toEqual([fresh.id]);
    expect(await h.sql('SELECT 1 FROM resume_embeddings WHERE resume_id = $1', [old.id])).toEqual([]);
    expect(await h.queue.getJob(queuedJobId)).toBeUndefined();
    await h.http().get(`/api/v1/resumes/${old.id}`).expect(404);
    await h.http().get(`/api/v1/resumes/${fresh.id}`).expect(200);
    // Nothing more to do the second time.
    expect(await h.app.get(ResumeRetentionSweeper).sweep()).toBe(0);
  });
});
