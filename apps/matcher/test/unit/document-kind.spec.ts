import { detectDocumentKind, DOCX_MIME } from '../../src/resumes/parsing/document-kind';
import { decodeText, DocumentReadError } from '../../src/resumes/parsing/document-text.extractor';
import { requirementLines, contentWords, mentionsSkill } from '../../src/matching/text-overlap';

describe('detectDocumentKind', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);

  it('trusts the bytes, not the declared type', () => {
    expect(detectDocumentKind(pdf, 'application/octet-stream', 'cv.bin')).toBe('pdf');
    expect(detectDocumentKind(png, 'application/pdf', 'cv.pdf')).toBeNull();
    expect(detectDocumentKind(zip, DOCX_MIME, 'cv')).toBe('docx');
    expect(detectDocumentKind(zip, 'application/zip', 'archive.zip')).toBeNull();
    expect(detectDocumentKind(Buffer.from('plain'), 'text/plain', 'cv.txt')).toBe('text');
    expect(detectDocumentKind(Buffer.from('plain'), 'image/png', 'cv.png')).toBeNull();
  });
});

describe('decodeText', () => {
  it('strips a BOM and rejects binary or invalid UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFHallo Welt'))).toBe('Hallo Welt');
    expect(() => decodeText(Buffer.from([0x41, 0x00, 0x42]))).toThrow(DocumentReadError);
    expect(() => decodeText(Buffer.from([0xc3, 0x28]))).toThrow(/UTF-8/);
  });
});

describe('text overlap helpers', () => {
  it('splits bullets and lines into requirement lines', () => {
    expect(requirementLines('• Python and Django\n- 3+ years of SQL\n\nx')).toEqual(['Python and Django', '3+ years of SQL']);
  });

  it('keeps technical tokens and drops stop words', () => {
    expect(contentWords('Experience with C++, Node.js and CI/CD for the team')).toEqual(['c++', 'node.js', 'ci/cd']);
  });

  it('matches skills as whole terms', () => {
    expect(mentionsSkill('we use java and python', 'Java')).toBe(true);
    expect(mentionsSkill('we use javascript', 'Java')).toBe(false);
    expect(mentionsSkill('c++ required', 'C')).toBe(false);
  });
});
