import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@jobmatch/nest-common';
import { ExtractSkillsRequestDto, ExtractSkillsResponseDto } from './dto/extract-skills.dto';
import { SkillSearchQueryDto, SkillSearchResponseDto } from './dto/skill-search.dto';
import { SkillSourcesDto } from './dto/skill-sources.dto';
import { SkillsService } from './skills.service';

@ApiTags('skills')
@RequireScopes('skills:read')
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @ApiOperation({ summary: 'Look up skills by name or alias (autocomplete)' })
  @ApiOkResponse({ type: SkillSearchResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: q missing, blank or longer than 100 characters; limit outside 1..50; unknown parameter' })
  search(@Query() query: SkillSearchQueryDto): SkillSearchResponseDto {
    return this.skills.search(query.q, query.limit);
  }

  @Get('sources')
  @ApiOperation({ summary: 'What the taxonomy is built from, with the O*NET attribution when a release is imported' })
  @ApiOkResponse({ type: SkillSourcesDto })
  sources(): SkillSourcesDto {
    return this.skills.sources();
  }

  @Post('extract')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Extract skills from free text, with requirement level and evidence spans' })
  @ApiOkResponse({ type: ExtractSkillsResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: text missing, blank or too long; unknown field' })
  extract(@Body() body: ExtractSkillsRequestDto): ExtractSkillsResponseDto {
    return this.skills.extract(body.text, body.title);
  }
}
