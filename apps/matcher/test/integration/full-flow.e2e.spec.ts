import { prepareTestModelDir } from '@jobmatch/onnx-testkit';
import { freePort, startEmbedderProcess, TEST_REDIS_URL, type EmbedderProcess } from '@jobmatch/testing';
import { makeDocx, makePdf } from '../support/documents';
import { MODEL_ID, startMatcher, waitFor, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(180_000);

/**
 * The whole path with a real embedder child process (a generated 384-d BERT model, real
 * tokenizer when ../shared has it) and its BullMQ worker: create jobs → upload a PDF resume →
 * wait for the queue to embed everything → recommendations with explanations; search through
 * the RPC and the shared query cache; the circuit breaker opening when the embedder stops and
 * closing when it is back.
 */
const RPC_SECRET = 'full-flow-rpc-secret-0123456789';

describe('matcher end to end with a real embedder', () => {
  let h: MatcherHarness;
  let embedder: EmbedderProcess | undefined;
  let modelRoot: string;
  let modelSpec: { id: string };
  let rpcPort: number;
  const ids: Record<string, string> = {};

  const startEmbedder = async () => {
    embedder = await startEmbedderProcess({
      databaseUrl: h.db.url,
      redisUrl: TEST_REDIS_URL,
      redisKeyPrefix: h.redisPrefix,
      modelDir: modelRoot,
      modelSpec,
      rpcPort,
      // Both sides share an RPC secret, as deployed: every call of the matcher's client must carry it.
      env: { QUEUE_CONCURRENCY: '2', LOG_LEVEL: 'warn', EMBEDDER_RPC_SECRET: RPC_SECRET },
    });
  };

  const embeddingStatus = async (kind: 'jobs' | 'resumes', id: string) =>
    (await h.http().get(`/api/v1/${kind}/${id}`).expect(200)).body.embedding.status as string;
  const waitUntilReady = (kind: 'jobs' | 'resumes', id: string) =>
    waitFor(`${kind} ${id} to be embedded`, async () => (await embeddingStatus(kind, id)) === 'READY', 60_000);

  beforeAll(async () => {
    const model = await prepareTestModelDir({ preset: 'mini384' });
    modelRoot = model.modelRoot;
    modelSpec = model.spec;
    rpcPort = await freePort();
    h = await startMatcher({
      EMBEDDER_RPC_PORT: String(rpcPort),
      EMBEDDER_TIMEOUT_MS: '3000',
      BREAKER_RESET_MS: '1500',
      EMBEDDER_RPC_SECRET: RPC_SECRET,
    });
    await startEmbedder();
  });
  afterAll(async () => {
    await embedder?.stop();
    await h?.close();
  });

  it('embeds created jobs and an uploaded PDF resume, then recommends with explanations', async () => {
    const jobs = {
      python: {
        title: 'Python Backend Engineer',
        company: 'Acme Analytics',
        location: 'Berlin, Germany',
        seniority: 'senior',
        description: 'Build REST APIs and data pipelines for our analytics product.',
        requirements: 'Required: Python, Django and PostgreSQL\nExperience with REST APIs\nNice to have: Docker',
      },
      nurse: {
        title: 'Registered Nurse',
        company: 'City Hospital',
        location: 'Munich, Germany',
        seniority: 'mid',
        description: 'Care for patients on a busy surgical ward.',
        requirements: 'Required: patient care, wound care and medication administration\nValid nursing license',
      },
    };
    for (const [key, body] of Object.entries(jobs)) {
      const { body: job } = await h.http().post('/api/v1/jobs').send(body).expect(201);
      expect(job.embedding.status).toBe('PENDING');
      ids[key] = job.id;
    }
    const pdf = await makePdf([
      [
        'Alex Example',
        'alex@example.com  +49 170 0000000',
        'Senior Python Developer',
        'Location: Berlin, Germany',
        '7 years of experience building Django and PostgreSQL backends.',
        'Designed REST APIs, wrote Celery workers, deployed with Docker.',
      ],
    ]);
    const upload = await h
      .http()
      .post('/api/v1/resumes/upload')
      .attach('file', pdf, { filename: 'alex.pdf', contentType: 'application/pdf' })
      .expect(201);
    ids.resume = upload.body.id;
    expect(upload.body.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL']));
    expect(upload.body.profile).toMatchObject({
      headline: 'Senior Python Developer',
      location: 'Berlin, Germany',
      seniority: 'senior',
    });

    // Recommendations before the vector exists are a 409 with the status, not an empty list.
    if ((await embeddingStatus('resumes', ids.resume)) !== 'READY') {
      const early = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations`);
      if (early.status === 409) expect(early.body.details.embeddingStatus).toBe('PENDING');
    }

    await Promise.all([
      waitUntilReady('jobs', ids.python!),
      waitUntilReady('jobs', ids.nurse!),
      waitUntilReady('resumes', ids.resume),
    ]);
    const [row] = await h.sql<{ model: string; dims: number }>(
      `SELECT r.embedding_model AS model, vector_dims(e.embedding) AS dims
         FROM resumes r JOIN resume_embeddings e ON e.resume_id = r.id JOIN embedding_models m ON m.model_key = e.model_key AND m.model_id = r.embedding_model
        WHERE r.id = $1`,
      [ids.resume],
    );
    expect(row).toEqual({ model: MODEL_ID, dims: 384 });

    const { body } = await h.http().get(`/api/v1/resumes/${ids.resume}/recommendations`).expect(200);
    expect(body.results).toHaveLength(2);
    const byJob = Object.fromEntries(body.results.map((r: { job: { id: string } }) => [r.job.id, r]));
    const python = byJob[ids.python!];
    const nurse = byJob[ids.nurse!];
    // The generated model has random weights: its vectors carry no meaning, so the semantic
    // factor cannot rank these sensibly. What must hold is the skill component: the Python/Django
    // resume covers the Python job's skills and none of the nursing job's (issue 4, "Done when").
    expect(python.match.factors.skills.score).toBeGreaterThan(nurse.match.factors.skills.score);
    expect(python.match.factors.skills.score).toBeGreaterThan(0.8);
    expect(nurse.match.factors.skills.score).toBe(0);
    expect(python.match.factors.skills.contribution).toBeGreaterThan(nurse.match.factors.skills.contribution);
    // Location and seniority fit the Python job too; with similarities alike the overall order follows.
    expect(python.match.factors.other.score).toBeGreaterThan(nurse.match.factors.other.score);
    expect(python.match.explanation.matchedSkills.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Python', 'Django', 'PostgreSQL']),
    );
    expect(python.match.explanation.strongestRequirementLines[0].matchedSkills).toEqual(
      expect.arrayContaining(['Python', 'Django', 'PostgreSQL']),
    );
    expect(nurse.match.explanation.missingRequiredSkills.length).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(result.similarity).toBeGreaterThanOrEqual(0);
      expect(result.similarity).toBeLessThanOrEqual(1);
      expect(result.match.score).toBeGreaterThanOrEqual(0);
      expect(result.match.score).toBeLessThanOrEqual(100);
    }

    const candidates = await h.http().get(`/api/v1/jobs/${ids.python}/candidates`).expect(200);
    expect(candidates.body.results[0].resume.id).toBe(ids.resume);
    const match = await h
      .http()
      .post('/api/v1/matching/calculate')
      .send({ jobId: ids.python, resumeId: ids.resume })
      .expect(200);
    expect(match.body.score).toBeCloseTo(python.match.score, 1);
  });

  it('embeds a DOCX upload through the queue as well', async () => {
    const docx = await makeDocx([
      'Registered Nurse',
      'Patient care, wound care and medication administration on surgical wards.',
    ]);
    const { body } = await h
      .http()
      .post('/api/v1/resumes/upload')
      .attach('file', docx, { filename: 'nurse.docx' })
      .expect(201);
    await waitUntilReady('resumes', body.id);
    const recs = await h.http().get(`/api/v1/resumes/${body.id}/recommendations`).expect(200);
    const nurseJob = recs.body.results.find((r: { job: { id: string } }) => r.job.id === ids.nurse);
    const pythonJob = recs.body.results.find((r: { job: { id: string } }) => r.job.id === ids.python);
    expect(nurseJob.match.factors.skills.score).toBeGreaterThan(pythonJob.match.factors.skills.score);
  });

  it('searches through the embedder, then serves the same query from the shared cache', async () => {
    const first = await h
      .http()
      .post('/api/v1/search')
      .send({ query: 'python django developer', target: 'jobs', limit: 5 })
      .expect(200);
    expect(first.body.cached).toBe(false);
    expect(first.body.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(first.body.results[0].similarity).toBeGreaterThanOrEqual(first.body.results[1].similarity);
    const again = await h
      .http()
      .post('/api/v1/search')
      .send({ query: 'python  django developer ', target: 'jobs', limit: 5 })
      .expect(200);
    expect(again.body.cached).toBe(true);
    expect(again.body.results.map((r: { id: string }) => r.id)).toEqual(
      first.body.results.map((r: { id: string }) => r.id),
    );
    const resumes = await h.http().post('/api/v1/search').send({ query: 'nurse', target: 'resumes' }).expect(200);
    expect(resumes.body.results.length).toBeGreaterThan(0);
    await h.http().get('/health/ready').expect(200);
  });

  it('opens the circuit when the embedder stops (503 + Retry-After, writes still accepted) and closes it when it is back', async () => {
    await embedder!.stop();
    embedder = undefined;

    let response = await h.http().post('/api/v1/search').send({ query: 'outage query 0', target: 'jobs' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    for (let i = 1; i < 6 && !/circuit open/.test(response.body.message); i++) {
      response = await h
        .http()
        .post('/api/v1/search')
        .send({ query: `outage query ${i}`, target: 'jobs' });
      expect(response.status).toBe(503);
    }
    expect(response.body).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'embedder' } });
    expect(response.body.message).toMatch(/circuit open/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // A cached query still answers; a write is accepted and waits in the queue.
    await h.http().post('/api/v1/search').send({ query: 'python django developer', target: 'jobs' }).expect(200);
    const { body: job } = await h
      .http()
      .post('/api/v1/jobs')
      .send({
        title: 'Django Developer',
        company: 'Late Co',
        description: 'Posted while the embedder was down',
        requirements: 'Python, Django',
      })
      .expect(201);
    expect(job.embedding).toMatchObject({ status: 'PENDING', queued: true });
    await h.http().get('/health/ready').expect(503);

    await startEmbedder();
    // After BREAKER_RESET_MS the next call is a trial; once it succeeds the circuit is closed.
    const recovered = await waitFor(
      'the circuit to close',
      async () => {
        const attempt = await h.http().post('/api/v1/search').send({ query: 'after recovery', target: 'jobs' });
        return attempt.status === 200 ? attempt : null;
      },
      30_000,
      500,
    );
    expect(recovered.body.cached).toBe(false);
    await waitUntilReady('jobs', job.id);
  });
});
