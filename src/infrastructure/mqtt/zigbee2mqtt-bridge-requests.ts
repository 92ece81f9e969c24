import { randomUUID } from 'node:crypto';

export interface BridgeAnswer {
  readonly ok: boolean;
  readonly detail: string;
  readonly data: unknown;
}

interface Waiting {
  readonly resolve: (answer: BridgeAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * zigbee2mqtt's request/response API: a request on `<base>/bridge/request/<path>` carries a `transaction` that the
 * bridge echoes on `<base>/bridge/response/<path>`, with `status` ok or error.
 */
export class BridgeRequests {
  private readonly waiting = new Map<string, Waiting>();

  /** Sends through `publish` and resolves with the bridge's answer, or with an error answer after `timeoutMs`. */
  async request(
    publish: (payload: string) => Promise<void>,
    body: Readonly<Record<string, unknown>>,
    timeoutMs: number,
  ): Promise<BridgeAnswer> {
    const transaction = randomUUID();
    const answer = new Promise<BridgeAnswer>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(transaction);
        resolve({ ok: false, detail: `zigbee2mqtt bridge did not answer within ${timeoutMs} ms`, data: null });
      }, timeoutMs);
      this.waiting.set(transaction, { resolve, timer });
    });
    try {
      await publish(JSON.stringify({ ...body, transaction }));
    } catch (error) {
      this.settle(transaction, {
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
        data: null,
      });
    }
    return answer;
  }

  /** A message on `bridge/response/…`; answers to no request of ours are ignored. */
  answer(body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const { transaction, status, error, data } = body as Record<string, unknown>;
    if (typeof transaction !== 'string') return;
    const ok = status === 'ok';
    this.settle(transaction, {
      ok,
      detail: ok ? 'ok' : typeof error === 'string' ? error : 'the bridge answered an error',
      data: data ?? null,
    });
  }

  private settle(transaction: string, answer: BridgeAnswer): void {
    const waiting = this.waiting.get(transaction);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(transaction);
    waiting.resolve(answer);
  }
}
