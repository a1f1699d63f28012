import { freePort, onetSuite, testOnetDataFile } from '@jobmatch/testing';
import { startMatcher, type MatcherHarness } from '../support/matcher-harness';

// O*NET imported by the test itself from ../shared/data/onet-29.2 (fails in CI when missing).
const onetDataFile = testOnetDataFile();
const suite = onetSuite('occupations (O*NET imported)', onetDataFile !== null);

(suite.run ? describe : describe.skip)(suite.title, () => {
  let h: MatcherHarness;
  beforeAll(async () => {
    // Nothing listens on the embedder port: writes must not need the embedder.
    h = await startMatcher({ ONET_DATA_FILE: onetDataFile!, EMBEDDER_RPC_PORT: String(await freePort()) });
  }, 120_000);
  afterAll(() => h?.close());

  const nurseJob = {
    title: 'Registered Nurse – Cardiac Step-Down Unit',
    company: 'St. Anne',
    description: 'Monitor telemetry and document in Epic.',
    requirements: 'Required: RN license, BLS and ACLS.',
  };

  it('stores, returns and filters jobs by the occupation of their title', async () => {
    const { body: nurse } = await h.http().post('/api/v1/jobs').send(nurseJob).expect(201);
    expect(nurse.occupation).toEqual({ code: '29-1141.00', title: 'Registered Nurses' });
    const { body: backend } = await h
      .http()
      .post('/api/v1/jobs')
      .send({
        title: 'Senior Backend Engineer',
        company: 'Acme',
        description: 'Go services',
        requirements: 'Go, PostgreSQL, Docker and Kubernetes',
      })
      .expect(201);
    // One word ("engineer") decides among many occupations: the posting's skills pick Software Developers.
    expect(backend.occupation).toEqual({ code: '15-1252.00', title: 'Software Developers' });

    const [row] = await h.sql<{ occupation_code: string }>('SELECT occupation_code FROM jobs WHERE id = $1', [
      nurse.id,
    ]);
    expect(row!.occupation_code).toBe('29-1141.00');
    expect((await h.http().get(`/api/v1/jobs/${nurse.id}`).expect(200)).body.occupation.code).toBe('29-1141.00');

    const filtered = await h.http().get('/api/v1/jobs?occupation=29-1141.00').expect(200);
    expect(filtered.body.items.map((job: { id: string }) => job.id)).toEqual([nurse.id]);
    expect(filtered.body.total).toBe(1);
  });

  it('re-normalises when the title changes', async () => {
    const { body: job } = await h
      .http()
      .post('/api/v1/jobs')
      .send({ ...nurseJob, title: 'Line Cook' })
      .expect(201);
    expect(job.occupation.title).toMatch(/Cooks/);
    const { body: changed } = await h
      .http()
      .patch(`/api/v1/jobs/${job.id}`)
      .send({ title: 'Police Officer' })
      .expect(200);
    expect(changed.occupation).toEqual({ code: '33-3051.00', title: "Police and Sheriff's Patrol Officers" });
  });

  it('refuses an occupation filter that is not an O*NET-SOC code', async () => {
    const response = await h.http().get('/api/v1/jobs?occupation=nurse').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('stores and returns the occupation of a resume headline', async () => {
    const { body } = await h
      .http()
      .post('/api/v1/resumes')
      .send({ text: 'Registered Nurse\n6 years in cardiac care. Telemetry, Epic, ACLS and BLS.' })
      .expect(201);
    expect(body.occupation).toEqual({ code: '29-1141.00', title: 'Registered Nurses' });
  });
});
