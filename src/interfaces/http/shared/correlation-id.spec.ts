import { correlationIdOf } from './correlation-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlationIdOf', () => {
  it("keeps the caller's id when it is 1–100 of A-Za-z0-9._:-", () => {
    expect(correlationIdOf('req-1:retry.2_a')).toBe('req-1:retry.2_a');
    expect(correlationIdOf('x'.repeat(100))).toBe('x'.repeat(100));
  });

  it('uses a new UUID for an absent, empty, too long or ill-formed header', () => {
    for (const header of [undefined, '', 'x'.repeat(101), 'has space', 'semi;colon', ['a', 'b']]) {
      expect(correlationIdOf(header)).toMatch(UUID);
    }
  });
});
