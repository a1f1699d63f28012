import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { sha256Hex } from '@jobmatch/contracts';
import { ResumeRepository, SearchedModel, VectorStore, type Resume, type ResumeWrite, type UpsertOutcome } from '@jobmatch/db';
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

/** A resume written by POST /resumes or /resumes/upload: created (201), or an existing externalId replaced (200). */
export interface ResumeWriteResult {
  resume: ResumeDto;
  created: boolean;
}

/** A prepared resume row that upserts: one with an external id. */
export type ExternalResumeWrite = ResumeWrite & { externalId: string };

/** What a batch upsert did to each resume (input order), and whether their embeddings were queued. */
export interface ResumeBatchResult {
  outcomes: { resume: Resume; outcome: UpsertOutcome }[];
  enqueued: number;
  queued: boolean;
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

  async createFromText(tenantId: string, text: string, fileName?: string, externalId?: string): Promise<ResumeWriteResult> {
    return this.store(tenantId, this.prepareFromText(text, fileName, externalId));
  }

  async createFromUpload(tenantId: string, file: UploadedDocument | undefined, externalId?: string): Promise<ResumeWriteResult> {
    return this.store(tenantId, await this.prepareFromUpload(file, externalId));
  }

  /** The row a text resume becomes (cleaned, checked, skills and contact-free profile); nothing is stored yet. */
  prepareFromText(text: string, fileName?: string, externalId?: string): ResumeWrite {
    return this.prepare(text, fileName ?? null, 'text/plain', 'text', externalId);
  }

  /**
   * The row an uploaded document becomes: its type detected, its text extracted by the bounded
   * parser pool, then as prepareFromText. Throws the API's errors (415, 413, 422) for bad files.
   */
  async prepareFromUpload(file: UploadedDocument | undefined, externalId?: string): Promise<ResumeWrite> {
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
    return this.prepare(text, file.originalname.slice(0, 255), MIME_BY_KIND[kind], kind, externalId);
  }

  /**
   * Creates or replaces prepared resumes by external id: one statement, one queue call for the
   * embeddings of new or changed text (`cli import resumes`). External ids unique within a call.
   */
  async upsertMany(tenantId: string, writes: ExternalResumeWrite[]): Promise<ResumeBatchResult> {
    const outcomes = (await this.resumes.upsertByExternalId(tenantId, writes)).map(({ row, outcome }) => ({ resume: row, outcome }));
    const pending = outcomes.filter(({ resume, outcome }) => outcome !== 'unchanged' && resume.embeddingStatus === 'PENDING').map(({ resume }) => resume);
    const queued = pending.length === 0 || (await this.enqueue(pending));
    return { outcomes, enqueued: queued ? pending.length : 0, queued };
  }

  async get(tenantId: string, id: string, contactDetails: 'redact' | 'include' = 'redact'): Promise<ResumeDto> {
    const resume = await this.resumes.findById(tenantId, id);
    if (!resume) throw new NotFoundApiException('Resume', id);
    return toResumeDto(resume, { withText: contactDetails === 'include' ? 'full' : 'redacted' });
  }

  /** Everything held about one resume: the row with its full text, and its embedding. */
  async export(tenantId: string, id: string): Promise<ResumeExportDto> {
    const resume = await this.resumes.findById(tenantId, id);
    if (!resume) throw new NotFoundApiException('Resume', id);
    const embedding = await this.vectors.readEmbedding('resume', id, undefined, tenantId);
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

  async list(tenantId: string, page: PaginationQueryDto): Promise<ResumePageDto> {
    const { items, total } = await this.resumes.list(tenantId, page);
    return { items: items.map((resume) => toResumeDto(resume)), total, limit: page.limit, offset: page.offset };
  }

  /**
   * Removes the row (text, profile, embedding) and the embedding job still waiting for it; the
   * retention sweep (RESUME_RETENTION_DAYS) deletes through here too.
   */
  async delete(tenantId: string, id: string): Promise<void> {
    const resume = await this.resumes.delete(tenantId, id);
    if (!resume) throw new NotFoundApiException('Resume', id);
    await this.queue.tryRemove({
      entity: 'resume',
      id,
      contentHash: resume.contentHash,
      modelId: await this.searchedModel.modelId(),
    });
  }

  private async store(tenantId: string, write: ResumeWrite): Promise<ResumeWriteResult> {
    if (write.externalId) {
      const { outcomes, queued } = await this.upsertMany(tenantId, [write as ExternalResumeWrite]);
      const { resume, outcome } = outcomes[0]!;
      return { resume: toResumeDto(resume, { queued: outcome === 'unchanged' ? false : queued }), created: outcome === 'created' };
    }
    const resume = await this.resumes.create(tenantId, write);
    return { resume: toResumeDto(resume, { queued: await this.enqueue([resume]) }), created: true };
  }

  private async enqueue(resumes: Resume[]): Promise<boolean> {
    const modelId = await this.searchedModel.modelId();
    return this.queue.tryEnqueue(resumes.map((resume) => ({ entity: 'resume' as const, id: resume.id, contentHash: resume.contentHash, modelId })));
  }

  private prepare(rawText: string, fileName: string | null, mimeType: string, kind: DocumentKind, externalId?: string): ResumeWrite {
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
    return {
      externalId: externalId ?? null,
      fileName,
      mimeType,
      text,
      skills,
      profile: { ...profile },
      occupationCode: occupation?.code ?? null,
      occupationTitle: occupation?.title ?? null,
      contentHash: sha256Hex(text),
    };
  }

  private unprocessable(message: string, reason = 'empty'): ApiException {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'UNREADABLE_DOCUMENT', message, { reason });
  }
}
