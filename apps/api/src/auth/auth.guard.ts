import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { StaffError, StaffService, type Actor } from '#libs/staff';
import { CSRF_HEADER, csrfSatisfied, sessionTokenOf } from './session-cookies.js';

type AuthenticatedRequest = Request & { actor?: Actor };

const IS_PUBLIC = 'werkloket:public';

/** Opens a route (or a whole controller) to anonymous callers; everything else needs a logged-in actor. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The global guard: every route needs the Bearer token (API clients) or the browser's session cookie unless it is
 * marked `@Public()`, so a new route is closed until someone opens it on purpose. It puts the actor on the
 * request. A state-changing request on a cookie session must carry the CSRF token (double submit).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly staff: StaffService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && bearer) {
      request.actor = await this.staff.authenticate(bearer);
      return true;
    }
    const session = sessionTokenOf(request);
    if (!session) throw new StaffError('invalid_token', 'Log in and send the access token as "Authorization: Bearer <token>".');
    if (!csrfSatisfied(request)) throw new StaffError('forbidden', `Send the CSRF token of your session in the ${CSRF_HEADER} header.`);
    request.actor = await this.staff.authenticate(session);
    return true;
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new StaffError('invalid_token', 'Not authenticated.');
  return actor;
});
