import type { Principal } from '../../../domain/access/principal.js';

export class CreateDashboard {
  constructor(
    readonly principal: Principal,
    readonly name: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}
