import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { sha256Hex } from '@jobmatch/contracts';
import { ResumeRepository, SearchedModel, VectorStore } from '@jobmatch/db';
import { ApiException, NotFoundApiException } from '@jobmatch/nest-common';
import { APP_CONFIG, type AppConfig } from '../config';
import type { PaginationQueryDto } from '../common/pagination.dto';
import { EmbeddingQueueProducer } from '../queue/embedding-queue.producer';
import { SkillsProvider } from '../skills/skills.provider';
import { toResumeDto, type ResumeDto, type ResumeExportDto, type ResumePageDto } from './dto/resume.dto';
import { ACCEPTED_UPLOAD_TYPES, detectDocumentKind, DOCX_MIME } from './parsing/document-kind';
import { DocumentReadError, DocumentTextExtractor, type DocumentKind } from './parsing/document-text.extractor';
import { extractResumeProfile } from './resume-profile';

export interface UploadedDocument {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

const MIME_BY_KIND: Record<DocumentKind, string> = { pdf: 'application/pdf', docx: DOCX_MIME, text: 'text/plain' };

/** Text cleanup that keeps the content: NULs and control characters out, line structure kept. */
function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

@Injectable()
export class ResumesService {
  constructor(
    private readonly resumes: ResumeRepository,
    private readonly queue: EmbeddingQueueProducer,
    private readonly skills: SkillsProvider,
    private readonly documents: DocumentTextExtractor,
    private readonly vectors: VectorStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'RESUME_MAX_CHARS'>,
    private readonly searchedModel: SearchedModel,
  ) {}

  async createFromText(text: string, fileName?: string): Promise<ResumeDto> {
    return this.store(text, fileName ?? null, 'text/plain');
  }

  async createFromUpload(file: UploadedDocument | undefined): Promise<ResumeDto> {
    if (!file) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'INVALID_UPLOAD',
        'No file received: send the resume in the "file" form field.',
      );
    }
    if (file.size === 0) throw this.unprocessable('The uploaded file is empty.');
    const kind = detectDocumentKind(file.buffer, file.mimetype, file.originalname);
    if (!kind) {
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `Unsupported file type (${file.mimetype || 'unknown'}). Upload a PDF, a Word document (.docx) or a plain-text file.`,
        { accepted: ACCEPTED_UPLOAD_TYPES },
      );
    }
    let text: string;
    try {
      ({ text } = await this.documents.extract(kind, file.buffer));
    } catch (error) {
      if (!(error instanceof DocumentReadError)) throw error;
      if (error.reason === 'too-many-pages') {
        throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, 'TOO_MANY_PAGES', error.message);
      }
      if (error.reason === 'too-large') {
        throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, 'DOCUMENT_TOO_LARGE', error.message);
      }
      throw this.unprocessable(error.message, error.reason);
    }
    return this.store(text, file.originalname.slice(0, 255), MIME_BY_KIND[kind], kind);
  }

  async get(id: string, contactDetails: 'redact' | 'include' = 'redact'): Promise<ResumeDto> {
    const resume = await this.resumes.findById(id);
    if (!resume) throw new NotFoundApiException('Resume', id);
    return toResumeDto(resume, { withText: contactDetails === 'include' ? 'full' : 'redacted' });
  }

  /** Everything held about one resume: the row with its full text, and its embedding. */
  async export(id: string): Promise<ResumeExportDto> {
    const resume = await this.resumes.findById(id);
    if (!resume) throw new NotFoundApiException('Resume', id);
    const embedding = await this.vectors.readEmbedding('resume', id);
    return {
      resume: toResumeDto(resume, { withText: 'full' }),
      embedding: embedding
        ? { modelId: embedding.modelId, dimension: embedding.vector.length, vector: Array.from(embedding.vector) }
        : null,
      notes: [
        'The uploaded file itself is not kept: only the text extracted from it.',
        'Contact details are never embedded, logged or returned by default; the embedding above was computed from the text without them.',
        'Deleting the resume removes its row and embedding and its waiting embedding job.',
      ],
      exportedAt: new Date().toISOString(),
    };
  }

  async list(page: PaginationQueryDto): Promise<ResumePageDto> {
    const { items, total } = await this.resumes.list(page);
    return { items: items.map((resume) => toResumeDto(resume)), total, limit: page.limit, offset: page.offset };
  }

  /** Removes the row (text, profile, embedding) and the embedding job still waiting for it. */
  async delete(id: string): Promise<void> {
    const resume = await this.resumes.findById(id);
    if (!resume || !(await this.resumes.delete(id))) throw new NotFoundApiException('Resume', id);
    await this.queue.tryRemove({
      entity: 'resume',
      id,
      contentHash: resume.contentHash,
      modelId: await this.searchedModel.modelId(),
    });
  }

  private async store(
    rawText: string,
    fileName: string | null,
    mimeType: string,
    kind: DocumentKind = 'text',
  ): Promise<ResumeDto> {
    const text = cleanText(rawText);
    if (text.length > this.config.RESUME_MAX_CHARS) {
      throw new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'TEXT_TOO_LONG',
        `The resume has ${text.length} characters of text; the limit is ${this.config.RESUME_MAX_CHARS}.`,
        { maxChars: this.config.RESUME_MAX_CHARS },
      );
    }
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw this.unprocessable(
        kind === 'pdf'
          ? 'No text could be found in this PDF. If it is a scan or an image, upload a text-based PDF or a Word document instead.'
          : 'The resume contains no readable text.',
      );
    }
    const skills = this.skills.extractSkillNames(text);
    const profile = extractResumeProfile(text);
    const occupation = profile.headline ? this.skills.occupationOf(profile.headline, skills) : null;
    const resume = await this.resumes.create({
      fileName,
      mimeType,
      text,
      skills,
      profile: { ...profile },
      occupationCode: occupation?.code ?? null,
      occupationTitle: occupation?.title ?? null,
      contentHash: sha256Hex(text),
    });
    const queued = await this.queue.tryEnqueue([
      { entity: 'resume', id: resume.id, contentHash: resume.contentHash, modelId: await this.searchedModel.modelId() },
    ]);
    return toResumeDto(resume, { queued });
  }

  private unprocessable(message: string, reason = 'empty'): ApiException {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'UNREADABLE_DOCUMENT', message, { reason });
  }
}
