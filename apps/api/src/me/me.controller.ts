import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsBoolean, IsDefined } from 'class-validator';
import { StaffService, type Actor } from '#libs/staff';
import { CurrentActor } from '../auth/auth.guard.js';
import { toUserDto, UserDto } from '../admin/user.mapper.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class AvailabilityDto {
  @IsDefined() @IsBoolean() @ApiProperty({ description: 'false while on leave: automatic assignment passes you by' })
  available!: boolean;
}

@ApiTags('me')
@ApiBearerAuth()
@ApiCookieAuth('session')
@ApiProblemResponses()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'Who you are and what you may reach' })
  @ApiOkResponse({ type: UserDto, description: 'Who the token belongs to, what they may reach, and whether they take new cases.' })
  async me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return toUserDto(await this.staff.account(actor));
  }

  @Put('availability')
  @ApiOperation({ summary: 'Set your availability (on leave: automatic assignment passes you by)' })
  @ApiOkResponse({ type: UserDto })
  async availability(@CurrentActor() actor: Actor, @Body() body: AvailabilityDto): Promise<UserDto> {
    return toUserDto(await this.staff.setAvailability(actor, body.available));
  }
}
