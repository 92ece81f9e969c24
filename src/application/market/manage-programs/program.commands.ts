import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { ProgramObject } from '../programs-read-model/programs.sql.js';

/** POST /programs: the body as received (checked by the handler), the caller, the time. */
export class PublishProgram extends Command<ProgramObject> {
  constructor(
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** PUT /programs/{programID}: the whole content replaced. */
export class ReviseProgram extends Command<ProgramObject> {
  constructor(
    readonly programId: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** DELETE /programs/{programID}: answers the program as it was. */
export class WithdrawProgram extends Command<ProgramObject> {
  constructor(
    readonly programId: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
