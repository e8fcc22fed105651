import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { LOGIN_FAILURES_ALLOWED, StaffService } from '#libs/staff';

export class LoginDto {
  @IsString() @MinLength(1) @MaxLength(100) @ApiProperty({ example: 'demo-triage' })
  username!: string;

  @IsString() @MinLength(1) @MaxLength(200) @ApiProperty({ example: 'demo' })
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly staff: StaffService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiTooManyRequestsResponse({ description: `After ${LOGIN_FAILURES_ALLOWED} failed attempts for one username from one address, 15 minutes of rest.` })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<AccessTokenDto> {
    return this.staff.login(body.username, body.password, ip);
  }
}
