import { BridgeRequests } from './zigbee2mqtt-bridge-requests.js';
import { networkChangeThroughBridge } from './zigbee2mqtt-network.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

/** A bridge that answers each request with `answer(request)` on the response topic, as zigbee2mqtt does. */
function answering(answer: (request: Record<string, unknown>) => Record<string, unknown>) {
  const bridge = new BridgeRequests();
  const sent: Record<string, unknown>[] = [];
  const publish = async (payload: string): Promise<void> => {
    const request = JSON.parse(payload) as Record<string, unknown>;
    sent.push(request);
    bridge.answer({ transaction: request.transaction, ...answer(request) });
  };
  return { bridge, publish, sent };
}

describe('zigbee2mqtt network changes through the bridge', () => {
  it('opens joining for the time the bridge confirms (2.x answer) and reports until when', async () => {
    const { bridge, publish, sent } = answering((request) => ({ status: 'ok', data: { time: request.time } }));
    const outcome = await networkChangeThroughBridge(
      bridge,
      publish,
      { kind: 'permit_join', seconds: 120 },
      'mqtt://b',
      () => NOW,
    );
    expect(sent).toEqual([{ time: 120, value: true, transaction: expect.any(String) }]);
    expect(outcome).toEqual({
      ok: true,
      detail: expect.stringContaining('120 s'),
      report: { kind: 'permit_join', open: true, until: '2026-03-01T12:02:00.000Z' },
    });
  });

  it('reads a 1.x answer, and closing with 0', async () => {
    const v1 = answering((request) => ({ status: 'ok', data: { value: request.value } }));
    expect(
      (
        await networkChangeThroughBridge(
          v1.bridge,
          v1.publish,
          { kind: 'permit_join', seconds: 60 },
          'mqtt://b',
          () => NOW,
        )
      ).report,
    ).toEqual({
      kind: 'permit_join',
      open: true,
      until: '2026-03-01T12:01:00.000Z',
    });
    expect(
      (
        await networkChangeThroughBridge(
          v1.bridge,
          v1.publish,
          { kind: 'permit_join', seconds: 0 },
          'mqtt://b',
          () => NOW,
        )
      ).report,
    ).toEqual({ kind: 'permit_join', open: false, until: null });
  });

  it("passes on the bridge's refusal, and refuses an answer that does not say how long", async () => {
    const refusing = answering(() => ({ status: 'error', error: 'adapter disconnected' }));
    expect(
      await networkChangeThroughBridge(
        refusing.bridge,
        refusing.publish,
        { kind: 'permit_join', seconds: 60 },
        'mqtt://b',
      ),
    ).toEqual({
      ok: false,
      detail: 'zigbee2mqtt refused permit join: adapter disconnected',
    });
    const vague = answering(() => ({ status: 'ok', data: {} }));
    expect(
      (await networkChangeThroughBridge(vague.bridge, vague.publish, { kind: 'permit_join', seconds: 60 }, 'mqtt://b'))
        .ok,
    ).toBe(false);
  });

  it('refuses channel changes, bad changes and a disconnected broker without publishing', async () => {
    const { bridge, publish, sent } = answering(() => ({ status: 'ok', data: { time: 1 } }));
    expect(
      await networkChangeThroughBridge(bridge, publish, { kind: 'channel', channel: 15 }, 'mqtt://b'),
    ).toMatchObject({ ok: false, detail: expect.stringContaining('own configuration') });
    for (const change of [{ kind: 'permit_join', seconds: 255 }, { kind: 'permit_join' }, 'open', null]) {
      expect((await networkChangeThroughBridge(bridge, publish, change, 'mqtt://b')).ok).toBe(false);
    }
    expect(await networkChangeThroughBridge(bridge, null, { kind: 'permit_join', seconds: 5 }, 'mqtt://b')).toEqual({
      ok: false,
      detail: 'zigbee2mqtt: not connected to the broker mqtt://b',
    });
    expect(sent).toEqual([]);
  });
});
