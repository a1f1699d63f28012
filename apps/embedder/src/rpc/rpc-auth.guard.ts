import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RPC_AUTH_FIELD } from '@jobmatch/contracts';
import { APP_CONFIG, type AppConfig } from '../config';
import { EmbedderUnauthenticatedError } from '../embedding/errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Every RPC call must carry EMBEDDER_RPC_SECRET in its `auth` field when one is configured
 * (compared in constant time); refusals leave as UNAUTHENTICATED and are counted by the
 * exception filter. The field is removed before the payload is validated.
 */
@Injectable()
export class RpcAuthGuard implements CanActivate {
  private readonly secret: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'EMBEDDER_RPC_SECRET'>) {
    this.secret = config.EMBEDDER_RPC_SECRET ? digest(config.EMBEDDER_RPC_SECRET) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const payload = context.switchToRpc().getData<Record<string, unknown> | null>();
    const offered = payload && typeof payload === 'object' ? payload[RPC_AUTH_FIELD] : undefined;
    if (payload && typeof payload === 'object') delete payload[RPC_AUTH_FIELD];
    if (!this.secret) return true;
    if (typeof offered !== 'string' || !timingSafeEqual(digest(offered), this.secret))
      throw new EmbedderUnauthenticatedError();
    return true;
  }
}
