import { applyZigbeeCommand, type ZigbeeCommandTarget } from './zigbee-commands.js';

const UNTIL = '2026-01-01T00:01:00.000Z';

/** A coordinator that opens joining as asked and moves to a channel unless told it is stuck. */
function recorder(stuckOnChannel?: number): ZigbeeCommandTarget & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  let joinSeconds = 0;
  return {
    calls,
    permitJoin: (seconds) => Promise.resolve(void calls.push(['permitJoin', (joinSeconds = seconds)])),
    permitJoinState: () => ({ open: joinSeconds > 0, until: joinSeconds > 0 ? UNTIL : null }),
    changeChannel: (channel) => {
      calls.push(['changeChannel', channel]);
      return Promise.resolve({
        channel: stuckOnChannel ?? channel,
        panId: 0x1a62,
        extendedPanId: '0x0102030405060708',
        nwkUpdateId: 1,
      });
    },
    setOnOff: (ieee, endpoint, action) => Promise.resolve(void calls.push(['setOnOff', ieee, endpoint, action])),
  };
}

describe('ZigBee commands from the server', () => {
  it('opens joining for the asked time, 60 s when none is given', async () => {
    const target = recorder();
    await expect(
      applyZigbeeCommand(target, { action: 'permit_join', target: 'gw', params: { seconds: 120 } }),
    ).resolves.toEqual({ ok: true, detail: 'joining permitted for 120 s' });
    await applyZigbeeCommand(target, { action: 'permit_join', target: 'gw' });
    expect(target.calls).toEqual([
      ['permitJoin', 120],
      ['permitJoin', 60],
    ]);
  });

  it('applies network_config changes and reports what the coordinator says afterwards, not the request', async () => {
    const target = recorder();
    await expect(
      applyZigbeeCommand(target, {
        action: 'network_config',
        target: 'gw',
        params: { change: { kind: 'permit_join', seconds: 60 } },
      }),
    ).resolves.toEqual({
      ok: true,
      detail: `joining permitted until ${UNTIL}`,
      report: { kind: 'permit_join', open: true, until: UNTIL },
    });
    await expect(
      applyZigbeeCommand(target, {
        action: 'network_config',
        target: 'gw',
        params: { change: { kind: 'channel', channel: 20 } },
      }),
    ).resolves.toEqual({
      ok: true,
      detail: 'the coordinator runs on channel 20 (nwkUpdateId 1)',
      report: { kind: 'channel', channel: 20, panId: 0x1a62, extendedPanId: '0x0102030405060708', nwkUpdateId: 1 },
    });
    expect(target.calls).toEqual([
      ['permitJoin', 60],
      ['changeChannel', 20],
    ]);
    const stuck = await applyZigbeeCommand(recorder(11), {
      action: 'network_config',
      target: 'gw',
      params: { change: { kind: 'channel', channel: 20 } },
    });
    expect(stuck).toMatchObject({
      ok: false,
      detail: 'the coordinator still reports channel 11 after the change to 20',
      report: { channel: 11 },
    });
  });

  it('switches <ieee>/<endpoint>, endpoint 1 by default', async () => {
    const target = recorder();
    await applyZigbeeCommand(target, { action: 'switch', target: '0x842e14fffe5b1a01/2', params: { state: 'off' } });
    await applyZigbeeCommand(target, { action: 'switch', target: '0x842e14fffe5b1a01', params: { state: 'toggle' } });
    expect(target.calls).toEqual([
      ['setOnOff', '0x842e14fffe5b1a01', 2, 'off'],
      ['setOnOff', '0x842e14fffe5b1a01', 1, 'toggle'],
    ]);
  });

  it.each([
    [{ action: 'permit_join', target: 'gw', params: { seconds: 300 } }, /0 to 254/],
    [{ action: 'switch', target: '0x842e14fffe5b1a01', params: { state: 'dim' } }, /on, off or toggle/],
    [{ action: 'switch', target: 'plug-1', params: { state: 'on' } }, /<ieee>\/<endpoint>/],
    [{ action: 'reboot', target: 'gw' }, /no command "reboot"/],
    [
      { action: 'network_config', target: 'gw', params: { change: { kind: 'channel', channel: 27 } } },
      /channel: 11\.\.26/,
    ],
    [
      { action: 'network_config', target: 'gw', params: { change: { kind: 'permit_join', seconds: 255 } } },
      /seconds: 0\.\.254/,
    ],
    [{ action: 'network_config', target: 'gw', params: { change: { kind: 'pan_id' } } }, /takes params\.change/],
    [{ action: 'network_config', target: 'gw' }, /takes params\.change/],
  ])('refuses %j without touching the network', async (command, detail) => {
    const target = recorder();
    const outcome = await applyZigbeeCommand(target, command);
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(detail);
    expect(target.calls).toEqual([]);
  });
});
