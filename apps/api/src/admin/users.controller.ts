import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { TEAMS, type Team } from '#libs/classification';
import { NATIONAL, STAFF_ROLES, StaffService, type Actor, type StaffRole } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { uuid } from '../cases/cases.controller.js';
import { RequestValidationError } from '../problem/problem.js';
import { AdminGuard } from './admin.guard.js';
import { toUserDto, UserDto } from './user.mapper.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

const REGION_SCOPE = /^(AM\d{2}|national)$/;
const MAX_CAPACITY = 1000;
/** Optional, but when present it must have a value: null would empty a required column. */
const Present = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

export class CreateUserDto {
  @IsDefined() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3–64 lower-case letters, digits, dots, dashes or underscores' })
  @ApiProperty() username!: string;
  @IsDefined() @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200)
  @ApiProperty() password!: string;
  @IsDefined() @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` }) @ApiProperty({ enum: STAFF_ROLES })
  role!: StaffRole;
  @IsArray() @ArrayUnique() @Matches(REGION_SCOPE, { each: true, message: `regionCodes must be CBS region codes (AM26) or ${NATIONAL}` })
  @ApiProperty({ type: [String], example: ['AM26'] }) regionCodes!: string[];
  @IsArray() @ArrayUnique() @IsIn(TEAMS, { each: true, message: `teams must be from: ${TEAMS.join(', ')}` })
  @ApiProperty({ enum: TEAMS, isArray: true }) teams!: Team[];
  @IsOptional() @ValidateIf((dto: CreateUserDto) => dto.maxOpenCases !== null) @IsInt() @Min(1) @Max(MAX_CAPACITY)
  @ApiPropertyOptional({ type: Number, nullable: true }) maxOpenCases?: number | null;
}

export class UpdateUserDto {
  @Present() @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200) @ApiPropertyOptional()
  password?: string;
  @Present() @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` }) @ApiPropertyOptional({ enum: STAFF_ROLES })
  role?: StaffRole;
  @Present() @IsArray() @ArrayUnique() @Matches(REGION_SCOPE, { each: true, message: `regionCodes must be CBS region codes (AM26) or ${NATIONAL}` })
  @ApiPropertyOptional({ type: [String] }) regionCodes?: string[];
  @Present() @IsArray() @ArrayUnique() @IsIn(TEAMS, { each: true, message: `teams must be from: ${TEAMS.join(', ')}` })
  @ApiPropertyOptional({ enum: TEAMS, isArray: true }) teams?: Team[];
  @Present() @IsBoolean() @ApiPropertyOptional() active?: boolean;
  @Present() @IsBoolean() @ApiPropertyOptional() available?: boolean;
  @IsOptional() @ValidateIf((dto: UpdateUserDto) => dto.maxOpenCases !== null) @IsInt() @Min(1) @Max(MAX_CAPACITY)
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: no limit' }) maxOpenCases?: number | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@UseGuards(AdminGuard)
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'List staff accounts' })
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.staff.list()).map(toUserDto);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.staff.create({ ...body, maxOpenCases: body.maxOpenCases ?? null }, actor));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff account (role, scope, password, active)' })
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    if (Object.values(body).every((value) => value === undefined)) {
      throw new RequestValidationError(422, [{ field: 'body', message: 'give at least one field to change' }]);
    }
    return toUserDto(await this.staff.update(id, body, actor));
  }
}
