import { HttpStatus, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiException } from '@jobmatch/nest-common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config';

export const UPLOAD_FIELD = 'file';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Multipart parsing for resume uploads (multer, in memory, one file). Errors get the API's error
 * shape and say what to do: 413 above the size cap, 415 when the request is not multipart.
 */
@Injectable()
export class ResumeUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'UPLOAD_MAX_BYTES'>) {
    this.maxBytes = config.UPLOAD_MAX_BYTES;
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: this.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 10 },
    }).single(UPLOAD_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        `Upload the resume as multipart/form-data with the file in the "${UPLOAD_FIELD}" field (or POST JSON text to /resumes).`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(request, http.getResponse<Response>(), (error: unknown) => (error ? reject(this.toApiError(error)) : resolve()));
    });
    return next.handle();
  }

  private toApiError(error: unknown): ApiException {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'FILE_TOO_LARGE',
        `The file is larger than the ${megabytes(this.maxBytes)} limit. Upload a smaller file.`,
        { maxBytes: this.maxBytes },
      );
    }
    if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
      return new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_UPLOAD', `Send exactly one file, in the "${UPLOAD_FIELD}" field.`);
    }
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      return new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_UPLOAD', `The upload has too many or too large form fields (${code}).`);
    }
    return new ApiException(HttpStatus.BAD_REQUEST, 'INVALID_UPLOAD', 'The multipart body could not be read.');
  }
}
