import { EMBEDDING_JOB_OPTIONS, embeddingJobId, jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import { freePort } from '@jobmatch/testing';
import { PendingEmbeddingsSweeper } from '../../src/queue/pending-embeddings.sweeper';
import { makeDocx, makePdf } from '../support/documents';
import { MODEL_ID, startMatcher, type MatcherHarness } from '../support/matcher-harness';

jest.setTimeout(60_000);

/**
 * Jobs and resumes CRUD, upload handling and validation against real Postgres + Redis (BullMQ).
 * No embedder is needed here: writes only enqueue embedding jobs.
 */
describe('jobs and resumes API', () => {
  let h: MatcherHarness;

  beforeAll(async () => {
    h = await startMatcher({
      EMBEDDER_RPC_PORT: String(await freePort()), // nothing listens: writes must not need the embedder
      UPLOAD_MAX_BYTES: String(200_000),
      UPLOAD_MAX_PAGES: '3',
      RESUME_MAX_CHARS: '5000',
    });
  });
  afterAll(() => h?.close());

  const pythonJob = {
    title: 'Python Backend Engineer',
    company: 'Acme Analytics',
    location: 'Berlin, Germany',
    employmentType: 'full-time',
    seniority: 'senior',
    description: 'Build REST APIs and data pipelines for retail analytics.',
    requirements: 'Required: Python, Django and PostgreSQL.\nNice to have: Kubernetes.',
  };

  describe('jobs', () => {
    it('creates a job: skills extracted, content hash stored, embedding job queued', async () => {
      const response = await h.http().post('/api/v1/jobs').send(pythonJob).expect(201);
      const job = response.body;
      expect(job).toMatchObject({
        title: pythonJob.title,
        seniority: 'senior',
        embedding: { status: 'PENDING', queued: true, model: null },
      });
      expect(job.requiredSkills).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL']));
      expect(job.niceToHaveSkills).toContain('Kubernetes');

      const contentHash = sha256Hex(jobEmbeddingText(pythonJob));
      const [row] = await h.sql<{ content_hash: string }>('SELECT content_hash FROM jobs WHERE id = $1', [job.id]);
      expect(row!.content_hash).toBe(contentHash);
      const queued = await h.queue.getJob(
        embeddingJobId({ entity: 'job', id: job.id, contentHash, modelId: MODEL_ID }),
      );
      expect(queued?.name).toBe('embed-job');
      expect(queued?.data).toEqual({ entity: 'job', id: job.id, contentHash, modelId: MODEL_ID });
      expect(queued?.opts.attempts).toBe(EMBEDDING_JOB_OPTIONS.attempts);
    });

    it('re-enqueues only when the embedded text changes', async () => {
      const { body: job } = await h
        .http()
        .post('/api/v1/jobs')
        .send({ ...pythonJob, title: 'Data Engineer' })
        .expect(201);
      const countBefore = await h.queue.count();

      const unchanged = await h
        .http()
        .patch(`/api/v1/jobs/${job.id}`)
        .send({ company: 'Other Co', location: 'Hamburg' })
        .expect(200);
      expect(unchanged.body).toMatchObject({ company: 'Other Co', location: 'Hamburg', embedding: { queued: true } });
      // Still PENDING (never embedded), so the same idempotent job id is re-added: no new queue entry.
      expect(await h.queue.count()).toBe(countBefore);

      await h.embed('job', job.id, [1, 0]);
      const stillReady = await h.http().patch(`/api/v1/jobs/${job.id}`).send({ seniority: 'lead' }).expect(200);
      expect(stillReady.body.embedding).toMatchObject({ status: 'READY', queued: false, model: MODEL_ID });

      const changed = await h
        .http()
        .patch(`/api/v1/jobs/${job.id}`)
        .send({ requirements: 'Required: Go and Kubernetes' })
        .expect(200);
      expect(changed.body.embedding).toMatchObject({ status: 'PENDING', queued: true });
      expect(changed.body.requiredSkills).toEqual(expect.arrayContaining(['Go', 'Kubernetes']));
      expect(await h.queue.count()).toBe(countBefore + 1);
    });

    it('re-enqueues PENDING rows whose enqueue never reached the queue (sweeper)', async () => {
      const { body: job } = await h
        .http()
        .post('/api/v1/jobs')
        .send({ ...pythonJob, title: 'Lost enqueue' })
        .expect(201);
      const [row] = await h.sql<{ content_hash: string }>('SELECT content_hash FROM jobs WHERE id = $1', [job.id]);
      const jobId = embeddingJobId({ entity: 'job', id: job.id, contentHash: row!.content_hash, modelId: MODEL_ID });
      await h.queue.remove(jobId); // as if Redis had been down during the write
      expect(await h.queue.getJob(jobId)).toBeUndefined();
      const swept = await h.app.get(PendingEmbeddingsSweeper).sweep(0);
      expect(swept).toBeGreaterThanOrEqual(1);
      expect((await h.queue.getJob(jobId))?.data).toMatchObject({ entity: 'job', id: job.id });
    });

    it('lists with filters and pagination', async () => {
      await h
        .http()
        .post('/api/v1/jobs')
        .send({
          ...pythonJob,
          title: 'Nurse',
          company: 'City Hospital',
          location: 'Munich',
          seniority: 'mid',
          employmentType: 'part-time',
        })
        .expect(201);
      const all = await h.http().get('/api/v1/jobs?limit=1&offset=0').expect(200);
      expect(all.body).toMatchObject({ limit: 1, offset: 0 });
      expect(all.body.items).toHaveLength(1);
      expect(all.body.total).toBeGreaterThanOrEqual(3);

      const byCompany = await h.http().get('/api/v1/jobs?company=city%20hospital').expect(200);
      expect(byCompany.body.items.map((job: { title: string }) => job.title)).toEqual(['Nurse']);
      const byLocation = await h
        .http()
        .get('/api/v1/jobs?location=munich&seniority=MID&employmentType=part-time')
        .expect(200);
      expect(byLocation.body.total).toBe(1);
      const none = await h.http().get('/api/v1/jobs?location=Tokyo').expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0 });
    });

    it('gets and deletes; 404 for unknown ids and 400 for malformed ones', async () => {
      const { body: job } = await h.http().post('/api/v1/jobs').send(pythonJob).expect(201);
      await h.http().get(`/api/v1/jobs/${job.id}`).expect(200);
      await h.http().delete(`/api/v1/jobs/${job.id}`).expect(204);
      const missing = await h.http().get(`/api/v1/jobs/${job.id}`).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      await h.http().delete(`/api/v1/jobs/${job.id}`).expect(404);
      await h.http().patch(`/api/v1/jobs/${job.id}`).send({ title: 'x' }).expect(404);
      const malformed = await h.http().get('/api/v1/jobs/1%20OR%201=1').expect(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'INVALID_ID' });
    });

    it.each([
      ['unknown field', { ...pythonJob, salary: 100 }, /salary/],
      ['missing title', { ...pythonJob, title: undefined }, /title/],
      ['over-long title', { ...pythonJob, title: 'x'.repeat(201) }, /title/],
      ['unknown seniority', { ...pythonJob, seniority: 'wizard' }, /seniority/],
      ['non-string description', { ...pythonJob, description: 42 }, /description/],
    ])('rejects %s with 400 VALIDATION_FAILED', async (_name, body, field) => {
      const response = await h.http().post('/api/v1/jobs').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toMatch(field);
    });

    it('rejects malformed JSON and bad query parameters', async () => {
      const bad = await h
        .http()
        .post('/api/v1/jobs')
        .set('Content-Type', 'application/json')
        .send('{"title": ')
        .expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
      await h.http().get('/api/v1/jobs?limit=1000').expect(400);
      await h.http().get('/api/v1/jobs?limit=abc').expect(400);
      await h.http().get('/api/v1/jobs?sort=title').expect(400);
    });
  });

  describe('resumes', () => {
    const resumeText = [
      'Jane Doe',
      'jane@example.com | +49 151 1234 5678',
      'Senior Python Developer',
      'Location: Berlin, Germany',
      '6 years of experience building Django and PostgreSQL services.',
    ].join('\n');

    it('creates a resume from JSON text with skills and a contact-free profile, and queues it', async () => {
      const { body } = await h
        .http()
        .post('/api/v1/resumes')
        .send({ text: resumeText, fileName: 'jane.txt' })
        .expect(201);
      expect(body.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL']));
      expect(body.profile).toEqual({
        headline: 'Senior Python Developer',
        seniority: 'senior',
        yearsOfExperience: 6,
        location: 'Berlin, Germany',
      });
      expect(JSON.stringify(body.profile)).not.toMatch(/jane|@|151/i);
      expect(body.embedding).toMatchObject({ status: 'PENDING', queued: true });
      const [row] = await h.sql<{ content_hash: string; text: string }>(
        'SELECT content_hash, text FROM resumes WHERE id = $1',
        [body.id],
      );
      expect(row!.text).toBe(resumeText); // the original is stored; what is embedded leaves out the contact details
      expect(
        await h.queue.getJob(
          embeddingJobId({ entity: 'resume', id: body.id, contentHash: row!.content_hash, modelId: MODEL_ID }),
        ),
      ).toBeDefined();

      // Contact details are not returned by default (#14), only when asked for.
      const fetched = await h.http().get(`/api/v1/resumes/${body.id}`).expect(200);
      expect(fetched.body.text).toBe(resumeText.replace('jane@example.com | +49 151 1234 5678', '[email] | [phone]'));
      const withContact = await h.http().get(`/api/v1/resumes/${body.id}?contactDetails=include`).expect(200);
      expect(withContact.body.text).toBe(resumeText);
      await h.http().get(`/api/v1/resumes/${body.id}?contactDetails=everything`).expect(400);
      const list = await h.http().get('/api/v1/resumes?limit=5').expect(200);
      expect(list.body.items.some((item: { id: string }) => item.id === body.id)).toBe(true);
    });

    it('exports everything held about a resume, and deleting it removes the row and its waiting job', async () => {
      const { body } = await h.http().post('/api/v1/resumes').send({ text: resumeText }).expect(201);
      const [row] = await h.sql<{ content_hash: string }>('SELECT content_hash FROM resumes WHERE id = $1', [body.id]);
      const jobId = embeddingJobId({
        entity: 'resume',
        id: body.id,
        contentHash: row!.content_hash,
        modelId: MODEL_ID,
      });
      expect(await h.queue.getJob(jobId)).toBeDefined();
      await h.embed('resume', body.id, [1, 2, 3]);

      const exported = await h.http().get(`/api/v1/resumes/${body.id}/export`).expect(200);
      expect(exported.body.resume).toMatchObject({
        id: body.id,
        text: resumeText,
        skills: body.skills,
        profile: body.profile,
      });
      expect(exported.body.embedding).toMatchObject({ modelId: MODEL_ID, dimension: 384 });
      expect(exported.body.embedding.vector).toHaveLength(384);
      expect(exported.body.notes.length).toBeGreaterThan(0);

      await h.http().delete(`/api/v1/resumes/${body.id}`).expect(204);
      expect(await h.sql('SELECT id FROM resumes WHERE id = $1', [body.id])).toEqual([]);
      expect(await h.queue.getJob(jobId)).toBeUndefined();
      await h.http().get(`/api/v1/resumes/${body.id}/export`).expect(404);
      await h.http().delete(`/api/v1/resumes/${body.id}`).expect(404);
    });

    it('answers 413 for text over RESUME_MAX_CHARS and 422 for text without content', async () => {
      const tooLong = await h
        .http()
        .post('/api/v1/resumes')
        .send({ text: 'word '.repeat(2000) })
        .expect(413);
      expect(tooLong.body).toMatchObject({ code: 'TEXT_TOO_LONG' });
      expect(tooLong.body.message).toMatch(/limit is 5000/);
      const empty = await h.http().post('/api/v1/resumes').send({ text: ' \n -- \n ' }).expect(422);
      expect(empty.body).toMatchObject({ code: 'UNREADABLE_DOCUMENT' });
      await h.http().post('/api/v1/resumes').send({ text: 'ok', fileName: '../etc/passwd' }).expect(400);
      await h.http().post('/api/v1/resumes').send({ text: 'ok', email: 'x@y.z' }).expect(400);
    });

    it('uploads a PDF, a DOCX and a plain-text file', async () => {
      const pdf = await makePdf([['Data Engineer', 'Python, Apache Spark and SQL'], ['Location: Hamburg']]);
      const fromPdf = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', pdf, { filename: 'cv.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(fromPdf.body).toMatchObject({
        fileName: 'cv.pdf',
        mimeType: 'application/pdf',
        profile: { headline: 'Data Engineer', location: 'Hamburg' },
      });
      expect(fromPdf.body.skills).toEqual(expect.arrayContaining(['Python', 'SQL']));

      const docx = await makeDocx(['Registered Nurse', 'Patient care and wound care in intensive care units']);
      const fromDocx = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', docx, { filename: 'cv.docx' })
        .expect(201);
      expect(fromDocx.body.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(fromDocx.body.profile.headline).toBe('Registered Nurse');

      const txt = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', Buffer.from('Frontend Developer\nReact and TypeScript'), {
          filename: 'cv.txt',
          contentType: 'text/plain',
        })
        .expect(201);
      expect(txt.body.skills).toEqual(expect.arrayContaining(['React', 'TypeScript']));
    });

    it('answers 415 for unsupported files and non-multipart uploads', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const image = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', png, { filename: 'cv.png', contentType: 'image/png' })
        .expect(415);
      expect(image.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(image.body.message).toMatch(/PDF.*\.docx.*plain-text/);
      // A picture renamed to .pdf is still not a PDF.
      await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', png, { filename: 'cv.pdf', contentType: 'application/pdf' })
        .expect(415);
      const json = await h.http().post('/api/v1/resumes/upload').send({ text: 'hello' }).expect(415);
      expect(json.body.message).toMatch(/multipart\/form-data/);
    });

    it('answers 413 above the size cap and the page cap', async () => {
      const big = Buffer.alloc(250_000, 'a');
      const tooBig = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', big, { filename: 'cv.txt', contentType: 'text/plain' });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toMatchObject({ code: 'FILE_TOO_LARGE' });
      expect(tooBig.body.message).toMatch(/0\.2 MB limit/);

      const pages = await makePdf([['one'], ['two'], ['three'], ['four']]);
      const tooManyPages = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', pages, { filename: 'cv.pdf', contentType: 'application/pdf' })
        .expect(413);
      expect(tooManyPages.body).toMatchObject({ code: 'TOO_MANY_PAGES' });
      expect(tooManyPages.body.message).toMatch(/4 pages.*3 pages/);
    });

    it('answers 422 for damaged, empty or text-less documents', async () => {
      const damaged = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', Buffer.from('%PDF-1.7\nthis is not really a pdf'), { filename: 'cv.pdf' })
        .expect(422);
      expect(damaged.body).toMatchObject({ code: 'UNREADABLE_DOCUMENT' });
      expect(damaged.body.message).toMatch(/PDF could not be read/);

      const blank = await makePdf([[]]);
      const scanned = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', blank, { filename: 'scan.pdf' })
        .expect(422);
      expect(scanned.body.message).toMatch(/No text could be found in this PDF/);

      const brokenDocx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
      const docx = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', brokenDocx, { filename: 'cv.docx' })
        .expect(422);
      expect(docx.body.message).toMatch(/Word document could not be read/);

      await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', Buffer.alloc(0), { filename: 'cv.txt', contentType: 'text/plain' })
        .expect(422);
      const binary = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', Buffer.from([65, 0, 66]), { filename: 'cv.txt', contentType: 'text/plain' })
        .expect(422);
      expect(binary.body.message).toMatch(/binary data/);
    });

    it('answers 400 when the multipart body has no file', async () => {
      const response = await h.http().post('/api/v1/resumes/upload').field('note', 'no file').expect(400);
      expect(response.body.message).toMatch(/"file" form field/);
    });

    it('answers 400 for a second file or a file in another field', async () => {
      const txt = (text: string) => Buffer.from(text);
      const two = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('file', txt('React'), 'a.txt')
        .attach('file', txt('Vue'), 'b.txt')
        .expect(400);
      expect(two.body).toMatchObject({ code: 'INVALID_UPLOAD', message: expect.stringMatching(/exactly one file/) });
      const elsewhere = await h
        .http()
        .post('/api/v1/resumes/upload')
        .attach('resume', txt('React'), 'a.txt')
        .expect(400);
      expect(elsewhere.body).toMatchObject({
        code: 'INVALID_UPLOAD',
        message: expect.stringMatching(/exactly one file/),
      });
    });

    it('deletes; 404 afterwards', async () => {
      const { body } = await h
        .http()
        .post('/api/v1/resumes')
        .send({ text: 'Welder with MIG welding experience' })
        .expect(201);
      await h.http().delete(`/api/v1/resumes/${body.id}`).expect(204);
      await h.http().get(`/api/v1/resumes/${body.id}`).expect(404);
      await h.http().delete(`/api/v1/resumes/${body.id}`).expect(404);
      await h.http().get('/api/v1/resumes/not-a-uuid').expect(400);
    });
  });
});
