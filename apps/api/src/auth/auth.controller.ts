import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { StaffService } from '#libs/staff';

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
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.staff.login(body.username, body.password);
  }
}
