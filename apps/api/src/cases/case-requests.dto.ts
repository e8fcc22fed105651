import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TEAMS, type Team } from '#libs/classification';
import { CASE_RESULTS, MANUAL_STATUSES, type CaseResult, type CaseStatus } from '#libs/cases';

export class ChangeStatusDto {
  @IsDefined() @IsIn(MANUAL_STATUSES, { message: `status must be one of: ${MANUAL_STATUSES.join(', ')}` })
  @ApiProperty({ enum: MANUAL_STATUSES })
  status!: CaseStatus;

  @IsOptional() @IsIn(CASE_RESULTS, { message: `result must be one of: ${CASE_RESULTS.join(', ')}` })
  @ApiPropertyOptional({ enum: CASE_RESULTS, description: 'Required when closing.' })
  result?: CaseResult;

  @IsOptional() @IsString() @MaxLength(2000) @ApiPropertyOptional()
  note?: string;
}

export class TransferCaseDto {
  @IsDefined() @IsIn(TEAMS, { message: `team must be one of: ${TEAMS.join(', ')}` }) @ApiProperty({ enum: TEAMS })
  team!: Team;

  @IsOptional() @IsString() @Matches(/^AM\d{2}$/, { message: 'regionCode must be a CBS region code like AM26' })
  @ApiPropertyOptional({ example: 'AM26', description: 'Defaults to the current region.' })
  regionCode?: string;

  @IsDefined() @IsString() @MinLength(3) @MaxLength(2000) @ApiProperty()
  reason!: string;
}

export class NoteDto {
  @IsDefined() @IsString() @Matches(/\S/, { message: 'text must not be blank' }) @MaxLength(5000) @ApiProperty()
  text!: string;
}

export class FollowUpDto {
  @IsDefined() @IsIn(TEAMS, { message: `team must be one of: ${TEAMS.join(', ')}` })
  @ApiProperty({ enum: TEAMS, description: 'One of the secondary routes of the classification.' })
  team!: Team;

  @IsDefined() @IsString() @MinLength(3) @MaxLength(2000) @ApiProperty()
  reason!: string;
}

export class HandoffAnswerDto {
  @IsOptional() @IsString() @MinLength(3) @MaxLength(2000) @ApiPropertyOptional({ description: 'Required when returning.' })
  reason?: string;
}
