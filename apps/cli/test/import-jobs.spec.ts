import { mkdtempSync, rmSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddingJobId, jobEmbeddingText, sha256Hex } from '@jobmatch/contracts';
import { startCliHarness, type CliHarness } from './cli-harness';

jest.setTimeout(180_000);

const MODEL_ID = 'sentence-transformers/all-MiniLM-L6-v2';

describe('cli import jobs', () => {
  let h: CliHarness;
  const dir = mkdtempSync(join(tmpdir(), 'cli-import-jobs-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(async () => {
    h = await startCliHarness();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const posting = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    title: 'Backend Engineer',
    company: 'Acme',
    description: 'Build REST APIs with Python and Django on PostgreSQL.',
    requirements: 'Required: Python. Nice to have: Kubernetes.',
    ...extra,
  });

  it('imports JSON Lines: good rows upserted and queued, bad ones reported with line numbers, the rest goes on', async () => {
    const path = file(
      'jobs.jsonl',
      [
        JSON.stringify(posting('a-1', { seniority: 'Senior', location: 'Berlin' })),
        JSON.stringify(posting('a-2', { status: 'closed' })),
        '{not json',
        JSON.stringify({ title: 'No id', company: 'X', description: 'y' }),
        '',
        JSON.stringify(posting('a-3', { title: '' })),
        JSON.stringify(posting('a-4', { seniority: 'guru' })),
        JSON.stringify(posting('a-5', { salary: 100 })),
        JSON.stringify(posting('a-6', { expiresAt: '2030-01-31T00:00:00Z' })),
      ].join('\n'),
    );
    const rejects = join(dir, 'rejects.jsonl');
    const { result, summary } = await h.cliJson(['import', 'jobs', '--file', path, '--rejects', rejects]);
    expect(result.status).toBe(3);
    expect(summary).toMatchObject({
      read: 8,
      imported: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 5,
      enqueued: 3,
      notEnqueued: 0,
    });
    expect(result.stderr).toMatch(/rejected line 3: not valid JSON/);
    expect(result.stderr).toMatch(/rejected line 4: externalId: required for imports/);
    expect(result.stderr).toMatch(/rejected line 6: title: title should not be empty/);
    expect(result.stderr).toMatch(/rejected line 7: seniority: seniority must be one of/);
    expect(result.stderr).toMatch(/rejected line 8: salary: property salary should not exist/);
    expect(
      readFileSync(rejects, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).line),
    ).toEqual([3, 4, 6, 7, 8]);

    const rows = await h.sql<{
      external_id: string;
      seniority: string | null;
      status: string;
      expires_at: Date | null;
      skills: string[];
      content_hash: string;
      id: string;
    }>('SELECT id, external_id, seniority, status, expires_at, skills, content_hash FROM jobs ORDER BY external_id');
    expect(rows.map((row) => row.external_id)).toEqual(['a-1', 'a-2', 'a-6']);
    // The API's own transforms and derivations: lower-cased enum, skills extracted, the API's content hash.
    expect(rows[0]).toMatchObject({ seniority: 'senior', status: 'open' });
    expect(rows[0]!.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL', 'Kubernetes']));
    expect(rows[0]!.content_hash).toBe(
      sha256Hex(
        jobEmbeddingText({
          title: 'Backend Engineer',
          description: posting('x').description,
          requirements: posting('x').requirements,
        }),
      ),
    );
    expect(rows[1]!.status).toBe('closed');
    expect(rows[2]!.expires_at?.toISOString()).toBe('2030-01-31T00:00:00.000Z');
    const queued = await h.queue.getJob(
      embeddingJobId({ entity: 'job', id: rows[0]!.id, contentHash: rows[0]!.content_hash, modelId: MODEL_ID }),
    );
    expect(queued?.data).toMatchObject({ entity: 'job', id: rows[0]!.id });
  });

  it('runs again without duplicates: unchanged rows are not rewritten, changed ones are updated and re-queued', async () => {
    const path = file(
      'again.jsonl',
      [
        JSON.stringify(posting('a-1', { seniority: 'Senior', location: 'Berlin' })),
        JSON.stringify(posting('a-2', { status: 'closed', description: 'Now on Go.' })),
      ].join('\n'),
    );
    const { result, summary } = await h.cliJson(['import', 'jobs', '--file', path]);
    expect(result.status).toBe(0);
    expect(summary).toMatchObject({ read: 2, created: 0, updated: 1, unchanged: 1, rejected: 0, enqueued: 1 });
    expect((await h.sql<{ n: number }>('SELECT count(*)::int AS n FROM jobs'))[0]!.n).toBe(3);
  });

  it('imports CSV (header row, empty cells left out, line numbers of the file) and a JSON array (record numbers)', async () => {
    const csv = file(
      'jobs.csv',
      'externalId,title,company,description,seniority,location\nc-1,Welder,Steelworks,"TIG and MIG welding,\nstructural steel",,Hamburg\nc-2,Chef,Bistro,Plan menus,guru,\nc-3,"Broken quote,x,y\n',
    );
    const fromCsv = await h.cliJson(['import', 'jobs', '--file', csv]);
    expect(fromCsv.summary).toMatchObject({ created: 1, rejected: 2 });
    expect(fromCsv.result.stderr).toMatch(/rejected line 4: seniority/);
    expect(fromCsv.result.stderr).toMatch(/rejected line 5/);
    const [welder] = await h.sql<{ location: string; seniority: string | null; description: string }>(
      "SELECT location, seniority, description FROM jobs WHERE external_id = 'c-1'",
    );
    expect(welder).toEqual({
      location: 'Hamburg',
      seniority: null,
      description: 'TIG and MIG welding,\nstructural steel',
    });

    const json = file(
      'jobs.json',
      JSON.stringify([posting('j-1'), 42, posting('j-2', { company: '' }), posting('j-3')], null, 2),
    );
    const fromJson = await h.cliJson(['import', 'jobs', '--file', json, '--batch-size', '1']);
    expect(fromJson.summary).toMatchObject({ read: 4, created: 2, rejected: 2, batches: 2 });
    expect(fromJson.result.stderr).toMatch(/rejected record 2: not a JSON object/);
    expect(fromJson.result.stderr).toMatch(/rejected record 3: company/);
  });

  it('keeps the last of repeated external ids in one file', async () => {
    const path = file(
      'repeats.jsonl',
      [posting('r-1', { title: 'First' }), posting('r-1', { title: 'Second' }), posting('r-1', { title: 'Third' })]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const { summary } = await h.cliJson(['import', 'jobs', '--file', path]);
    expect(summary).toMatchObject({ read: 3, created: 1, updated: 2 });
    expect(await h.sql("SELECT title FROM jobs WHERE external_id = 'r-1'")).toEqual([{ title: 'Third' }]);
  });

  it('streams: a JSON array larger than the heap it may use imports in constant memory', async () => {
    // 1 080 records of ~100 KB (rejected by the API's 20 000-character limit) and 120 valid ones:
    // ≈ 105 MB of JSON read by a process allowed 96 MB of heap (it needs ≈ 50 MB idle): the file as one
    // string alone would not fit. 80 MB proved too tight for the CLI's own modules (an OOM in CI).
    const path = join(dir, 'big.json');
    const out = createWriteStream(path);
    const filler = 'x'.repeat(100_000);
    out.write('[\n');
    for (let i = 0; i < 1200; i++) {
      const row = i % 10 === 0 ? posting(`big-${i}`) : posting(`big-${i}`, { description: filler });
      if (!out.write(`${i > 0 ? ',\n' : ''}${JSON.stringify(row)}`)) await once(out, 'drain');
    }
    out.end('\n]\n');
    await once(out, 'close');
    const { result, summary } = await h.cliJson(['import', 'jobs', '--file', path], {
      NODE_OPTIONS: '--max-old-space-size=96',
    });
    expect(result.status).toBe(3);
    expect(summary).toMatchObject({ read: 1200, created: 120, rejected: 1080 });
    expect(result.stderr).toMatch(
      /rejected record 2: description: description must be shorter than or equal to 20000 characters/,
    );
  });

  it('fails with usage for a missing --file, an unknown format and a missing file', async () => {
    const missing = await h.cli(['import', 'jobs']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--file <path>'");
    const unknown = await h.cli(['import', 'jobs', '--file', file('jobs.xml', '<jobs/>')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Cannot tell the format/);
    const absent = await h.cli(['import', 'jobs', '--file', join(dir, 'nope.jsonl')]);
    expect(absent.status).toBe(1);
    expect(absent.stderr).toMatch(/No such file/);
  });
});
