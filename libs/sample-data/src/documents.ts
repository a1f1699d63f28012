import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A fixed date for the documents' metadata, so regenerating them changes nothing. */
const WRITTEN = new Date('2026-12-01T00:00:00Z');

/** A resume as a Word document: one paragraph per line, section headings in bold. */
export async function resumeDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    const heading = /^[A-Z][A-Za-z &]+$/.test(line) && line.length < 40;
    return new Paragraph({
      children: [new TextRun({ text: line, bold: heading })],
      spacing: { after: heading ? 120 : 40 },
    });
  });
  const document = new Document({
    creator: 'jobmatch sample data',
    title: 'Resume',
    sections: [{ children: paragraphs }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = `  ${word}`;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/** A resume as a text PDF (A4, Helvetica 10.5 pt), wrapped and paginated. */
export async function resumePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(WRITTEN);
  pdf.setModificationDate(WRITTEN);
  pdf.setProducer('jobmatch sample data');
  pdf.setCreator('jobmatch sample data');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = text.split('\n').flatMap((line) => wrap(line, 95));
  const perPage = 52;
  for (let start = 0; start < lines.length; start += perPage) {
    const page = pdf.addPage([595, 842]);
    lines
      .slice(start, start + perPage)
      .forEach((line, index) => page.drawText(line, { x: 50, y: 800 - index * 14.5, size: 10.5, font }));
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
