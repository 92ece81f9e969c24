import type { AdapterEvents } from 'zigbee-herdsman';
import { Adapter, type ClusterWaitressMatcher, type ZclWaitressPayload } from 'zigbee-herdsman/dist/adapter/adapter.js';

interface Waiter {
  readonly matcher: ClusterWaitressMatcher;
  readonly resolve: (payload: AdapterEvents.ZclPayload) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Herdsman's `Adapter.waitFor`: callers wait for a ZCL frame matching address, cluster, command and transaction. */
export class ZclWaiters {
  private readonly waiters = new Set<Waiter>();

  waitFor(
    matcher: ClusterWaitressMatcher,
    timeoutMs: number,
  ): { promise: Promise<AdapterEvents.ZclPayload>; cancel: () => void } {
    let waiter: Waiter | undefined;
    const promise = new Promise<AdapterEvents.ZclPayload>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (waiter) this.waiters.delete(waiter);
        reject(new Error(Adapter.clusterWaitressTimeoutFormatter(matcher, timeoutMs)));
      }, timeoutMs);
      timer.unref();
      waiter = { matcher, resolve, reject, timer };
      this.waiters.add(waiter);
    });
    const cancel = (): void => {
      if (!waiter) return;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
    };
    return { promise, cancel };
  }

  /** Offers a received frame to every waiter; matching ones resolve. */
  offer(payload: AdapterEvents.ZclPayload): void {
    if (payload.header === undefined) return;
    for (const waiter of this.waiters) {
      if (Adapter.zclWaitressValidator(payload as ZclWaitressPayload, waiter.matcher)) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(payload);
      }
    }
  }

  rejectAll(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.waiters.clear();
  }
}
