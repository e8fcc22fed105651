import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LEVELS, TEAMS, type Level, type Team } from '#libs/classification';

const HAND_ROUTES = ['werkbedrijf', 'mobiliteitsteam', 'wsp', 'none'] as const;
type HandRoute = (typeof HAND_ROUTES)[number];
const CASE_TEAMS = TEAMS.filter((team) => team !== 'triage');

export class HandClassificationDto {
  @IsDefined() @IsIn(LEVELS, { message: `level must be one of: ${LEVELS.join(', ')}` }) @ApiProperty({ enum: LEVELS })
  level!: Level;

  @IsDefined() @IsIn(HAND_ROUTES, { message: `route must be one of: ${HAND_ROUTES.join(', ')}` })
  @ApiProperty({ enum: HAND_ROUTES, description: '"none": out of scope, the case closes as referred' })
  route!: HandRoute;

  @IsOptional() @IsArray() @IsIn(CASE_TEAMS, { each: true, message: `secondaryRoutes must be from: ${CASE_TEAMS.join(', ')}` })
  @ApiPropertyOptional({ enum: CASE_TEAMS, isArray: true })
  secondaryRoutes?: Team[];

  @IsOptional() @IsString() @Matches(/^AM\d{2}$/, { message: 'regionCode must be a CBS region code like AM26' })
  @ApiPropertyOptional({ description: 'Required for a case on the national worklist.' })
  regionCode?: string;

  @IsDefined() @IsString() @MinLength(3) @MaxLength(2000) @ApiProperty()
  reason!: string;
}

export class ReclassificationProposalDto {
  @IsDefined() @IsIn(LEVELS, { message: `level must be one of: ${LEVELS.join(', ')}` }) @ApiProperty({ enum: LEVELS })
  level!: Level;

  @IsDefined() @IsIn(HAND_ROUTES, { message: `route must be one of: ${HAND_ROUTES.join(', ')}` }) @ApiProperty({ enum: HAND_ROUTES })
  route!: HandRoute;

  @IsDefined() @IsString() @MinLength(3) @MaxLength(2000) @ApiProperty()
  reason!: string;
}
