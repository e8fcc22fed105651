import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsDefined } from 'class-validator';
import { StaffService, type Actor } from '#libs/staff';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { toUserDto, UserDto } from '../admin/user.mapper.js';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';

export class AvailabilityDto {
  @IsDefined() @IsBoolean() @ApiProperty({ description: 'false while on leave: automatic assignment passes you by' })
  available!: boolean;
}

@ApiTags('me')
@ApiBearerAuth()
@ApiProblemResponses()
@UseGuards(AuthGuard)
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOkResponse({ description: 'Who the token belongs to and what they may reach.' })
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Put('availability')
  @ApiOkResponse({ type: UserDto })
  async availability(@CurrentActor() actor: Actor, @Body() body: AvailabilityDto): Promise<UserDto> {
    return toUserDto(await this.staff.setAvailability(actor, body.available));
  }
}
