import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes } from '@jobmatch/nest-common';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { IdempotencyKeyHeader } from '../common/idempotency-key.header';
import { UuidParam } from '../common/uuid.pipe';
import { CreateJobDto, JobDto, JobListQueryDto, JobPageDto, UpdateJobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBadRequestResponse({ description: 'Validation failed (unknown fields, lengths, enums, non-UUID id)' })
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @IdempotencyKeyHeader()
  @ApiOperation({
    summary: 'Create a job posting (or replace the one with the same externalId)',
    description: 'Extracts skills and queues the embedding; the response has embedding.status = PENDING. With an externalId that exists, that job is replaced (200).',
  })
  @ApiCreatedResponse({ type: JobDto, description: 'Created' })
  @ApiOkResponse({ type: JobDto, description: 'The job with this externalId, replaced' })
  @RequireScopes('jobs:write')
  async create(@CurrentPrincipal() caller: Principal, @Body() body: CreateJobDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<JobDto> {
    const { job, created } = await this.jobs.create(caller.tenantId, body);
    if (!created) reply.status(HttpStatus.OK);
    return job;
  }

  @Get()
  @ApiOperation({ summary: 'List job postings (newest first) with filters and pagination' })
  @ApiOkResponse({ type: JobPageDto })
  @RequireScopes('jobs:read')
  list(@CurrentPrincipal() caller: Principal, @Query() query: JobListQueryDto): Promise<JobPageDto> {
    return this.jobs.list(caller.tenantId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse()
  @RequireScopes('jobs:read')
  get(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string): Promise<JobDto> {
    return this.jobs.get(caller.tenantId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a job posting', description: 'Re-embeds only when title, description or requirements change.' })
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another job has this externalId' })
  @RequireScopes('jobs:write')
  update(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string, @Body() body: UpdateJobDto): Promise<JobDto> {
    return this.jobs.update(caller.tenantId, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @RequireScopes('jobs:write')
  delete(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    return this.jobs.delete(caller.tenantId, id);
  }
}
