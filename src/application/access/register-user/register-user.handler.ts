import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EmailTakenError, InvalidAccessInputError } from '../../../domain/access/access.errors.js';
import { userDecider } from '../../../domain/access/user.decider.js';
import { EMAIL_RESERVED, type UserEmailReserved } from '../../../domain/access/user.events.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../ports/event-store.port.js';
import { AccessState } from '../access-state/access-state.js';
import { toNewEvents } from '../../shared/decider-command.js';
import { EMAIL_EVENTS, USER_EVENTS, emailStream, userStream } from '../access-streams.js';
import { requireAdmin } from '../admin-check.js';
import { CredentialStore } from '../credentials/credential-store.js';
import {
  PASSWORD_HASHER,
  PASSWORD_POLICY,
  type PasswordHasher,
  type PasswordPolicy,
} from '../ports/password-hasher.port.js';
import { RegisterUser, type RegisteredUser } from './register-user.command.js';

@CommandHandler(RegisterUser)
export class RegisterUserHandler implements ICommandHandler<RegisterUser, RegisteredUser> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PASSWORD_POLICY) private readonly policy: PasswordPolicy,
    @Inject(AccessState) private readonly accessState: AccessState,
  ) {}

  async execute({ input, principal, at, metadata }: RegisterUser): Promise<RegisteredUser> {
    requireAdmin(principal, 'registering users');
    const userId = randomUUID();
    const passwordProblems = this.policy.problems(input.password);
    let events;
    try {
      events = userDecider.decide(
        {
          type: 'RegisterUser',
          data: { userId, email: input.email, displayName: input.displayName, role: input.role, at: at.toISOString() },
        },
        userDecider.initialState(),
      );
    } catch (error) {
      if (error instanceof InvalidAccessInputError && passwordProblems.length > 0)
        throw new InvalidAccessInputError([...error.problems, ...passwordProblems]);
      throw error;
    }
    if (passwordProblems.length > 0) throw new InvalidAccessInputError(passwordProblems);
    const [registered] = events;
    if (registered?.type !== 'UserRegistered') throw new Error('RegisterUser decided no UserRegistered');
    const encoded = await this.hasher.hash(input.password);

    // The reservation is the uniqueness check: only one append per address can find its stream absent.
    const reservation: UserEmailReserved = {
      type: EMAIL_RESERVED,
      data: { email: registered.data.email, userId, at: at.toISOString() },
    };
    try {
      await this.store.append(emailStream(registered.data.email), toNewEvents([reservation], metadata, EMAIL_EVENTS), {
        expectedRevision: 'no_stream',
      });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw new EmailTakenError();
      throw error;
    }
    // Credential before the user event: a user without a password could never log in, a stray hash is inert.
    await this.credentials.putPasswordHash(userId, encoded);
    await this.store.append(userStream(userId), toNewEvents(events, metadata, USER_EVENTS), {
      expectedRevision: 'no_stream',
    });
    this.accessState.apply(events);
    const { email, displayName, role } = registered.data;
    return { userId, email, displayName, role };
  }
}
