import { CommonPasswordPolicy, loadCommonPasswords } from './common-password-policy.js';

describe('CommonPasswordPolicy', () => {
  const common = loadCommonPasswords();
  const policy = new CommonPasswordPolicy(common);

  it('ships tens of thousands of common passwords', () => {
    expect(common.size).toBeGreaterThan(40_000);
    expect(common.has('123456')).toBe(true);
    expect(common.has('password')).toBe(true);
  });

  it('asks for 12 to 128 characters, counted in code points', () => {
    expect(policy.problems('short-pw')).toEqual(['password must be at least 12 characters']);
    expect(policy.problems('🔋'.repeat(11))).toEqual(['password must be at least 12 characters']);
    expect(policy.problems('x'.repeat(129))).toEqual(['password must be at most 128 characters']);
    expect(policy.problems('violet tram 42 lanterns')).toEqual([]);
  });

  it('rejects long passwords from the list, whatever their case', () => {
    const long = [...common].find((p) => p.length >= 12 && /[a-z]/.test(p))!;
    expect(long).toBeDefined();
    expect(policy.problems(long.toUpperCase())).toEqual([
      'password is too common; choose one that is not on lists of leaked passwords',
    ]);
  });
});
