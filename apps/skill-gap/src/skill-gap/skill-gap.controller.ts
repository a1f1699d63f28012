import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes, requireScope } from '@jobmatch/nest-common';
import { ResumeIdParamDto, ResumeSkillGapQueryDto, SkillGapRequestDto } from './dto/skill-gap-request.dto';
import { ResumeSkillGapResponseDto, SkillGapResponseDto } from './dto/skill-gap-response.dto';
import { SkillGapService } from './skill-gap.service';

@ApiTags('skill-gap')
@Controller()
export class SkillGapController {
  constructor(private readonly skillGap: SkillGapService) {}

  @Post('skill-gap')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Skill gap of one resume against one job',
    description: 'Resume and job are each given by id (stored skills) or by text (skills extracted on the fly). The response explains how coverage is counted (coverage.method).',
  })
  @ApiOkResponse({ type: SkillGapResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: not exactly one of id/text, malformed UUID, text blank or too long, unknown field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no resume or job with that id' })
  @ApiUnprocessableEntityResponse({ description: 'NO_JOB_SKILLS: the job lists (or its text contains) no known skills' })
  @RequireScopes('skills:read')
  compare(@CurrentPrincipal() caller: Principal, @Body() body: SkillGapRequestDto): Promise<SkillGapResponseDto> {
    // A stored resume or job is read with the scope that reads it.
    if (body.resume.id !== undefined) requireScope(caller, 'resumes:read');
    if (body.job.id !== undefined) requireScope(caller, 'jobs:read');
    return this.skillGap.compare(caller.tenantId, body.resume, body.job);
  }

  @Get('resumes/:id/skill-gap')
  @ApiOperation({
    summary: 'Skills to learn for the jobs recommended to a stored resume',
    description:
      'Takes the top-N jobs nearest to the resume by stored vectors (no model call), computes the gap against each, and ranks the missing skills into a learning priority list (see priorityMethod).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ResumeSkillGapResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: malformed UUID, jobs outside 1..100, unknown parameter' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no resume with that id' })
  @ApiConflictResponse({ description: 'EMBEDDING_NOT_READY: the resume embedding is pending or failed (details.embeddingStatus)' })
  @RequireScopes('skills:read', 'resumes:read', 'jobs:read')
  forResume(@CurrentPrincipal() caller: Principal, @Param() params: ResumeIdParamDto, @Query() query: ResumeSkillGapQueryDto): Promise<ResumeSkillGapResponseDto> {
    return this.skillGap.forRecommendedJobs(caller.tenantId, params.id, query.jobs);
  }
}
