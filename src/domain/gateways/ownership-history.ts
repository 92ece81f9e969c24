import type { OwnershipPeriodErased } from './gateway.events.js';
import { NoClosedOwnershipPeriodError, OwnerStillCurrentError } from './gateway.errors.js';
import { GATEWAY_LIMITS, clip } from './gateway.validation.js';

/** One owner's time with the gateway, `[from, to)`; the first has no start, the current one no end. */
export interface OwnershipPeriod {
  readonly ownerId: string;
  readonly from: string | null;
  readonly to: string | null;
  /** When its erasure was last recorded; a period may be erased again (late data, a repeated request). */
  readonly erasedAt?: string;
}

/** The periods after a handover at `at`: the open one ends, the new owner's begins. */
export function handedOver(periods: readonly OwnershipPeriod[], ownerId: string, at: string): OwnershipPeriod[] {
  return [...periods.map((p) => (p.to === null ? { ...p, to: at } : p)), { ownerId, from: at, to: null }];
}

export function erased(periods: readonly OwnershipPeriod[], event: OwnershipPeriodErased): OwnershipPeriod[] {
  return periods.map((p) =>
    p.ownerId === event.data.ownerId && p.from === event.data.from && p.to === event.data.to
      ? { ...p, erasedAt: event.data.at }
      : p,
  );
}

/**
 * Erasing a former owner's time with the gateway: one tombstone per ended period of theirs (ADR 0030). The owner of
 * the moment is refused: their period is still filling, and they are not yet a former owner.
 */
export function erasePeriodsOf(
  periods: readonly OwnershipPeriod[],
  request: { readonly gatewayId: string; readonly ownerId: string; readonly reason: string; readonly at: string },
): OwnershipPeriodErased[] {
  const ownerId = request.ownerId.trim();
  if (periods.some((p) => p.to === null && p.ownerId === ownerId)) {
    throw new OwnerStillCurrentError(request.gatewayId, ownerId);
  }
  const ended = periods.filter((p): p is OwnershipPeriod & { to: string } => p.ownerId === ownerId && p.to !== null);
  if (ended.length === 0) throw new NoClosedOwnershipPeriodError(request.gatewayId, ownerId);
  const reason = clip(request.reason, GATEWAY_LIMITS.reasonMax);
  return ended.map((p) => ({
    type: 'OwnershipPeriodErased',
    data: { gatewayId: request.gatewayId, ownerId, from: p.from, to: p.to, reason, at: request.at },
  }));
}
