import { applyZigbeeCommand, type ZigbeeCommandTarget } from './zigbee-commands.js';

function recorder(): ZigbeeCommandTarget & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    permitJoin: (seconds) => Promise.resolve(void calls.push(['permitJoin', seconds])),
    setOnOff: (ieee, endpoint, action) => Promise.resolve(void calls.push(['setOnOff', ieee, endpoint, action])),
  };
}

describe('ZigBee commands from the server', () => {
  it('opens joining for the asked time, 60 s when none is given', async () => {
    const target = recorder();
    await expect(applyZigbeeCommand(target, { action: 'permit_join', target: 'gw', params: { seconds: 120 } })).resolves.toEqual({ ok: true, detail: 'joining permitted for 120 s' });
    await applyZigbeeCommand(target, { action: 'permit_join', target: 'gw' });
    expect(target.calls).toEqual([['permitJoin', 120], ['permitJoin', 60]]);
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
  ])('refuses %j without touching the network', async (command, detail) => {
    const target = recorder();
    const outcome = await applyZigbeeCommand(target, command);
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(detail);
    expect(target.calls).toEqual([]);
  });
});
