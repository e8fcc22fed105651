import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { TEAMS, type Team } from '#libs/classification';
import { NATIONAL, STAFF_ROLES, StaffService, type Actor, type StaffRole } from '#libs/staff';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { uuid } from '../cases/cases.controller.js';
import { AdminGuard } from './admin.guard.js';
import { toUserDto, UserDto } from './user.mapper.js';

const REGION_SCOPE = /^(AM\d{2}|national)$/;

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
  @IsOptional() @ValidateIf((dto: CreateUserDto) => dto.maxOpenCases !== null) @IsInt() @Min(1)
  @ApiPropertyOptional({ nullable: true }) maxOpenCases?: number | null;
}

export class UpdateUserDto {
  @IsOptional() @IsString() @MinLength(12, { message: 'password must be at least 12 characters' }) @MaxLength(200) @ApiPropertyOptional()
  password?: string;
  @IsOptional() @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` }) @ApiPropertyOptional({ enum: STAFF_ROLES })
  role?: StaffRole;
  @IsOptional() @IsArray() @ArrayUnique() @Matches(REGION_SCOPE, { each: true, message: `regionCodes must be CBS region codes (AM26) or ${NATIONAL}` })
  @ApiPropertyOptional({ type: [String] }) regionCodes?: string[];
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(TEAMS, { each: true, message: `teams must be from: ${TEAMS.join(', ')}` })
  @ApiPropertyOptional({ enum: TEAMS, isArray: true }) teams?: Team[];
  @IsOptional() @IsBoolean() @ApiPropertyOptional() active?: boolean;
  @IsOptional() @IsBoolean() @ApiPropertyOptional() available?: boolean;
  @IsOptional() @ValidateIf((dto: UpdateUserDto) => dto.maxOpenCases !== null) @IsInt() @Min(1)
  @ApiPropertyOptional({ nullable: true }) maxOpenCases?: number | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard, AdminGuard)
@Controller('api/v1/admin/users')
export class UsersController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.staff.list()).map(toUserDto);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.staff.create({ ...body, maxOpenCases: body.maxOpenCases ?? null }, actor));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return toUserDto(await this.staff.update(id, body, actor));
  }
}
