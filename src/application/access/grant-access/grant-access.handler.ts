import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidGrantError } from '../../../domain/access/access.errors.js';
import { grantDecider } from '../../../domain/access/grant.decider.js';
import { actorIdOf, isAdmin, type Principal } from '../../../domain/access/principal.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type SqlExecutor } from '../../ports/read-model-db.port.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import { PRINCIPAL_DIRECTORY, type PrincipalDirectory } from '../ports/principal-directory.port.js';
import { toNewEvents } from '../../shared/decider-command.js';
import { GRANT_EVENTS, grantStream } from '../grant-stream.js';
import { gatewaysOf } from '../access-read-model/access.sql.js';
import { GrantAccess, type IssuedGrant } from './grant-access.command.js';

@CommandHandler(GrantAccess)
export class GrantAccessHandler implements ICommandHandler<GrantAccess, IssuedGrant> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlExecutor,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ principal, input, at, correlationId }: GrantAccess): Promise<IssuedGrant> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    const grantId = randomUUID();
    const events = grantDecider.decide(
      {
        type: 'GrantAccess',
        data: {
          grantId,
          grantor: actorIdOf(principal),
          grantee: input.grantee,
          scope: input.scope,
          rights: input.rights,
          ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
          ...(isAdmin(principal) ? { asAdmin: true } : {}),
          at: at.toISOString(),
        },
      },
      grantDecider.initialState(),
    );
    if (!isAdmin(principal)) await this.assertOwnsAll(principal, input.scope);
    const grantee = input.grantee as { kind: 'user' | 'client'; id: string };
    if (!(await this.directory.exists(grantee)))
      throw new InvalidGrantError([`grantee ${grantee.kind} ${grantee.id.slice(0, 64)} does not exist`]);
    await this.store.append(
      grantStream(grantId),
      toNewEvents(events, { actorId: actorIdOf(principal), correlationId }, GRANT_EVENTS),
      { expectedRevision: 'no_stream' },
    );
    return { grantId };
  }

  /** Anything not owned answers like something unknown, so a grant attempt reveals nothing about others' objects. */
  private async assertOwnsAll(
    principal: Exclude<Principal, { kind: 'anonymous' }>,
    scope: GrantAccess['input']['scope'],
  ): Promise<void> {
    const ownerId = principal.kind === 'user' ? principal.userId : null;
    const kinds = [
      ['gateway', scope.gatewayIds ?? []],
      ['node', scope.nodeIds ?? []],
      ['sensor', scope.sensorIds ?? []],
    ] as const;
    for (const [kind, ids] of kinds) {
      const known = await gatewaysOf(this.db, kind, ids);
      for (const id of ids) {
        if (ownerId === null || known.get(id)?.ownerId !== ownerId) throw new ObjectNotVisibleError(kind, id);
      }
    }
  }
}
