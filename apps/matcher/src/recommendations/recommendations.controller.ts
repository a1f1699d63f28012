import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes } from '@jobmatch/nest-common';
import { UuidParam } from '../common/uuid.pipe';
import { CandidateQueryDto, CandidatesDto, JobRecommendationQueryDto, JobRecommendationsDto } from './dto/recommendation.dto';
import { RecommendationsService } from './recommendations.service';

@ApiTags('recommendations')
@ApiBadRequestResponse({ description: 'Validation failed' })
@ApiNotFoundResponse()
@ApiConflictResponse({ description: 'EMBEDDING_NOT_READY: the entity is still being embedded (or failed); details carry the status' })
@Controller()
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get('resumes/:id/recommendations')
  @ApiOperation({ summary: 'Top jobs for a stored resume', description: 'Uses the stored vector (no model call); nearest jobs re-ranked by the match score, each with its explanation.' })
  @ApiOkResponse({ type: JobRecommendationsDto })
  @RequireScopes('resumes:read', 'jobs:read')
  forResume(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string, @Query() query: JobRecommendationQueryDto): Promise<JobRecommendationsDto> {
    return this.recommendations.jobsForResume(caller.tenantId, id, query);
  }

  @Get('jobs/:id/candidates')
  @ApiOperation({ summary: 'Top resumes for a stored job', description: 'Uses the stored vector (no model call); nearest resumes re-ranked by the match score.' })
  @ApiOkResponse({ type: CandidatesDto })
  @RequireScopes('jobs:read', 'resumes:read')
  forJob(@CurrentPrincipal() caller: Principal, @Param('id', UuidParam) id: string, @Query() query: CandidateQueryDto): Promise<CandidatesDto> {
    return this.recommendations.candidatesForJob(caller.tenantId, id, query);
  }
}
