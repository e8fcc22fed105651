import { Body, Controller, Delete, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { AppConfig } from '#libs/config';
import { StaffService, type Actor } from '#libs/staff';
import { ApiProblemResponses } from '../problem/api-problem-responses.js';
import { ApiTooManyRequests } from '../problem/api-too-many-requests.js';
import { CurrentActor, Public } from './auth.guard.js';
import { clearSessionCookies, sessionTokenOf, setSessionCookies } from './session-cookies.js';

export class LoginDto {
  @IsString() @MinLength(1) @MaxLength(100) @ApiProperty({ example: 'demo-triage' })
  username!: string;

  @IsString() @MinLength(1) @MaxLength(200) @ApiProperty({ example: 'demo' })
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
}

export class SessionDto {
  @ApiProperty({ description: 'Echo this in the X-CSRF-Token header on every state-changing request of the session.' })
  csrfToken!: string;
  @ApiProperty({ description: 'When the session ends at the latest (the page also ends it after a period of inactivity).' })
  expiresAt!: string;
}

const LOGIN_BRAKE =
  'Too many failed logins: from this address (any username, a limit per minute; IPv6 counted per /64), for this username from this address ' +
  '(15 minutes of rest), or for this username from anywhere (each further attempt waits for the one before, twice as long each time, at most a ' +
  'few minutes; a successful login clears it).';

@ApiTags('auth')
@ApiProblemResponses()
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly staff: StaffService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in (API clients): a Bearer access token', security: [] })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiTooManyRequests(LOGIN_BRAKE)
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<AccessTokenDto> {
    return this.staff.login(body.username, body.password, ip);
  }

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in (the browser): an httpOnly session cookie and a CSRF token',
    description: 'The access token goes into an httpOnly, SameSite=Strict cookie (Secure outside development) that scripts cannot read.',
    security: [],
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiTooManyRequests(LOGIN_BRAKE)
  async startSession(@Body() body: LoginDto, @Ip() ip: string, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    const { accessToken } = await this.staff.login(body.username, body.password, ip);
    const csrfToken = setSessionCookies(response, accessToken, this.config.jwtTtlSeconds, this.secureCookies);
    return { csrfToken, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString() };
  }

  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out (the browser): the session ends everywhere and its cookies are removed', security: [] })
  @ApiNoContentResponse({ description: 'Logged out.' })
  async endSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    // A valid session is revoked, not only forgotten by this browser: a copied cookie stops working too.
    if (token) await this.staff.authenticate(token).then((actor) => this.staff.logout(actor), () => undefined);
    clearSessionCookies(response, this.secureCookies);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'Log out (API clients): every token issued to you so far stops working' })
  @ApiNoContentResponse({ description: 'Logged out; log in again for a new token.' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.staff.logout(actor);
  }

  private get secureCookies(): boolean {
    return this.config.nodeEnv !== 'development';
  }
}
