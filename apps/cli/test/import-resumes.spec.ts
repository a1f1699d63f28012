import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resumeEmbeddingText } from '@jobmatch/contracts';
// The matcher's own test documents (a text PDF, a .docx), so both suites upload the same kinds of file.
import { makeDocx, makePdf } from '../../matcher/test/support/documents';
import { startCliHarness, type CliHarness } from './cli-harness';

jest.setTimeout(180_000);

describe('cli import resumes', () => {
  let h: CliHarness;
  const dir = mkdtempSync(join(tmpdir(), 'cli-import-resumes-'));
  const folder = join(dir, 'resumes');

  beforeAll(async () => {
    h = await startCliHarness();
    mkdirSync(join(folder, 'engineering'), { recursive: true });
    writeFileSync(
      join(folder, 'engineering', 'ada.pdf'),
      await makePdf([
        [
          'Senior Python Developer',
          'Location: Berlin',
          'ada@example.com, +49 30 1234567',
          '8 years of Django and PostgreSQL.',
        ],
      ]),
    );
    writeFileSync(
      join(folder, 'grace.docx'),
      await makeDocx(['Site Reliability Engineer', 'Kubernetes, Terraform and Go.']),
    );
    writeFileSync(join(folder, 'linus.txt'), 'Embedded C developer\nLinux kernel, device drivers.');
    writeFileSync(join(folder, 'empty.txt'), '   \n');
    writeFileSync(join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    writeFileSync(join(folder, 'fake.pdf'), 'not really a pdf');
    writeFileSync(join(folder, 'huge.txt'), 'x'.repeat(300_000));
    writeFileSync(join(folder, '.DS_Store'), 'ignored');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder of PDF/DOCX/TXT through the API’s parser and limits; bad files are reported by path', async () => {
    const { result, summary } = await h.cliJson(['import', 'resumes', '--dir', folder], { UPLOAD_MAX_BYTES: '200000' });
    expect(result.status).toBe(3);
    expect(summary).toMatchObject({ read: 7, created: 3, rejected: 4, enqueued: 3 });
    expect(result.stderr).toMatch(/rejected empty\.txt: The resume contains no readable text/);
    expect(result.stderr).toMatch(/rejected photo\.png: not a PDF, DOCX or plain-text file/);
    expect(result.stderr).toMatch(/rejected fake\.pdf: Unsupported file type/);
    expect(result.stderr).toMatch(/rejected huge\.txt: larger than the 195 KiB upload limit/);
    expect(result.stderr).not.toMatch(/DS_Store/);

    const rows = await h.sql<{
      external_id: string;
      file_name: string;
      mime_type: string;
      text: string;
      skills: string[];
      profile: Record<string, unknown>;
    }>('SELECT external_id, file_name, mime_type, text, skills, profile FROM resumes ORDER BY external_id');
    expect(rows.map((row) => [row.external_id, row.file_name, row.mime_type])).toEqual([
      ['engineering/ada.pdf', 'ada.pdf', 'application/pdf'],
      ['grace.docx', 'grace.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['linus.txt', 'linus.txt', 'text/plain'],
    ]);
    const ada = rows[0]!;
    expect(ada.skills).toEqual(expect.arrayContaining(['Python', 'Django', 'PostgreSQL']));
    // The same personal-data handling as an upload: a contact-free profile, contact details never embedded.
    expect(ada.profile).toMatchObject({ headline: 'Senior Python Developer', location: 'Berlin' });
    expect(JSON.stringify(ada.profile)).not.toMatch(/ada@example\.com|1234567/);
    expect(resumeEmbeddingText(ada.text)).not.toMatch(/ada@example\.com/);

    // Again: the same rows (external id = path in the folder), nothing rewritten.
    const again = await h.cliJson(['import', 'resumes', '--dir', folder], { UPLOAD_MAX_BYTES: '200000' });
    expect(again.summary).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('imports JSON Lines of texts with the API’s validation', async () => {
    const file = join(dir, 'resumes.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          externalId: 'cand-1',
          text: 'Data engineer\nSpark, Kafka and Airflow.',
          fileName: 'cand-1.txt',
        }),
        JSON.stringify({ externalId: 'cand-2', text: '' }),
        JSON.stringify({ text: 'No id here' }),
        JSON.stringify({ externalId: 'cand-3', text: 'Nurse', fileName: '../etc/passwd' }),
        JSON.stringify({ externalId: 'cand-4', text: 'y'.repeat(6000) }),
      ].join('\n'),
    );
    const { result, summary } = await h.cliJson(['import', 'resumes', '--file', file], { RESUME_MAX_CHARS: '5000' });
    expect(summary).toMatchObject({ read: 5, created: 1, rejected: 4 });
    expect(result.stderr).toMatch(/rejected line 2: text: text should not be empty/);
    expect(result.stderr).toMatch(/rejected line 3: externalId: required/);
    expect(result.stderr).toMatch(/rejected line 4: fileName: fileName must be a file name without a path/);
    expect(result.stderr).toMatch(/rejected line 5: The resume has 6000 characters of text; the limit is 5000/);
  });

  it('wants exactly one of --dir and --file', async () => {
    const neither = await h.cli(['import', 'resumes']);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/either --dir/);
    const missing = await h.cli(['import', 'resumes', '--dir', join(dir, 'nope')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No such folder/);
  });
});
