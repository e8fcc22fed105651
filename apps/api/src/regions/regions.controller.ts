import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionsService } from '#libs/regions';
import { RegionDto } from '../intake/intake.mapper.js';
import { Public } from '../auth/auth.guard.js';

@ApiTags('regions')
@Public()
@Controller('api/v1/regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'The 35 arbeidsmarktregio’s (CBS 2026): code and name', security: [] })
  @ApiOkResponse({ type: [RegionDto] })
  list(): RegionDto[] {
    return this.regions.list().map((region) => ({ code: region.code, name: region.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
}
