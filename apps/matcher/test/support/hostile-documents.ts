import { Readable } from 'node:stream';
import { createDeflate } from 'node:zlib';
import yazl from 'yazl';
import { makeDocx, makePdf } from './documents';

const MB = 1024 * 1024;

/** `size` bytes of `fill`, produced a megabyte at a time (never held in memory at once). */
function repeated(size: number, fill: string): Readable {
  const chunk = Buffer.alloc(MB, fill);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const next = Math.min(left, MB);
      left -= next;
      this.push(next === MB ? chunk : chunk.subarray(0, next));
    },
  });
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A .docx-shaped zip whose document.xml inflates to `size` bytes (a decompression bomb). */
export async function docxBomb(size = 300 * MB): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '[Content_Types].xml',
  );
  zip.addReadStream(repeated(size, ' '), 'word/document.xml');
  zip.end();
  return collect(zip.outputStream);
}

/**
 * The same bomb with its central directory lying: document.xml claims 1 000 bytes, so checks of
 * the declared sizes pass and only inflating tells the truth.
 */
export async function docxBombWithLyingSizes(size = 300 * MB): Promise<Buffer> {
  const zip = await docxBomb(size);
  const CENTRAL_HEADER = 0x02014b50;
  for (let offset = zip.length - 22; offset >= 0; offset--) {
    if (zip.readUInt32LE(offset) !== CENTRAL_HEADER) continue;
    const nameLength = zip.readUInt16LE(offset + 28);
    if (zip.toString('utf8', offset + 46, offset + 46 + nameLength) === 'word/document.xml') {
      zip.writeUInt32LE(1000, offset + 24); // uncompressed size
      return zip;
    }
  }
  throw new Error('central directory entry not found');
}

/**
 * A well-formed .docx whose document.xml holds `paragraphs` short paragraphs (≈ 65 bytes each):
 * honest sizes and an ordinary compression ratio, but a DOM far larger than any parser budget.
 */
export async function docxHugeText(paragraphs = 600_000): Promise<Buffer> {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  ];
  for (let i = 0; i < paragraphs; i++) parts.push(`<w:p><w:r><w:t>line ${i} of a very long resume</w:t></w:r></w:p>`);
  parts.push('</w:body></w:document>');
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
  );
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    '_rels/.rels',
  );
  zip.addBuffer(Buffer.from(parts.join('')), 'word/document.xml');
  zip.end();
  return collect(zip.outputStream);
}

/** A PDF whose one page's content stream is Flate data inflating to `size` bytes. */
export async function pdfFlateBomb(size = 400 * MB): Promise<Buffer> {
  const content = await collect(repeated(size, '0').pipe(createDeflate({ level: 9 })));
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    { dictionary: `<< /Length ${content.length} /Filter /FlateDecode >>`, data: content },
  ]);
}

/** A PDF whose page dictionary holds arrays nested `depth` deep (parser recursion). */
export function pdfDeeplyNested(depth = 200_000): Buffer {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

/** A real PDF cut after its first 40 % (no page tree, no xref left). */
export async function truncatedPdf(): Promise<Buffer> {
  const pdf = await makePdf([['Data Engineer', 'Python and SQL']]);
  return pdf.subarray(0, Math.floor(pdf.length * 0.4));
}

/** A real .docx cut in half (no central directory left). */
export async function truncatedDocx(): Promise<Buffer> {
  const docx = await makeDocx(['Registered Nurse', 'Patient care']);
  return docx.subarray(0, Math.floor(docx.length / 2));
}

/** PNG bytes under a .pdf name and type. */
export function pngAsPdf(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
}

/** A minimal PDF with a correct cross-reference table from object bodies (1-based object numbers). */
function assemblePdf(objects: Array<string | { dictionary: string; data: Buffer }>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const push = (buffer: Buffer) => {
    parts.push(buffer);
    length += buffer.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === 'string') push(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${index + 1} 0 obj\n${object.dictionary}\nstream\n`, 'latin1'));
      push(object.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}
