import type { Principal } from '../../../domain/access/principal.js';

export class DuplicateDashboard {
  constructor(
    readonly principal: Principal,
    readonly sourceDashboardId: string,
    /** The source's version to copy; its current one when absent. */
    readonly version: number | undefined,
    /** The copy's name; "<source name> (copy)" when absent. */
    readonly name: string | undefined,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}
