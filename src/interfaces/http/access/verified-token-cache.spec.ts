import { VerifiedTokenCache } from './verified-token-cache.js';

describe('VerifiedTokenCache', () => {
  let nowMs = 1_000_000_000_000;
  const limits = { capacity: 3, clockToleranceS: 5, maxAgeS: 86_400 };
  const cache = () => new VerifiedTokenCache(limits, () => nowMs);
  const nowS = () => Math.floor(nowMs / 1000);

  it('answers a remembered token until its expiry plus the tolerance, then forgets it', () => {
    const tokens = cache();
    const claims = { sub: 'c1', typ: 'client' as const, iat: nowS(), exp: nowS() + 900 };
    tokens.remember('t1', claims);
    expect(tokens.get('t1')).toBe(claims);
    nowMs += (900 + 4) * 1000;
    expect(tokens.get('t1')).toBe(claims);
    nowMs += 1000;
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never outlives the maximum age, whatever the expiry says', () => {
    const tokens = cache();
    tokens.remember('long', { sub: 'u', iat: nowS(), exp: nowS() + 10 * 86_400 });
    nowMs += (86_400 + 5) * 1000;
    expect(tokens.get('long')).toBeUndefined();
  });

  it('keeps no token without an expiry, and knows only the exact text', () => {
    const tokens = cache();
    tokens.remember('no-exp', { sub: 'u' });
    expect(tokens.get('no-exp')).toBeUndefined();
    tokens.remember('abc.def.ghi', { sub: 'u', exp: nowS() + 60 });
    expect(tokens.get('abc.def.ghj')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const tokens = cache();
    for (const t of ['a', 'b', 'c', 'd']) tokens.remember(t, { sub: t, exp: nowS() + 60 });
    expect(tokens.size).toBe(3);
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.get('d')?.sub).toBe('d');
  });
});
