import { DocumentParserPool } from '../../src/resumes/parsing/document-parser-pool';
import { DocumentReadError } from '../../src/resumes/parsing/parse-protocol';
import { makeDocx, makePdf } from '../support/documents';
import { docxHugeText } from '../support/hostile-documents';

const LIMITS = {
  maxPages: 30,
  maxUnzippedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 1000,
  maxZipEntries: 2000,
  maxXmlEntryBytes: 64 * 1024 * 1024,
};

/**
 * The pool's own guarantees, past the cheap checks that normally refuse such files first: a
 * parser that outgrows its memory budget is killed and reported, and the next document is read
 * by a fresh parser.
 */
describe('DocumentParserPool', () => {
  const pool = new DocumentParserPool({ concurrency: 1, memoryBudgetMb: 96, timeoutMs: 30_000 });
  afterAll(() => pool.close());

  it('reads PDF and Word documents in its own process', async () => {
    const pdf = await makePdf([['Data Engineer', 'Python and SQL']]);
    await expect(pool.parse({ kind: 'pdf', bytes: new Uint8Array(pdf), limits: LIMITS })).resolves.toMatchObject({
      text: expect.stringContaining('Data Engineer'),
      pages: 1,
    });
    const docx = await makeDocx(['Registered Nurse', 'Wound care']);
    await expect(pool.parse({ kind: 'docx', bytes: new Uint8Array(docx), limits: LIMITS })).resolves.toMatchObject({
      text: expect.stringContaining('Registered Nurse'),
    });
  }, 60_000);

  it('kills a parser that outgrows its budget, says why, and reads the next document with a new one', async () => {
    const huge = await docxHugeText();
    const failure = pool.parse({ kind: 'docx', bytes: new Uint8Array(huge), limits: LIMITS });
    await expect(failure).rejects.toBeInstanceOf(DocumentReadError);
    await expect(failure).rejects.toMatchObject({ reason: 'too-complex' });
    const docx = await makeDocx(['Electrician', 'Conduit and panels']);
    await expect(pool.parse({ kind: 'docx', bytes: new Uint8Array(docx), limits: LIMITS })).resolves.toMatchObject({
      text: expect.stringContaining('Electrician'),
    });
  }, 60_000);

  it('refuses a PDF over the page limit from inside the parser', async () => {
    const pdf = await makePdf([['one'], ['two'], ['three']]);
    await expect(
      pool.parse({ kind: 'pdf', bytes: new Uint8Array(pdf), limits: { ...LIMITS, maxPages: 2 } }),
    ).rejects.toMatchObject({
      reason: 'too-many-pages',
    });
  }, 60_000);
});
