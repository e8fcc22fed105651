import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateIf, registerDecorator } from 'class-validator';
import { DEFAULT_RULESET, HEALTH_CONSENT_MODES, LEVELS, RULESETS, TEAMS, type HealthConsentMode, type Team } from '#libs/classification';
import { RegionsService, type RegionSettings, type SlaSettings } from '#libs/regions';
import type { Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { AdminGuard } from './admin.guard.js';
import { KnownRegionPipe } from '../known-region.pipe.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

const BASE_TEAMS = TEAMS.filter((team) => team !== 'triage');
const RULESET_VERSIONS = [...RULESETS.keys()];

/** sla: { [team]: { ["*" | level]: { firstContactDays, closeDays } } } with whole days, first contact ≤ close. */
function IsSlaSettings() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isSlaSettings',
      target: target.constructor,
      propertyName,
      options: { message: 'sla must map team → ("*" or level) → { firstContactDays, closeDays } (whole working days, 0–365, first contact ≤ close)' },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          return Object.entries(value).every(([team, perLevel]) => {
            if (!(TEAMS as readonly string[]).includes(team) || typeof perLevel !== 'object' || perLevel === null || Array.isArray(perLevel)) return false;
            return Object.entries(perLevel as object).every(([level, target]) => {
              if (level !== '*' && !(LEVELS as readonly string[]).includes(level)) return false;
              if (typeof target !== 'object' || target === null) return false;
              const t = target as { firstContactDays?: unknown; closeDays?: unknown };
              const day = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 365;
              return Object.keys(t).length === 2 && day(t.firstContactDays) && day(t.closeDays) && t.firstContactDays <= t.closeDays;
            });
          });
        },
      },
    });
}

export class RegionSettingsDto {
  @ValidateIf((dto: RegionSettingsDto) => dto.baseRoute !== null)
  @IsIn(BASE_TEAMS, { message: `baseRoute must be null or one of: ${BASE_TEAMS.join(', ')}` })
  @ApiProperty({ enum: BASE_TEAMS, nullable: true, description: 'Team for individuals at level base; null = mobiliteitsteam (rule set default).' })
  baseRoute!: Team | null;

  @IsObject() @IsSlaSettings()
  @ApiProperty({ example: { wsp: { '*': { firstContactDays: 2, closeDays: 20 } }, mobiliteitsteam: { middle: { firstContactDays: 1, closeDays: 30 } } } })
  sla!: SlaSettings;

  @IsArray() @ArrayUnique() @IsIn(TEAMS, { each: true, message: `autoAssignTeams must be from: ${TEAMS.join(', ')}` })
  @ApiProperty({ enum: TEAMS, isArray: true, description: 'Worklists whose waiting cases are assigned automatically and fairly.' })
  autoAssignTeams!: Team[];

  @IsInt() @Min(1) @Max(24 * 30)
  @ApiProperty({ example: 48, description: 'Working hours a receiving team has to accept or return a hand-off.' })
  handoffResponseHours!: number;

  @IsOptional()
  @IsIn(RULESET_VERSIONS, { message: `rulesetVersion must be null or one of: ${RULESET_VERSIONS.join(', ')}` })
  @ApiPropertyOptional({
    enum: RULESET_VERSIONS,
    nullable: true,
    description: `The ruleset that classifies this region's questions; null or absent = the default (${DEFAULT_RULESET.version}). Check a candidate first with POST /api/v1/analysis/replay.`,
  })
  rulesetVersion?: string | null;

  @IsOptional()
  @IsIn(HEALTH_CONSENT_MODES, { message: `healthConsent must be null or one of: ${HEALTH_CONSENT_MODES.join(', ')}` })
  @ApiPropertyOptional({
    enum: HEALTH_CONSENT_MODES,
    nullable: true,
    description: 'own_words (default): health information the person wrote routes the question and the case asks for consent at first contact; strict: triage until consent (ruleset 1.0.0).',
  })
  healthConsent?: HealthConsentMode | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AdminGuard)
@Controller('api/v1/admin/regions/:regionCode/settings')
export class RegionSettingsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'A region\'s settings' })
  @ApiOkResponse({ type: RegionSettingsDto })
  get(@Param('regionCode', KnownRegionPipe) regionCode: string): Promise<RegionSettings> {
    return this.regions.settings(regionCode);
  }

  @Put()
  @ApiOperation({ summary: 'Replace a region\'s settings (audited)' })
  @ApiOkResponse({ type: RegionSettingsDto })
  put(@CurrentActor() actor: Actor, @Param('regionCode', KnownRegionPipe) regionCode: string, @Body() body: RegionSettingsDto): Promise<RegionSettings> {
    return this.regions.updateSettings(
      regionCode,
      { ...body, rulesetVersion: body.rulesetVersion ?? null, healthConsent: body.healthConsent ?? null },
      actor,
    );
  }
}
