import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { StaffError, type Actor } from '#libs/staff';

/** After AuthGuard: only admins pass. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<Request & { actor?: Actor }>().actor;
    if (actor?.role !== 'admin') throw new StaffError('forbidden', 'Only admins may do this.');
    return true;
  }
}
