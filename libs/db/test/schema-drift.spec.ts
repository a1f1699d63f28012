import { createTestDatabase, type TestDatabase } from '@jobmatch/testing';
import type { Pool } from 'pg';
import { createPgPool } from '../src';
import { createPrismaClient, type PrismaClient } from '../src/prisma';

/**
 * Migrations are written by hand where the Prisma schema engine cannot be fetched, so this test
 * catches drift: the generated client must create, read, update and delete a row of every model
 * against the freshly migrated database, and the vector tables and their HNSW indexes must exist.
 */
describe('schema.prisma and migrations agree', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ url: db.url, poolSize: 2 });
    pool = createPgPool({ url: db.url, poolSize: 1 });
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  it('round-trips every field of Job through the generated client', async () => {
    const created = await prisma.job.create({
      data: {
        title: 'Backend Engineer',
        company: 'Acme',
        location: 'Remote',
        employmentType: 'full-time',
        seniority: 'senior',
        description: 'Build APIs',
        requirements: 'Python',
        skills: ['Python'],
        requiredSkills: ['Python'],
        niceToHaveSkills: [],
        contentHash: 'abc',
        embeddingModel: 'm',
        embeddingStatus: 'READY',
        embeddingError: null,
        embeddedAt: new Date(),
      },
    });
    const read = await prisma.job.findUniqueOrThrow({ where: { id: created.id } });
    expect(read).toEqual(created);
    const updated = await prisma.job.update({ where: { id: created.id }, data: { title: 'Staff Engineer' } });
    expect(updated.title).toBe('Staff Engineer');
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    await prisma.job.delete({ where: { id: created.id } });
    expect(await prisma.job.count()).toBe(0);
  });

  it('round-trips every field of Resume through the generated client', async () => {
    const created = await prisma.resume.create({
      data: {
        fileName: 'cv.pdf',
        mimeType: 'application/pdf',
        text: 'Python developer',
        skills: ['Python'],
        profile: { seniority: 'mid', yearsExperience: 4 },
        contentHash: 'def',
        embeddingStatus: 'PENDING',
      },
    });
    const read = await prisma.resume.findUniqueOrThrow({ where: { id: created.id } });
    expect(read).toEqual(created);
    await prisma.resume.update({ where: { id: created.id }, data: { embeddingStatus: 'FAILED', embeddingError: 'x' } });
    await prisma.resume.delete({ where: { id: created.id } });
    expect(await prisma.resume.count()).toBe(0);
  });

  it('round-trips the embedding-model registry through the generated client', async () => {
    const created = await prisma.embeddingModel.create({ data: { modelId: 'drift/model', dimension: 768 } });
    expect(created).toMatchObject({ modelId: 'drift/model', dimension: 768, state: 'building', activatedAt: null, retiredAt: null, droppedAt: null });
    expect(await prisma.embeddingModel.findUniqueOrThrow({ where: { modelKey: created.modelKey } })).toEqual(created);
    const retired = await prisma.embeddingModel.update({ where: { modelId: 'drift/model' }, data: { state: 'retired', retiredAt: new Date() } });
    expect(retired.state).toBe('retired');
    await prisma.embeddingModel.delete({ where: { modelKey: created.modelKey } });
    // The default model is registered (and active) by the migration.
    expect(await prisma.embeddingModel.findMany({ select: { modelKey: true, modelId: true, dimension: true, state: true } })).toEqual([
      { modelKey: 1, modelId: 'sentence-transformers/all-MiniLM-L6-v2', dimension: 384, state: 'active' },
    ]);
  });

  it('keeps vectors as dimension-agnostic halfvec keyed by model, with a partial HNSW cosine index per model', async () => {
    const { rows: columns } = await pool.query(
      `SELECT c.table_name, format_type(a.atttypid, a.atttypmod) AS type
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = c.table_name::regclass AND a.attname = c.column_name
        WHERE c.column_name = 'embedding' AND c.table_schema = 'public' ORDER BY c.table_name`,
    );
    expect(columns).toEqual([
      { table_name: 'job_embeddings', type: 'halfvec' },
      { table_name: 'resume_embeddings', type: 'halfvec' },
    ]);
    const { rows: indexes } = await pool.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE indexdef ILIKE '%USING hnsw%' ORDER BY tablename`,
    );
    expect(indexes.map((row) => [row.tablename, row.indexname])).toEqual([
      ['job_embeddings', 'job_embeddings_m1_hnsw_idx'],
      ['resume_embeddings', 'resume_embeddings_m1_hnsw_idx'],
    ]);
    for (const row of indexes) expect(row.indexdef).toMatch(/hnsw \(\(\(embedding\)::halfvec\(384\)\) halfvec_cosine_ops\) WITH \(m='16', ef_construction='64'\) WHERE \(model_key = 1\)$/);
  });

  it('records the migration as prisma migrate deploy does', async () => {
    const { rows } = await pool.query(
      `SELECT migration_name, length(checksum) AS checksum_length, finished_at IS NOT NULL AS finished, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ checksum_length: 64, finished: true, applied_steps_count: 1 });
    }
  });
});
