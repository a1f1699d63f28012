import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid.pipe';
import { CreateJobDto, JobDto, JobListQueryDto, JobPageDto, UpdateJobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBadRequestResponse({ description: 'Validation failed (unknown fields, lengths, enums, non-UUID id)' })
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a job posting', description: 'Extracts skills and queues the embedding; the response has embedding.status = PENDING.' })
  @ApiCreatedResponse({ type: JobDto })
  create(@Body() body: CreateJobDto): Promise<JobDto> {
    return this.jobs.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List job postings (newest first) with filters and pagination' })
  @ApiOkResponse({ type: JobPageDto })
  list(@Query() query: JobListQueryDto): Promise<JobPageDto> {
    return this.jobs.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse()
  get(@Param('id', UuidParam) id: string): Promise<JobDto> {
    return this.jobs.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a job posting', description: 'Re-embeds only when title, description or requirements change.' })
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse()
  update(@Param('id', UuidParam) id: string, @Body() body: UpdateJobDto): Promise<JobDto> {
    return this.jobs.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  delete(@Param('id', UuidParam) id: string): Promise<void> {
    return this.jobs.delete(id);
  }
}
