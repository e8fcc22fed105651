import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { StaffError, StaffService, type Actor } from '#libs/staff';

type AuthenticatedRequest = Request & { actor?: Actor };

/** Verifies the Bearer token and puts the actor on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly staff: StaffService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new StaffError('invalid_token', 'Log in and send the access token as "Authorization: Bearer <token>".');
    request.actor = await this.staff.authenticate(token);
    return true;
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new StaffError('invalid_token', 'Not authenticated.');
  return actor;
});
