import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { ResourceObject, VenObject } from '../enrollments-read-model/vens.sql.js';

/** PUT /vens/{venID}: the utility assigns the ven's targets (the rest is Wattlog's). */
export class AssignVenTargets extends Command<VenObject> {
  constructor(
    readonly venId: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** PUT /resources/{resourceID}: the utility assigns the resource's targets. */
export class AssignResourceTargets extends Command<ResourceObject> {
  constructor(
    readonly resourceId: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** POST/DELETE of vens and resources, POST/PUT/DELETE of reports by a utility: refused (403), see the handler. */
export class RefuseUtilityWrite extends Command<never> {
  constructor(
    readonly objectType: 'ven' | 'resource' | 'report',
    readonly principal: Principal,
  ) {
    super();
  }
}
