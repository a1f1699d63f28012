import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes } from '@jobmatch/nest-common';
import { CalculateMatchDto, MatchResultDto } from './dto/matching.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@Controller('matching')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Post('calculate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Explained match score for a job × resume pair',
    description: 'Score 0–100 from semantic similarity, skill coverage and other factors (location, seniority), weights from MATCH_WEIGHT_*; explanation lists matched and missing skills, the strongest overlapping requirement lines and each factor’s contribution.',
  })
  @ApiOkResponse({ type: MatchResultDto })
  @ApiBadRequestResponse({ description: 'Validation failed' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'EMBEDDING_NOT_READY for the job or the resume' })
  @RequireScopes('jobs:read', 'resumes:read')
  calculate(@CurrentPrincipal() caller: Principal, @Body() body: CalculateMatchDto): Promise<MatchResultDto> {
    return this.matching.calculate(caller.tenantId, body);
  }
}
