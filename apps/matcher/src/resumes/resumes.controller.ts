import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { IdempotencyKeyHeader } from '../common/idempotency-key.header';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes } from '@jobmatch/nest-common';
import { PaginationQueryDto } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid.pipe';
import {
  CreateResumeTextDto,
  ResumeDto,
  ResumeExportDto,
  ResumePageDto,
  ResumeTextQueryDto,
  UploadResumeDto,
} from './dto/resume.dto';
import { ResumesService, type ResumeWriteResult, type UploadedDocument } from './resumes.service';
import { ResumeUploadInterceptor, UploadedResume, UploadedResumeExternalId } from './upload.interceptor';

/** 201 for a new resume, 200 when an existing externalId was replaced. */
function written(result: ResumeWriteResult, reply: FastifyReply): ResumeDto {
  if (!result.created) reply.status(HttpStatus.OK);
  return result.resume;
}

@ApiTags('resumes')
@ApiBadRequestResponse({ description: 'Validation failed' })
@Controller('resumes')
export class ResumesController {
  constructor(private readonly resumes: ResumesService) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @IdempotencyKeyHeader()
  @ApiOperation({
    summary: 'Create a resume from JSON text',
    description: 'Extracts skills and contact-free profile fields, and queues the embedding.',
  })
  @ApiCreatedResponse({ type: ResumeDto })
  @ApiOkResponse({ type: ResumeDto, description: 'The resume with this externalId, replaced' })
  @ApiPayloadTooLargeResponse({ description: 'Text longer than RESUME_MAX_CHARS' })
  @ApiUnprocessableEntityResponse({ description: 'No readable text' })
  @RequireScopes('resumes:write')
  async create(@CurrentPrincipal() caller: Principal, @Body() body: CreateResumeTextDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResumeDto> {
    return written(await this.resumes.createFromText(caller.tenantId, body.text, body.fileName, body.externalId), reply);
  }

  @Post('upload')
  @RequireScopes('resumes:write')
  // The upload is read first: its bytes are part of what Idempotency-Key compares.
  @UseInterceptors(ResumeUploadInterceptor, IdempotencyInterceptor)
  @IdempotencyKeyHeader()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadResumeDto })
  @ApiOperation({ summary: 'Upload a resume file (PDF, DOCX or plain text)' })
  @ApiCreatedResponse({ type: ResumeDto })
  @ApiPayloadTooLargeResponse({
    description: 'File over UPLOAD_MAX_BYTES, more than UPLOAD_MAX_PAGES pages, or text over RESUME_MAX_CHARS',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart, or not a PDF/DOCX/plain-text file' })
  @ApiUnprocessableEntityResponse({ description: 'Damaged, password-protected or empty document' })
  async upload(
    @CurrentPrincipal() caller: Principal,
    @UploadedResume() file: UploadedDocument | undefined,
    @UploadedResumeExternalId() externalId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResumeDto> {
    return written(await this.resumes.createFromUpload(caller.tenantId, file, externalId), reply);
  }

  @Get()
  @ApiOkResponse({ type: ResumePageDto })
  @RequireScopes('resumes:read')
  list(@CurrentPrincipal() caller: Principal, @Query() query: PaginationQueryDto): Promise<ResumePageDto> {
    return this.resumes.list(caller.tenantId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ResumeDto })
  @ApiNotFoundResponse()
  @RequireScopes('resumes:read')
  get(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string, @Query() query: ResumeTextQueryDto): Promise<ResumeDto> {
    return this.resumes.get(caller.tenantId, id, query.contactDetails);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Everything held about one resume (full text, profile, skills, embedding)' })
  @ApiOkResponse({ type: ResumeExportDto })
  @ApiNotFoundResponse()
  @RequireScopes('resumes:read')
  export(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string): Promise<ResumeExportDto> {
    return this.resumes.export(caller.tenantId, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @RequireScopes('resumes:write')
  delete(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.resumes.delete(caller.tenantId, id);
  }
}
