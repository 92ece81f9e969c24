import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { OpenAdrPage } from '../openadr-objects.wire.js';
import type { ProgramObject } from '../programs-read-model/programs.sql.js';

export class SearchPrograms extends Query<ProgramObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & { readonly targets?: readonly string[] },
  ) {
    super();
  }
}

export class GetProgram extends Query<ProgramObject> {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
  ) {
    super();
  }
}
