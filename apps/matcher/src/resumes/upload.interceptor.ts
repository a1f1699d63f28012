import {
  createParamDecorator,
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiException } from '@jobmatch/nest-common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config';
import type { UploadedDocument } from './resumes.service';
import { EXTERNAL_ID_MAX_LENGTH, EXTERNAL_ID_PATTERN } from '../common/external-id';
import { addIdempotencyContent } from '../common/idempotency.interceptor';
import { sha256Hex } from '@jobmatch/contracts';

export const UPLOAD_FIELD = 'file';
/** Optional form field with the resume's id in the caller's system (see CreateResumeTextDto.externalId). */
export const EXTERNAL_ID_FIELD = 'externalId';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The file each upload request carried, kept for @UploadedResume() without touching the request object. */
const uploads = new WeakMap<object, UploadedDocument>();
const externalIds = new WeakMap<object, string>();

/** The resume file ResumeUploadInterceptor read from the request; undefined when none was sent. */
export const UploadedResume = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedDocument | undefined =>
    uploads.get(context.switchToHttp().getRequest<object>()),
);

/** The upload's `externalId` form field; undefined when none was sent. */
export const UploadedResumeExternalId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => externalIds.get(context.switchToHttp().getRequest<object>()),
);

/**
 * Multipart parsing for resume uploads (@fastify/multipart, in memory, one file). Errors get the
 * API's error shape and say what to do: 413 above the size cap, 415 when the request is not
 * multipart, 400 for anything else that is not one file in the "file" field.
 */
@Injectable()
export class ResumeUploadInterceptor implements NestInterceptor {
  private readonly maxBytes: number;
  private readonly limits: { fileSize: number; files: number; fields: number; fieldSize: number; parts: number };

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'UPLOAD_MAX_BYTES'>) {
    this.maxBytes = config.UPLOAD_MAX_BYTES;
    this.limits = { fileSize: this.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 10 };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.isMultipart()) {
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `Upload the resume as multipart/form-data with the file in the "${UPLOAD_FIELD}" field (or POST JSON text to /resumes).`,
      );
    }
    const upload = await this.readUpload(request);
    if (upload) uploads.set(request, upload);
    if (upload?.externalId) externalIds.set(request, upload.externalId);
    // A multipart body is not JSON: the file's bytes and the fields identify the request for Idempotency-Key.
    addIdempotencyContent(request, upload ? `${sha256Hex(upload.buffer.toString('base64'))} ${upload.originalname} ${upload.externalId ?? ''}` : '');
    return next.handle();
  }

  /** Reads the whole body: the one file into memory; other form fields are skipped. */
  private async readUpload(request: FastifyRequest): Promise<(UploadedDocument & { externalId?: string }) | undefined> {
    let upload: UploadedDocument | undefined;
    let externalId: string | undefined;
    try {
      for await (const part of request.parts({ limits: this.limits })) {
        if (part.type === 'field') {
          if (part.valueTruncated) throw this.tooManyFields();
          if (part.fieldname === EXTERNAL_ID_FIELD) externalId = this.externalId(part.value);
          continue;
        }
        // A part without a file name is a form field, as multer read it (busboy here makes an
        // application/octet-stream part a file even without one): skipped unread.
        if ((part.filename as string | undefined) === undefined) {
          part.file.resume();
          continue;
        }
        if (part.fieldname !== UPLOAD_FIELD || upload) throw this.notOneFile();
        const buffer = await part.toBuffer();
        upload = { originalname: part.filename, mimetype: part.mimetype, buffer, size: buffer.length };
      }
    } catch (error) {
      throw this.toApiError(error);
    }
    return upload && externalId ? { ...upload, externalId } : upload;
  }

  /** The same rule as CreateResumeTextDto.externalId (common/external-id.ts). */
  private externalId(value: unknown): string {
    const id = typeof value === 'string' ? value.trim() : '';
    if (!id || id.length > EXTERNAL_ID_MAX_LENGTH || !EXTERNAL_ID_PATTERN.test(id)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `externalId must be a non-empty id of at most ${EXTERNAL_ID_MAX_LENGTH} characters without control characters`, [
        { field: EXTERNAL_ID_FIELD, errors: ['externalId must be a non-empty id without control characters'] },
      ]);
    }
    return id;
  }

  private toApiError(error: unknown): ApiException {
    if (error instanceof ApiException) return error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'FILE_TOO_LARGE',
        `The file is larger than the ${megabytes(this.maxBytes)} limit. Upload a smaller file.`,
        { maxBytes: this.maxBytes },
      );
    }
    if (code === 'FST_FILES_LIMIT') return this.notOneFile();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return this.tooManyFields();
    return new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_UPLOAD', 'The multipart body could not be read.');
  }

  private notOneFile(): ApiException {
    return new ApiException(
      HttpStatus.BAD_REQUEST,
      'INVALID_UPLOAD',
      `Send exactly one file, in the "${UPLOAD_FIELD}" field.`,
    );
  }

  private tooManyFields(): ApiException {
    const { fields, fieldSize, parts } = this.limits;
    return new ApiException(
      HttpStatus.BAD_REQUEST,
      'INVALID_UPLOAD',
      `The upload has too many or too large form fields (at most ${fields} fields of ${fieldSize} bytes, ${parts} parts in all).`,
    );
  }
}
