import { startTestApp, type TestApp } from './test-app';

describe('skills endpoints', () => {
  let testApp: TestApp;
  let http: ReturnType<TestApp['http']>;

  beforeAll(async () => {
    testApp = await startTestApp();
    http = testApp.http();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('GET /api/v1/skills', () => {
    it.each([
      ['k8s', 'Kubernetes', 'k8s'],
      ['postgres', 'PostgreSQL', 'Postgres'],
      ['ReactJS', 'React', 'ReactJS'],
      ['ml', 'Machine Learning', 'ML'],
    ])('finds %s by alias as %s', async (q, name, matchedTerm) => {
      const response = await http.get('/api/v1/skills').query({ q }).expect(200);
      expect(response.body.query).toBe(q);
      expect(response.body.items[0]).toMatchObject({ name, matchedTerm: expect.stringMatching(new RegExp(`^${matchedTerm}$`, 'i')) });
      expect(response.body.items[0].aliases).toEqual(expect.any(Array));
    });

    it('autocompletes from a prefix, best first, up to limit', async () => {
      const response = await http.get('/api/v1/skills').query({ q: 'java', limit: 3 }).expect(200);
      expect(response.body.items).toHaveLength(3);
      expect(response.body.items[0].name).toBe('Java');
      expect(response.body.items.map((item: { name: string }) => item.name)).toContain('JavaScript');
    });

    it('returns an empty list when nothing matches', async () => {
      const response = await http.get('/api/v1/skills').query({ q: 'zzqqxx' }).expect(200);
      expect(response.body).toEqual({ query: 'zzqqxx', items: [] });
    });

    it.each([
      ['no q', {}, 'q'],
      ['an empty q', { q: '' }, 'q'],
      ['a blank q', { q: '   ' }, 'q'],
      ['a q over 100 characters', { q: 'x'.repeat(101) }, 'q'],
      ['limit=0', { q: 'go', limit: 0 }, 'limit'],
      ['limit=51', { q: 'go', limit: 51 }, 'limit'],
      ['limit=abc', { q: 'go', limit: 'abc' }, 'limit'],
      ['an unknown parameter', { q: 'go', category: 'software' }, 'category'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_case, query, field) => {
      const response = await http.get('/api/v1/skills').query(query).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(field);
    });

    it('answers 400 for a repeated q (an array, not a string)', async () => {
      const response = await http.get('/api/v1/skills?q=a&q=b').expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /api/v1/skills/extract', () => {
    it('returns skills with requirement level and evidence spans that point into the text', async () => {
      const text = 'We build APIs in C# and .NET on k8s.\nMust have: Python, PostgreSQL.\nNice to have: Terraform, CI/CD experience.';
      const response = await http.post('/api/v1/skills/extract').send({ text }).expect(200);
      const byName = new Map<string, { requirement: string; evidence: { text: string; start: number; end: number }[] }>(
        response.body.skills.map((skill: { name: string }) => [skill.name, skill]),
      );
      for (const name of ['C#', '.NET', 'Kubernetes', 'Python', 'PostgreSQL', 'Terraform', 'CI/CD']) expect(byName.has(name)).toBe(true);
      expect(byName.get('Python')!.requirement).toBe('required');
      expect(byName.get('Terraform')!.requirement).toBe('nice-to-have');
      expect(byName.get('Kubernetes')!.evidence[0]!.text).toBe('k8s');
      for (const skill of byName.values()) {
        for (const span of skill.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
      expect(response.body.required).toEqual(expect.arrayContaining(['Python', 'PostgreSQL']));
      expect(response.body.niceToHave).toEqual(expect.arrayContaining(['Terraform']));
      expect(response.body.skills[0]).toEqual({
        name: expect.any(String),
        category: expect.any(String),
        requirement: expect.any(String),
        evidence: expect.any(Array),
        mentions: expect.any(Number),
      });
    });

    it('counts every mention but returns at most 20 evidence spans per skill', async () => {
      const text = Array.from({ length: 30 }, () => 'We use Python.').join(' ');
      const response = await http.post('/api/v1/skills/extract').send({ text }).expect(200);
      const python = response.body.skills.find((skill: { name: string }) => skill.name === 'Python');
      expect(python.mentions).toBe(30);
      expect(python.evidence).toHaveLength(20);
    });

    it('avoids the classic false positives', async () => {
      const text = 'An excellent communicator who will go to R&D meetings, swiftly fixing rusty processes.';
      const response = await http.post('/api/v1/skills/extract').send({ text }).expect(200);
      const names = response.body.skills.map((skill: { name: string }) => skill.name);
      for (const name of ['Go', 'R', 'Microsoft Excel', 'Excel', 'Swift', 'Rust']) expect(names).not.toContain(name);
    });

    it.each([
      ['a missing text', {}, 'text'],
      ['an empty text', { text: '' }, 'text'],
      ['a blank text', { text: ' \n ' }, 'text'],
      ['a text over 100 000 characters', { text: 'a'.repeat(100_001) }, 'text'],
      ['a non-string text', { text: ['Python'] }, 'text'],
      ['an unknown field', { text: 'Python', language: 'en' }, 'language'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_case, body, field) => {
      const response = await http.post('/api/v1/skills/extract').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(field);
    });

    it('answers 413 for a body over the 1 MB limit', async () => {
      const response = await http.post('/api/v1/skills/extract').send({ text: 'a'.repeat(1_100_000) }).expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });
  });
});
