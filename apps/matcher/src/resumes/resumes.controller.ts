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
  UseInterceptors,
} from '@nestjs/common';
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
import { ResumesService, type UploadedDocument } from './resumes.service';
import { ResumeUploadInterceptor, UploadedResume } from './upload.interceptor';

@ApiTags('resumes')
@ApiBadRequestResponse({ description: 'Validation failed' })
@Controller('resumes')
export class ResumesController {
  constructor(private readonly resumes: ResumesService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a resume from JSON text',
    description: 'Extracts skills and contact-free profile fields, and queues the embedding.',
  })
  @ApiCreatedResponse({ type: ResumeDto })
  @ApiPayloadTooLargeResponse({ description: 'Text longer than RESUME_MAX_CHARS' })
  @ApiUnprocessableEntityResponse({ description: 'No readable text' })
  @RequireScopes('resumes:write')
  create(@CurrentPrincipal() caller: Principal, @Body() body: CreateResumeTextDto): Promise<ResumeDto> {
    return this.resumes.createFromText(caller.tenantId, body.text, body.fileName);
  }

  @Post('upload')
  @RequireScopes('resumes:write')
  @UseInterceptors(ResumeUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadResumeDto })
  @ApiOperation({ summary: 'Upload a resume file (PDF, DOCX or plain text)' })
  @ApiCreatedResponse({ type: ResumeDto })
  @ApiPayloadTooLargeResponse({
    description: 'File over UPLOAD_MAX_BYTES, more than UPLOAD_MAX_PAGES pages, or text over RESUME_MAX_CHARS',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not multipart, or not a PDF/DOCX/plain-text file' })
  @ApiUnprocessableEntityResponse({ description: 'Damaged, password-protected or empty document' })
  upload(@CurrentPrincipal() caller: Principal, @UploadedResume() file: UploadedDocument | undefined): Promise<ResumeDto> {
    return this.resumes.createFromUpload(caller.tenantId, file);
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
