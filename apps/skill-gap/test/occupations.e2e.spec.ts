import { JobRepository, ResumeRepository, VectorStore, type Job } from '@jobmatch/db';
import { DEMAND_PRIOR_POSTINGS } from '@jobmatch/skills';
import { onetSuite, testOnetDataFile } from '@jobmatch/testing';
import { MODEL_ID, startTestApp, vectorWithSimilarity, type TestApp } from './test-app';

// O*NET imported by the test itself from ../shared/data/onet-29.2 (fails in CI when missing).
const onetDataFile = testOnetDataFile();
const suite = onetSuite('skill-gap with O*NET imported', onetDataFile !== null);

(suite.run ? describe : describe.skip)(suite.title, () => {
  let testApp: TestApp;
  let http: ReturnType<TestApp['http']>;
  let jobRepository: JobRepository;

  beforeAll(async () => {
    testApp = await startTestApp({ ONET_DATA_FILE: onetDataFile! });
    http = testApp.http();
    jobRepository = testApp.app.get(JobRepository);
  }, 120_000);
  afterAll(() => testApp?.close());

  const storeJob = (title: string, requiredSkills: string[], occupationCode: string | null): Promise<Job> =>
    jobRepository.create(testApp.apiKey.tenantId, {
      title,
      company: 'Acme',
      description: title,
      requirements: '',
      skills: requiredSkills,
      requiredSkills,
      niceToHaveSkills: [],
      occupationCode,
      occupationTitle: occupationCode ? 'Software Developers' : null,
      contentHash: `hash-${title}`,
    });

  it('GET /skills/sources shows the O*NET release with its attribution', async () => {
    const { body } = await http.get('/api/v1/skills/sources').expect(200);
    expect(body.skills).toBeGreaterThanOrEqual(5000);
    expect(body.onet).toEqual(
      expect.objectContaining({
        release: '29.2',
        occupations: 1016,
        attribution: expect.stringContaining('CC BY 4.0'),
      }),
    );
    expect(body.onet.attribution).toContain('U.S. Department of Labor, Employment and Training Administration');
  });

  it('GET /skills tells where each skill comes from', async () => {
    const { body } = await http.get('/api/v1/skills?q=zabbix').expect(200);
    expect(body.items[0]).toEqual(expect.objectContaining({ name: 'Zabbix', source: 'onet', onetName: 'Zabbix' }));
    const excel = (await http.get('/api/v1/skills?q=excel').expect(200)).body.items.find(
      (item: { name: string }) => item.name === 'Microsoft Excel',
    );
    expect(excel).toEqual(expect.objectContaining({ source: 'curated', onetName: 'Microsoft Excel' }));
  });

  it('POST /skills/extract returns the occupation of the given title', async () => {
    const { body } = await http
      .post('/api/v1/skills/extract')
      .send({ text: 'Telemetry, Epic, ACLS.', title: 'Registered Nurse – ICU' })
      .expect(200);
    expect(body.occupation).toEqual({
      code: '29-1141.00',
      title: 'Registered Nurses',
      matchedTitle: 'registered nurse',
      match: 'exact',
    });
    const untitled = await http.post('/api/v1/skills/extract').send({ text: 'Telemetry, Epic, ACLS.' }).expect(200);
    expect(untitled.body.occupation).toBeNull();
  });

  it('orders missing skills by occupation demand: O*NET flags as the prior, then the stored postings of the occupation', async () => {
    const job = await storeJob('Backend Engineer', ['COBOL', 'Git', 'Kubernetes'], '15-1252.00');
    const gap = async () =>
      (
        await http
          .post('/api/v1/skill-gap')
          .send({ resume: { text: 'Python and Django.' }, job: { id: job.id } })
          .expect(200)
      ).body;
    const before = await gap();
    expect(before.job.occupation).toEqual({ code: '15-1252.00', title: 'Software Developers' });
    expect(before.occupationDemandMethod).toContain('O*NET');
    const demands = before.missingRequired.map((skill: { occupationDemand: number }) => skill.occupationDemand);
    expect([...demands].sort((a, b) => b - a)).toEqual(demands);
    // Git is a Hot Technology of Software Developers; with one stored posting (this one) listing all three:
    const git = before.missingRequired.find((skill: { name: string }) => skill.name === 'Git');
    expect(git.occupationDemand).toBeCloseTo((1 + DEMAND_PRIOR_POSTINGS * (3 / 3)) / (1 + DEMAND_PRIOR_POSTINGS), 3);

    // The project's own postings of the occupation move a skill O*NET does not flag up the list.
    for (let i = 0; i < 40; i++) await storeJob(`Backend ${i}`, ['COBOL'], '15-1252.00');
    const after = await gap();
    const cobol = after.missingRequired.find((skill: { name: string }) => skill.name === 'COBOL');
    expect(cobol.occupationDemand).toBeGreaterThan(
      before.missingRequired.find((skill: { name: string }) => skill.name === 'COBOL').occupationDemand,
    );
    expect(after.missingRequired[0].name).toBe('COBOL');
  });

  it('uses the title of a text job, and leaves the order alone without an occupation', async () => {
    const titled = await http
      .post('/api/v1/skill-gap')
      .send({ resume: { text: 'Python.' }, job: { text: 'Required: Git, Kubernetes.', title: 'Software Developer' } })
      .expect(200);
    expect(titled.body.job.occupation.code).toBe('15-1252.00');
    const untitled = await http
      .post('/api/v1/skill-gap')
      .send({ resume: { text: 'Python.' }, job: { text: 'Required: Kubernetes, Git.' } })
      .expect(200);
    expect(untitled.body.job.occupation).toBeUndefined();
    expect(untitled.body.missingRequired.map((skill: { name: string }) => skill.name)).toEqual(['Kubernetes', 'Git']);
    expect(untitled.body.missingRequired[0].occupationDemand).toBeUndefined();
  });

  it("GET /resumes/:id/skill-gap orders each job's missing skills by its occupation's demand and shows the occupation", async () => {
    const vectors = testApp.app.get(VectorStore);
    const resume = await testApp.app
      .get(ResumeRepository)
      .create(testApp.apiKey.tenantId, { text: 'Python.', skills: ['Python'], profile: {}, contentHash: 'resume-gap' });
    expect(await vectors.writeEmbedding('resume', resume.id, vectorWithSimilarity(1, 1), MODEL_ID, 'resume-gap')).toBe(
      true,
    );
    // Phlebotomy first in the posting; Git is what O*NET flags for Software Developers.
    const developer = await storeJob('Software Developer (recommended)', ['Phlebotomy', 'Git'], '15-1252.00');
    const untitled = await storeJob('Unknown (recommended)', ['Phlebotomy', 'Git'], null);
    expect(
      await vectors.writeEmbedding(
        'job',
        developer.id,
        vectorWithSimilarity(0.9, 2),
        MODEL_ID,
        'hash-Software Developer (recommended)',
      ),
    ).toBe(true);
    expect(
      await vectors.writeEmbedding(
        'job',
        untitled.id,
        vectorWithSimilarity(0.5, 3),
        MODEL_ID,
        'hash-Unknown (recommended)',
      ),
    ).toBe(true);

    const { body } = await http.get(`/api/v1/resumes/${resume.id}/skill-gap?jobs=5`).expect(200);
    const [first, second] = body.jobs;
    expect(first).toMatchObject({
      id: developer.id,
      occupation: { code: '15-1252.00', title: 'Software Developers' },
      missingRequired: ['Git', 'Phlebotomy'],
    });
    expect(second.id).toBe(untitled.id);
    expect(second.occupation).toBeUndefined();
    expect(second.missingRequired).toEqual(['Phlebotomy', 'Git']);
    expect(body.occupationDemandMethod).toContain('O*NET');
    const git = body.learningPriorities.find((p: { skill: string }) => p.skill === 'Git');
    expect(git.occupationDemand).toBeGreaterThan(
      body.learningPriorities.find((p: { skill: string }) => p.skill === 'Phlebotomy').occupationDemand,
    );
  });
});
