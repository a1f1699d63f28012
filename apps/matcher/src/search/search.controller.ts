import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jobmatch/contracts';
import { CurrentPrincipal, RequireScopes, requireScope } from '@jobmatch/nest-common';
import { SearchRequestDto, SearchResponseDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Semantic search over jobs or resumes',
    description: 'The query is embedded (cache first, then the embedder); nearest neighbours by cosine distance on the HNSW index, filters applied in SQL.',
  })
  @ApiOkResponse({ type: SearchResponseDto })
  @ApiBadRequestResponse({ description: 'Validation failed' })
  @ApiServiceUnavailableResponse({ description: 'Embedder unavailable or circuit open (Retry-After header)' })
  @RequireScopes()
  run(@CurrentPrincipal() caller: Principal, @Body() body: SearchRequestDto): Promise<SearchResponseDto> {
    // The scope depends on what is searched.
    requireScope(caller, body.target === 'jobs' ? 'jobs:read' : 'resumes:read');
    return this.search.search(caller.tenantId, body);
  }
}
