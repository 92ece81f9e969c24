import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { BOOTSTRAP_ADMIN } from '../../../domain/access/principal.js';
import { ADMIN_TOKEN } from '../runtime.tokens.js';
import type { AuthenticatedRequest } from './current-principal.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Bearer admin token check; compares digests in constant time so length leaks nothing either. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(ADMIN_TOKEN) token: string) {
    this.expected = digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new UnauthorizedException('a valid admin bearer token is required');
    }
    request.principal = BOOTSTRAP_ADMIN;
    return true;
  }
}
